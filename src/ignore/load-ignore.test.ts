import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { LocatedError } from "../diagnostic/located-error.js";
import { MAX_IGNORE_FILE_BYTES, loadIgnoreForContext } from "./load-ignore.js";

function ctx(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "goship-ignore-"));
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), body);
  }
  return dir;
}

test("<Dockerfile>.dockerignore beside the Dockerfile wins over .dockerignore", async () => {
  const dir = ctx({ ".dockerignore": "root\n", "Dockerfile.dockerignore": "specific\n", "build/api.Dockerfile.dockerignore": "api\n" });
  const def = await loadIgnoreForContext(dir);
  assert.equal(def.file, join(dir, "Dockerfile.dockerignore"));
  assert.deepEqual(def.patterns.map((p) => p.pattern), ["specific"]);
  const api = await loadIgnoreForContext(dir, join(dir, "build", "api.Dockerfile"));
  assert.equal(api.file, join(dir, "build", "api.Dockerfile.dockerignore"));
  assert.deepEqual(api.patterns.map((p) => [p.pattern, p.file]), [["api", api.file]]);
});

test("falls back to the context's .dockerignore, then to nothing", async () => {
  const dir = ctx({ ".dockerignore": "# c\nroot\n" });
  const r = await loadIgnoreForContext(dir, join(dir, "sub", "Dockerfile"));
  assert.equal(r.file, join(dir, ".dockerignore"));
  assert.deepEqual(r.patterns.map((p) => [p.pattern, p.line]), [["root", 2]]);
  const none = await loadIgnoreForContext(ctx({ "Dockerfile": "FROM scratch\n" }));
  assert.deepEqual(none, { file: null, patterns: [] });
});

test("an empty Dockerfile-specific file still wins; an unreadable one does not", async () => {
  const dir = ctx({ ".dockerignore": "root\n", "Dockerfile.dockerignore": "" });
  assert.deepEqual(await loadIgnoreForContext(dir), { file: join(dir, "Dockerfile.dockerignore"), patterns: [] });
  const dir2 = ctx({ ".dockerignore": "root\n" });
  mkdirSync(join(dir2, "Dockerfile.dockerignore"));
  assert.equal((await loadIgnoreForContext(dir2)).file, join(dir2, ".dockerignore"));
});

test("a file over BuildKit's 16 MiB limit is an error naming it", async () => {
  const dir = ctx({ ".dockerignore": "" });
  truncateSync(join(dir, ".dockerignore"), MAX_IGNORE_FILE_BYTES + 1);
  await assert.rejects(loadIgnoreForContext(dir), (e: unknown) => e instanceof LocatedError && e.file === join(dir, ".dockerignore"));
});
