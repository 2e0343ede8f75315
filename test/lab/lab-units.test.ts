/**
 * Unit tests of the build lab's pure pieces (no processes, no root): GOPROXY
 * path escaping and parsing, semver ordering, stand-in image tags and config,
 * builder configuration files, the runc config edit and mountinfo parsing.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildkitdToml } from "./buildkit.js";
import { registriesConf } from "./buildah.js";
import { logName } from "./build-options.js";
import { escapeModulePath, isSafeEscaped, parseProxyPath, unescapeModulePath } from "./module-path.js";
import { mountsUnder } from "./mounts.js";
import { adaptRuntimeConfig } from "./runner.js";
import { compare, isPrerelease, isPseudoVersion } from "./semver.js";
import { golangTags, imageConfigJson, standInImages } from "./stand-ins.js";

describe("lab: module path escaping", () => {
  it("escapes upper case as !lower and back", () => {
    assert.equal(escapeModulePath("github.com/BurntSushi/toml"), "github.com/!burnt!sushi/toml");
    assert.equal(unescapeModulePath("github.com/!burnt!sushi/toml"), "github.com/BurntSushi/toml");
    assert.equal(unescapeModulePath("github.com/Bad"), undefined);
    assert.equal(unescapeModulePath("github.com/bad!"), undefined);
    assert.equal(unescapeModulePath("github.com/bad!1"), undefined);
  });
  it("refuses unsafe paths", () => {
    assert.equal(isSafeEscaped("github.com/google/uuid"), true);
    for (const bad of ["", "../etc", "a//b", "a/./b", "/abs", "a b"]) assert.equal(isSafeEscaped(bad), false, bad);
  });
  it("parses every GOPROXY request kind", () => {
    assert.deepEqual(parseProxyPath("/github.com/!burnt!sushi/toml/@v/list"), {
      kind: "list",
      escapedPath: "github.com/!burnt!sushi/toml",
      path: "github.com/BurntSushi/toml",
    });
    assert.deepEqual(parseProxyPath("/example.com/m/@latest"), { kind: "latest", escapedPath: "example.com/m", path: "example.com/m" });
    const zip = parseProxyPath("/example.com/m/@v/v1.0.0-!r!c1.zip");
    assert.equal(zip?.kind, "zip");
    assert.equal(zip && "version" in zip ? zip.version : "", "v1.0.0-RC1");
    assert.equal(parseProxyPath("/example.com/m/@v/v1.0.0.info")?.kind, "info");
    assert.equal(parseProxyPath("/example.com/m/@v/v1.0.0.mod?x=1")?.kind, "mod");
    assert.equal(parseProxyPath("/example.com/M/@v/list"), undefined);
    assert.equal(parseProxyPath("/example.com/m/@v/v1.0.0.tar"), undefined);
    assert.equal(parseProxyPath("/example.com/../m/@v/list"), undefined);
    assert.equal(parseProxyPath("/sumdb/sumdb.example/supported"), undefined);
  });
});

describe("lab: semver", () => {
  it("orders releases, pre-releases and pseudo-versions", () => {
    const vs = ["v1.10.0", "v1.2.0", "v1.2.0-rc.1", "v1.2.0-rc.10", "v1.2.0-rc.2", "v0.0.0-20240102030405-abcdefabcdef"];
    assert.deepEqual([...vs].sort(compare), [
      "v0.0.0-20240102030405-abcdefabcdef",
      "v1.2.0-rc.1",
      "v1.2.0-rc.2",
      "v1.2.0-rc.10",
      "v1.2.0",
      "v1.10.0",
    ]);
    assert.equal(isPrerelease("v1.2.0-rc.1"), true);
    assert.equal(isPrerelease("v1.2.0+meta"), false);
    assert.equal(isPseudoVersion("v0.0.0-20240102030405-abcdefabcdef"), true);
    assert.equal(isPseudoVersion("v1.2.4-0.20240102030405-abcdefabcdef"), true);
    assert.equal(isPseudoVersion("v1.2.3-pre.0.20240102030405-abcdefabcdef"), true);
    assert.equal(isPseudoVersion("v1.2.3"), false);
  });
});

describe("lab: stand-in images", () => {
  const inputs = { goVersion: "1.26.8", goModVersions: ["1.26"] };
  it("tags golang the ways Dockerfiles name it", () => {
    assert.deepEqual(golangTags(inputs, ""), ["1.26.8", "1.26", "1", "latest"]);
    assert.deepEqual(golangTags({ goVersion: "1.26.8", goModVersions: ["1.25.3"] }, "-alpine"), [
      "1.26.8-alpine",
      "1.26-alpine",
      "1.25.3-alpine",
      "1-alpine",
      "alpine",
    ]);
  });
  it("labels every image as a stand-in and gives distroless nonroot UID 65532", () => {
    const images = standInImages(inputs);
    assert.ok(images.every((i) => i.config.Labels["dev.goship.lab.stand-in"] === "true"));
    const refs = images.flatMap((i) => i.tags.map((t) => `${i.repository}:${t}`));
    assert.equal(new Set(refs).size, refs.length, "no tag is claimed twice");
    for (const r of ["library/golang:1.26", "library/golang:1.26.8-alpine", "distroless/static-debian12:nonroot", "library/debian:bookworm-slim"]) {
      assert.ok(refs.includes(r), r);
    }
    const nonroot = images.find((i) => i.repository === "distroless/static-debian12" && i.tags.includes("nonroot"));
    assert.equal(nonroot?.config.User, "65532");
    const cfg = JSON.parse(imageConfigJson(nonroot!, ["sha256:" + "0".repeat(64)], "2000-01-01T00:00:00.000Z", "amd64")) as {
      config: { User: string };
      rootfs: { diff_ids: string[] };
      architecture: string;
    };
    assert.equal(cfg.config.User, "65532");
    assert.equal(cfg.rootfs.diff_ids.length, 1);
    assert.equal(cfg.architecture, "amd64");
  });
});

describe("lab: builder configuration", () => {
  it("buildkitd.toml mirrors docker.io and gcr.io to the lab registry over HTTP", () => {
    const toml = buildkitdToml("127.0.0.1:5123", "/tmp/x/buildkitd.sock");
    assert.match(toml, /\[registry\."docker\.io"\]\n  mirrors = \["127\.0\.0\.1:5123"\]/);
    assert.match(toml, /\[registry\."gcr\.io"\]\n  mirrors = \["127\.0\.0\.1:5123"\]/);
    assert.match(toml, /\[registry\."127\.0\.0\.1:5123"\]\n  http = true/);
    assert.match(toml, /address = \["unix:\/\/\/tmp\/x\/buildkitd\.sock"\]/);
  });
  it("registries.conf mirrors both registries and resolves short names on docker.io", () => {
    const conf = registriesConf("127.0.0.1:5123");
    assert.match(conf, /unqualified-search-registries = \["docker\.io"\]/);
    assert.equal(conf.match(/\[\[registry\.mirror\]\]\nlocation = "127\.0\.0\.1:5123"\ninsecure = true/g)?.length, 2);
  });
  it("numbers log files in build order", () => {
    assert.equal(logName(3, "my greeter", "buildkit", "plain.log"), "03-my-greeter.buildkit.plain.log");
  });
});

describe("lab: runner", () => {
  it("adapts umoci's runtime config: no terminal, host network, args after the entrypoint, env overrides", () => {
    const cfg = {
      process: { terminal: true, args: ["/app", "serve"], env: ["PATH=/bin", "PORT=1"] },
      linux: { namespaces: [{ type: "pid" }, { type: "network" }, { type: "mount" }] },
    };
    const out = adaptRuntimeConfig(cfg, { args: ["x"], env: { PORT: "2", A: "b" } }, ["/app"]) as {
      process: { terminal: boolean; args: string[]; env: string[] };
      linux: { namespaces: { type: string }[] };
    };
    assert.equal(out.process.terminal, false);
    assert.deepEqual(out.process.args, ["/app", "x"]);
    assert.deepEqual(out.process.env, ["PATH=/bin", "PORT=2", "A=b"]);
    assert.deepEqual(out.linux.namespaces.map((n) => n.type), ["pid", "mount"]);
    assert.deepEqual(cfg.process.args, ["/app", "serve"], "input untouched");
  });
  it("finds mounts under a folder, deepest first, and no others", () => {
    const info = [
      "22 1 0:21 / / rw - ext4 /dev/vda rw",
      "90 22 0:50 / /tmp/goship-lab-a/buildkit/state/x rw - overlay overlay rw",
      "91 90 0:51 / /tmp/goship-lab-a/buildkit/state/x/proc rw - proc proc rw",
      "92 22 0:52 / /tmp/goship-lab-ab/other rw - tmpfs tmpfs rw",
      "93 22 0:53 / /tmp/goship-lab-a/with\\040space rw - tmpfs tmpfs rw",
    ].join("\n");
    assert.deepEqual(mountsUnder(info, "/tmp/goship-lab-a"), [
      "/tmp/goship-lab-a/buildkit/state/x/proc",
      "/tmp/goship-lab-a/buildkit/state/x",
      "/tmp/goship-lab-a/with space",
    ]);
  });
});
