import assert from "node:assert/strict";
import { test } from "node:test";
import { parseDockerfile } from "../dockerfile/index.js";
import { copySources } from "./copy-sources.js";
import { unusedWeight } from "./unused.js";
import type { ContextEntry } from "./walk.js";

const f = (path: string, size = 10): ContextEntry => ({ path, size, dir: false, symlink: false, type: "file" });
const d = (path: string): ContextEntry => ({ path, size: 0, dir: true, symlink: false, type: "dir" });
const ENTRIES = [f("Dockerfile"), f("go.mod"), f("go.sum"), d("cmd"), d("cmd/api"), f("cmd/api/main.go"), d("docs"), f("docs/a.md", 500), d("web"), f("web/app.js", 300), f("web/x.go"), f("notes.txt", 7)];

test("files no COPY/ADD/bind mount reaches, compressed into whole folders", () => {
  const df = parseDockerfile("FROM golang:1.22 AS b\nCOPY go.mod go.sum ./\nRUN --mount=type=bind,source=cmd,target=/cmd true\nCOPY web/*.go /w/\nFROM scratch\nCOPY --from=b /x /x\n");
  const u = unusedWeight(ENTRIES, copySources(df), ["Dockerfile"]);
  assert.equal(u.known, true);
  assert.deepEqual(u.files.map((e) => e.path), ["docs/a.md", "web/app.js", "notes.txt"]);
  assert.equal(u.bytes, 807);
  assert.deepEqual(u.roots, ["docs", "web/app.js", "notes.txt"]);
});

test("COPY . and variables make the answer none or unknown", () => {
  assert.equal(unusedWeight(ENTRIES, copySources(parseDockerfile("FROM x\nCOPY ./ /src\n"))).wholeContext, true);
  const dyn = unusedWeight(ENTRIES, copySources(parseDockerfile("FROM x\nARG D=cmd\nCOPY $D /src\n")));
  assert.deepEqual([dyn.known, dyn.files.length], [false, 0]);
});
