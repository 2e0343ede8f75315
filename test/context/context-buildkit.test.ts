/**
 * Differential test of the build-context file set against the real builder:
 * for hand-written and seeded random trees and ignore files (dotfiles, nested
 * exceptions, `**`, symlinks, empty folders, a FIFO, `<Dockerfile>.dockerignore`),
 * BuildKit builds `FROM scratch` + `COPY . /ctx` into an OCI archive in the
 * build lab; the members under /ctx of its one layer must be exactly the
 * entries `goship context --json` lists (path, type, symlink target).
 * GOSHIP_SKIP_LAB=1 skips it; GOSHIP_SEED=<n> reproduces the random cases.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { labUnavailable, startLab, type Lab } from "../lab/index.js";
import { ROOT } from "../support/paths.js";
import { makeRng, rngFromEnv } from "../support/random.js";
import { randomTree, writeTree, type TreeSpec } from "./gen-tree.js";
import { goshipContextLines, ociLayerLines, type GoshipJsonFile } from "./oci-context.js";

const SKIP = process.env.GOSHIP_SKIP_LAB === "1" ? "GOSHIP_SKIP_LAB=1: build lab tests skipped" : false;
const RANDOM_CASES = Number(process.env.GOSHIP_CONTEXT_CASES ?? 16);

interface Case {
  readonly name: string;
  readonly tree: TreeSpec;
  /** Dockerfile inside the context at this path (default: outside the context). */
  readonly dockerfileIn?: string;
  /** Extra files written after the tree (e.g. a Dockerfile-specific ignore file). */
  readonly extra?: Readonly<Record<string, string>>;
  /** Lines BuildKit's layer must hold (guards against both sides agreeing on nothing). */
  readonly expect?: readonly string[];
}

const T = (files: string[], ignore: string, more: Partial<TreeSpec> = {}): TreeSpec => ({ files, emptyDirs: [], symlinks: [], fifos: [], ignore, ...more });

const HAND: readonly Case[] = [
  { name: "no ignore file", tree: T([".env", "a/b/c", ".git/HEAD", "x y/z"], "", { emptyDirs: ["e", "a/e"], symlinks: [["l", "a/b"], ["d", "../../x"]] }) },
  { name: "dotfiles and nested exceptions", tree: T([".env", ".env.example", "a/.hidden", "a/b/keep", "a/b/f", "src/main.go", ".git/HEAD"], ".*\n!.env.example\na\n!a/b/keep\n**/.git\n") },
  { name: "excluded parent sent for an included child", tree: T(["a/b/keep", "a/b/x", "a/c"], "a\n!a/b/keep\n", { emptyDirs: ["a/e"] }), expect: ["a\tdir", "a/b\tdir", "a/b/keep\tfile"] },
  { name: "wildcard exception: excluded empty folder not sent", tree: T(["a/keep", "b/f"], "a\nb\n!**/keep\n", { emptyDirs: ["a/e", "b/e"] }), expect: ["a\tdir", "a/keep\tfile"] },
  { name: "matches() and the walk disagree (a, !a/b, a)", tree: T(["a/b", "a/c"], "a\n!a/b\na\n"), expect: ["a/b\tfile"] },
  { name: "everything but go files", tree: T(["main.go", "a/x.go", "a/README.md", "vendor/m/y.go"], "*\n!**/*.go\n") },
  { name: "symlinks are sent as links, excluded by name", tree: T(["a/f"], "link-ex*\n", { symlinks: [["link-in", "a"], ["link-ex", "a/f"], ["a/abs", "/etc/passwd"], ["a/dangling", "nowhere"]] }), expect: ["link-in\tsymlink\ta", "a/abs\tsymlink\t/etc/passwd"] },
  { name: "FIFO and empty folders", tree: T(["f"], "", { fifos: ["p", "a/p"], emptyDirs: ["e/f/g"] }), expect: ["p\tfifo", "e/f/g\tdir"] },
  { name: "double star and trailing globs", tree: T(["x.d/z", "x.d/y", "x.d/s/z", "docs/a.md", "docs/b.txt"], "x.d/**\n!x.d/z\ndocs/*.md\n") },
  {
    name: "<Dockerfile>.dockerignore wins over .dockerignore",
    tree: T(["a", "b", "build/x"], "a\n"),
    dockerfileIn: "build/api.Dockerfile",
    extra: { "build/api.Dockerfile.dockerignore": "b\n" },
  },
  { name: "empty <Dockerfile>.dockerignore still wins", tree: T(["a", "b"], "a\nb\n"), dockerfileIn: "Dockerfile", extra: { "Dockerfile.dockerignore": "" } },
];

describe("goship context vs BuildKit's context transfer", { skip: SKIP }, () => {
  let lab: Lab;
  let work: string;
  before(async () => {
    const why = labUnavailable();
    assert.equal(why, undefined, `build lab unavailable: ${why} (set GOSHIP_SKIP_LAB=1 to skip)`);
    lab = await startLab({ images: false });
    work = mkdtempSync(join(tmpdir(), "goship-ctx-diff-"));
  });
  after(async () => {
    await lab?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  async function check(c: Case, n: number): Promise<void> {
    const dir = join(work, String(n));
    const ctx = join(dir, "ctx");
    writeTree(ctx, c.tree);
    for (const [p, text] of Object.entries(c.extra ?? {})) {
      mkdirSync(join(ctx, p, ".."), { recursive: true });
      writeFileSync(join(ctx, p), text);
    }
    const dockerfile = c.dockerfileIn ? join(ctx, c.dockerfileIn) : join(dir, "df", "Dockerfile");
    mkdirSync(join(dockerfile, ".."), { recursive: true });
    writeFileSync(dockerfile, "FROM scratch\nCOPY . /ctx\n");
    const archive = join(dir, "image.oci.tar");
    const r = await lab.build({ context: ctx, dockerfile, output: { type: "oci", dest: archive }, useLabProxy: false, label: `ctx-${n}` });
    const json = execFileSync(process.execPath, [join(ROOT, "bin", "goship.js"), "context", "--json", ctx, "-f", dockerfile], { encoding: "utf8" });
    const ours = goshipContextLines((JSON.parse(json) as { files: GoshipJsonFile[] }).files);
    assert.ok(r.ok, `${c.name}: build failed, log ${r.logPath}`);
    const theirs = ociLayerLines(archive, "ctx");
    const detail = `${c.name}\nignore:\n${c.tree.ignore}\nfiles: ${JSON.stringify(c.tree)}`;
    assert.deepEqual(ours, theirs, detail);
    for (const line of c.expect ?? []) assert.ok(theirs.includes(line), `${c.name}: BuildKit's layer lacks ${JSON.stringify(line)}`);
  }

  it("hand-written trees", async () => {
    let n = 0;
    for (const c of HAND) await check(c, n++);
    console.log(`context differential: ${HAND.length}/${HAND.length} hand-written trees identical to BuildKit's`);
  });

  it("seeded random trees and ignore files", async () => {
    const rng = rngFromEnv();
    console.log(`context differential seed: GOSHIP_SEED=${rng.seed}`);
    const cases: Case[] = [];
    for (let i = 0; i < RANDOM_CASES; i++) cases.push({ name: `random ${i}`, tree: randomTree(makeRng(rng.int(2 ** 31))) });
    const pending = cases.map((c, i) => () => check(c, 100 + i));
    const running: Promise<void>[] = [];
    for (let i = 0; i < 4; i++) running.push((async () => { for (let t = pending.shift(); t; t = pending.shift()) await t(); })());
    await Promise.all(running);
    console.log(`context differential: ${cases.length}/${cases.length} random trees identical to BuildKit's`);
  });
});
