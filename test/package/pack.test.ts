import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { scanText } from "../../src/secrets/index.js";
import { ROOT } from "../support/paths.js";

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string; size: number }[];
}

const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

/** npm pack as the registry would get it (scripts off: dist/ is what the build left). */
function pack(args: string[]): PackResult {
  const out = execFileSync(NPM, ["pack", "--json", "--ignore-scripts", ...args], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return (JSON.parse(out) as PackResult[])[0]!;
}

/** Files the generic detector flags in code for reasons that are not secrets (identifiers next to words like "token"). */
const GENERIC_ALLOWED = new Set([
  "dist/src/dockerfile/expand/lexer.js",
  "dist/src/dockerfile/index.js",
  "dist/src/oci/remote/client-for.js",
  "dist/src/secrets/detectors/npm-token.js",
  // The lint CLI's one-file bundle: dist/src plus commander, yaml and ajv, whose
  // identifiers trip the generic detector the same way; the token-shape
  // detectors still run on it.
  "dist/cli.cjs",
  // The rule page shows a hard-coded password as its bad example.
  "docs/rules/GS402.md",
]);

test("npm pack: the package holds the CLI, the library with types, the schema and docs, and no tests, fixtures, benchmarks or secrets", () => {
  const p = pack(["--dry-run"]);
  const files = p.files.map((f) => f.path);
  const has = (f: string): boolean => files.includes(f);
  for (const f of ["package.json", "README.md", "bin/goship.js", "dist/src/index.js", "dist/src/index.d.ts", "dist/src/cli/main.js", "dist/cli.cjs", "dist/cli.cjs.cache", "schema/goship.schema.json", "docs/getting-started.md", "docs/library.md", "docs/configuration-reference.md"]) {
    assert.ok(has(f), `missing ${f}`);
  }
  assert.ok(files.some((f) => /^docs\/commands\/[a-z-]+\.md$/.test(f)), "docs/commands");
  assert.ok(files.some((f) => /^docs\/rules\/GS\d{3}\.md$/.test(f)), "docs/rules");
  // Every compiled module ships its declarations.
  for (const f of files.filter((x) => x.startsWith("dist/src/") && x.endsWith(".js"))) assert.ok(has(f.replace(/\.js$/, ".d.ts")), `no types for ${f}`);

  const forbidden = files.filter(
    (f) =>
      /\.test\.(js|d\.ts|js\.map|ts)$/.test(f) ||
      /^(src|test|bench|examples|scripts|ci|dist\/test|dist\/bench)\//.test(f) ||
      /(^|\/)(fixtures|testdata|\.cache|node_modules)\//.test(f) ||
      /(^|\/)\.(env|npmrc|netrc|goship\.ya?ml)$/.test(f) ||
      /\.(pem|key|p12|tgz)$/.test(f),
  );
  assert.deepEqual(forbidden, []);

  // No secret in any shipped text file (goship's own scanner; maps hold only paths and mappings).
  const hits: string[] = [];
  for (const f of files) {
    if (f.endsWith(".map") || f === "dist/cli.cjs.cache") continue; // source maps; V8's binary code cache
    for (const h of scanText(readFileSync(join(ROOT, f), "utf8"), { file: f })) {
      if (h.detector === "generic-secret" && GENERIC_ALLOWED.has(f)) continue;
      hits.push(`${f}:${h.line} ${h.detector} ${h.preview}`);
    }
  }
  assert.deepEqual(hits, []);

  // A sane size: today about 1 MB packed and 4 MB unpacked.
  assert.ok(p.size < 3_000_000, `packed ${p.size} bytes`);
  assert.ok(p.unpackedSize < 12_000_000, `unpacked ${p.unpackedSize} bytes`);
  assert.ok(p.entryCount < 3000, `${p.entryCount} files`);
});

test("npm pack: the unpacked tarball runs on its own (CLI and library entry), with only the dependencies installed", async () => {
  const dir = mkdtempSync(join(tmpdir(), "goship-pack-"));
  try {
    const p = pack(["--pack-destination", dir]);
    execFileSync("tar", ["-xzf", join(dir, p.filename), "-C", dir]);
    const pkg = join(dir, "package");
    // The dependencies only (what npm would install next to it), not the checkout.
    symlinkSync(join(ROOT, "node_modules"), join(pkg, "node_modules"));
    const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
    const v = spawnSync(process.execPath, [join(pkg, "bin", "goship.js"), "--version"], { cwd: dir, encoding: "utf8" });
    assert.equal(v.status, 0, v.stderr);
    assert.equal(v.stdout.trim(), version);
    const lint = spawnSync(process.execPath, [join(pkg, "bin", "goship.js"), "lint", "-"], { cwd: dir, encoding: "utf8", input: "FROM golang:1.26\nRUN go build ./... || true\n" });
    assert.equal(lint.status, 1, lint.stderr);
    assert.match(lint.stdout, /GS301/);
    const explain = spawnSync(process.execPath, [join(pkg, "bin", "goship.js"), "lint", "--explain", "GS301"], { cwd: dir, encoding: "utf8" });
    assert.equal(explain.status, 0, explain.stderr);
    const lib = (await import(pathToFileURL(join(pkg, "dist", "src", "index.js")).href)) as { VERSION: string; lintText(s: string): { findings: unknown[] } };
    assert.equal(lib.VERSION, version);
    assert.ok(lib.lintText("FROM golang\n").findings.length > 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
