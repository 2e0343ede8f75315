/**
 * The `build` section of .goship.yaml: a full section parses into
 * BuildConfig (platforms as a list or a comma string, targets), unknown keys
 * and bad types are LocatedErrors naming file:line:column, and the CLI turns
 * them into exit 2 before building anything. mergeBuildSettings: flags win
 * over the section, --env adds to build.env.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { mergeBuildSettings } from "../build/config-options.js";
import { validateBuildOptions } from "../build/options.js";
import { run } from "../cli/main.js";
import { LocatedError } from "../diagnostic/located-error.js";
import { DEFAULT_BUILD_CONFIG } from "./config.js";
import { parseConfig } from "./load.js";

const GOOD = `build:
  base: registry.example/base/static:1
  platforms: [linux/amd64, linux/arm64]
  ldflags:
    - -X main.commit={{.Git.ShortCommit}}
  env:
    GOEXPERIMENT: loopvar
  tags: [netgo]
  version: "{{.Git.Tag}}"
  dataFolder: assets
  user: "1000:1000"
  repo: registry.example/team
  targets:
    ./cmd/worker:
      base: registry.example/base/debug:1
      platforms: linux/arm64
      ldflags: ["-X main.role=worker"]
      env: { ROLE: worker }
      dataFolder: static
`;

function locErr(text: string, re: RegExp): (e: unknown) => boolean {
  return (e: unknown) => {
    assert.ok(e instanceof LocatedError, String(e));
    assert.match(e.format(), re);
    return true;
  };
}

describe("build section of .goship.yaml", () => {
  it("parses every key, with defaults for the rest", () => {
    const b = parseConfig(GOOD, ".goship.yaml").build!;
    assert.deepEqual(b, {
      base: "registry.example/base/static:1",
      platforms: ["linux/amd64", "linux/arm64"],
      ldflags: ["-X main.commit={{.Git.ShortCommit}}"],
      env: { GOEXPERIMENT: "loopvar" },
      tags: ["netgo"],
      version: "{{.Git.Tag}}",
      dataFolder: "assets",
      binaryDir: null,
      user: "1000:1000",
      owner: null,
      repo: "registry.example/team",
      targets: { "./cmd/worker": { base: "registry.example/base/debug:1", platforms: ["linux/arm64"], ldflags: ["-X main.role=worker"], env: { ROLE: "worker" }, dataFolder: "static" } },
    });
    assert.deepEqual(parseConfig("lint: {}\n", ".goship.yaml").build, DEFAULT_BUILD_CONFIG);
    assert.deepEqual(parseConfig("build:\n  platforms: linux/amd64,linux/arm/v7\n", "c.yaml").build?.platforms, ["linux/amd64", "linux/arm/v7"]);
  });

  it("reports unknown keys and bad types at their file:line:column", () => {
    assert.throws(() => parseConfig("build:\n  platfroms: [linux/amd64]\n", ".goship.yaml"), locErr("", /^\.goship\.yaml:2:3: unknown key "platfroms" in build \(did you mean "platforms"\?\)/));
    assert.throws(() => parseConfig("build:\n  targets:\n    ./cmd/x:\n      ldflag: [a]\n", "g.yaml"), locErr("", /^g\.yaml:4:7: unknown key "ldflag" in build\.targets\.\.\/cmd\/x/));
    assert.throws(() => parseConfig("build:\n  ldflags: -s\n", "g.yaml"), locErr("", /^g\.yaml:2:12: build\.ldflags must be array/));
    assert.throws(() => parseConfig("build:\n  env:\n    CGO: 1\n", "g.yaml"), locErr("", /^g\.yaml:3:10: build\.env\.CGO must be string/));
    assert.throws(() => parseConfig("build:\n  platforms: [linux]\n", "g.yaml"), locErr("", /^g\.yaml:2:\d+: build\.platforms\.0 must match pattern/));
    assert.throws(() => parseConfig("build:\n  dataFolder: ../up\n", "g.yaml"), locErr("", /^g\.yaml:2:15: build\.dataFolder must match pattern/));
    assert.throws(() => parseConfig("build:\n  user: root\n", "g.yaml"), locErr("", /^g\.yaml:2:9: build\.user must match pattern/));
  });

  it("goship build exits 2 on a bad build section, naming file:line, before any build", async () => {
    const dir = mkdtempSync(join(tmpdir(), "goship-build-config-"));
    try {
      writeFileSync(join(dir, ".goship.yaml"), "build:\n  bse: x\n");
      let err = "";
      let out = "";
      const io = { stdout: { write: (s: string) => ((out += s), true) }, stderr: { write: (s: string) => ((err += s), true) }, stdin: process.stdin, cwd: dir, env: { PATH: process.env.PATH } } as never;
      assert.equal(await run(["build", "--oci-layout", join(dir, "out")], io), 2);
      assert.match(err, /\.goship\.yaml:2:3: unknown key "bse" in build \(did you mean "base"\?\)/);
      assert.equal(out, "");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("merges with flags: a given flag wins, lists from flags replace, --env adds", () => {
    const b = parseConfig(GOOD, ".goship.yaml").build!;
    const none = mergeBuildSettings(b, {});
    assert.equal(none.platform, "linux/amd64,linux/arm64");
    assert.equal(none.base, "registry.example/base/static:1");
    assert.deepEqual(none.ldflags, ["-X main.commit={{.Git.ShortCommit}}"]);
    assert.deepEqual(none.buildEnv, { GOEXPERIMENT: "loopvar" });
    assert.deepEqual(none.targets, { "./cmd/worker": { base: "registry.example/base/debug:1", platform: "linux/arm64", ldflags: ["-X main.role=worker"], env: { ROLE: "worker" }, dataFolder: "static" } });
    const flags = mergeBuildSettings(b, { platform: "linux/arm/v7", base: "other.example/b:2", ldflags: ["-X main.x=1"], env: ["GOEXPERIMENT=none", "EXTRA=1"], user: "5:5", tags: [] });
    assert.equal(flags.platform, "linux/arm/v7");
    assert.equal(flags.base, "other.example/b:2");
    assert.deepEqual(flags.ldflags, ["-X main.x=1"]);
    assert.deepEqual(flags.tags, ["netgo"], "an empty flag list keeps the config's");
    assert.deepEqual(flags.buildEnv, { GOEXPERIMENT: "none", EXTRA: "1" });
    assert.equal(flags.user, "5:5");
    assert.throws(() => mergeBuildSettings(b, { env: ["NOEQUALS"] }), /--env takes KEY=VALUE/);
    // Validated options carry the env (for go build and templates) and the targets.
    const o = validateBuildOptions({ ...none, dir: "/m", env: { PATH: "/bin" } });
    assert.equal(o.env["GOEXPERIMENT"], "loopvar");
    assert.equal(o.env["PATH"], "/bin");
    assert.equal(o.targets?.[0]?.base?.raw, "registry.example/base/debug:1");
    assert.throws(() => validateBuildOptions({ ...none, dir: "/m", env: {}, targets: { "./x": { platform: "linux/sparc" } } }), /build\.targets\.\.\/x\.platforms: unknown platform linux\/sparc/);
  });
});
