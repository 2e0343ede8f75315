/**
 * The one-file bundle (dist/cli.cjs) must be the same CLI as the ES modules:
 * same output and exit code for every format on every corpus Dockerfile and
 * the examples, and its code cache accepted by the Node that built it.
 * Skipped when scripts/build-cli-bundle.mjs has not run since the last tsc.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { loadCliBundle } from "./bundle.js";
import type { Io } from "./io.js";
import { run } from "./main.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

function dockerfiles(): string[] {
  const out: string[] = [];
  for (const base of [join(root, "examples"), join(root, "..", "shared", "corpus", "dockerfiles")]) {
    if (!existsSync(base)) continue;
    for (const d of readdirSync(base)) if (existsSync(join(base, d, "Dockerfile"))) out.push(join(base, d, "Dockerfile"));
  }
  return out;
}

async function capture(runner: (argv: readonly string[], io: Io) => Promise<number>, argv: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: Io = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    stdin: Readable.from([]),
    cwd: root,
    env: {},
  };
  const code = await runner(argv, io);
  return { code, out, err };
}

test("the bundle lints exactly as the ES modules do, and its code cache is accepted", async (t) => {
  const bundle = loadCliBundle();
  if (!bundle) {
    t.skip("no fresh dist/cli.cjs (run scripts/build-cli-bundle.mjs after tsc)");
    return;
  }
  assert.equal(bundle.cache, "used");
  const files = dockerfiles();
  assert.ok(files.length >= 4);
  for (const format of ["text", "json", "sarif", "github", "checkstyle"]) {
    const argv = ["lint", "--format", format, ...files];
    const viaBundle = await capture(bundle.run as (a: readonly string[], io: Io) => Promise<number>, argv);
    const viaModules = await capture(run, argv);
    assert.deepEqual(viaBundle, viaModules, `--format ${format}`);
  }
  const explain = ["lint", "--explain", "GS102"];
  assert.deepEqual(await capture(bundle.run as (a: readonly string[], io: Io) => Promise<number>, explain), await capture(run, explain));
});
