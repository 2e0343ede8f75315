/**
 * Proves the build lab (test/lab/index.ts) with real builds: the greeter
 * example builds with BuildKit from the lab registry's stand-in images and the
 * lab's module proxy, runs under runc as UID 65532 and answers HTTP 200; the
 * same build fails, naming the cause, when the proxy fails; the cgo and
 * private-module examples build and run; dockerd (legacy builder) and buildah
 * build through the same mirrors; teardown kills only the lab's PIDs and
 * removes its folder, and the lab starts again. GOSHIP_SKIP_LAB=1 skips it.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { freePort } from "./free-port.js";
import { labUnavailable, startLab, type Lab } from "./index.js";
import { EXAMPLES } from "./paths.js";
import { pidAlive } from "./process.js";
import { ROOT } from "../support/paths.js";

const SKIP = process.env.GOSHIP_SKIP_LAB === "1" ? "GOSHIP_SKIP_LAB=1: build lab tests skipped (real BuildKit, registry, proxy)" : false;
const FIXTURES = join(ROOT, "test", "lab", "fixtures");
const greeter = join(EXAMPLES, "greeter");

function logOf(path: string): string {
  return readFileSync(path, "utf8");
}

/** Asserts a build succeeded, quoting the end of its log when it did not. */
function assertBuilt(r: { ok: boolean; logPath: string }): void {
  if (!r.ok) assert.fail(`build failed, log ${r.logPath}:\n${logOf(r.logPath).split("\n").slice(-40).join("\n")}`);
}

describe("build lab", { skip: SKIP }, () => {
  let lab: Lab;

  before(async () => {
    const why = labUnavailable();
    assert.equal(why, undefined, `build lab unavailable: ${why} (set GOSHIP_SKIP_LAB=1 to skip)`);
    lab = await startLab();
    const t = lab.timings;
    console.log(
      `lab start: ${t.totalMs} ms (images ${t.imagesBuilt ? "built" : "cached"} ${t.imagesMs} ms, registry ${t.registryMs} ms, ` +
        `proxy ${t.proxyMs} ms, buildkitd ${t.buildkitMs} ms); logs in ${lab.logsDir}`,
    );
  });

  after(async () => {
    await lab?.stop();
  });

  it("module proxy speaks GOPROXY with case-encoding and fails on demand", async () => {
    const p = lab.proxy.url;
    const list = await fetch(`${p}/github.com/google/uuid/@v/list`);
    assert.equal(list.status, 200);
    assert.match(await list.text(), /^v1\.6\.0$/m);
    const info = (await (await fetch(`${p}/github.com/google/uuid/@v/v1.6.0.info`)).json()) as { Version: string };
    assert.equal(info.Version, "v1.6.0");
    const latest = (await (await fetch(`${p}/corp.example/platform/auth/@latest`)).json()) as { Version: string };
    assert.equal(latest.Version, "v1.0.0");
    assert.match(await (await fetch(`${p}/corp.example/platform/auth/@v/v1.0.0.mod`)).text(), /^module corp\.example\/platform\/auth$/m);
    // Upper case must arrive escaped; the raw form is not a valid request.
    assert.equal((await fetch(`${p}/github.com/Google/uuid/@v/list`)).status, 404);
    assert.equal((await fetch(`${p}/github.com/google/uuid/@v/../../x.zip`)).status, 404);
    const zip = Buffer.from(await (await fetch(`${p}/github.com/google/uuid/@v/v1.6.0.zip`)).arrayBuffer());
    assert.equal(zip.subarray(0, 2).toString(), "PK");

    for (const mode of ["404", "410", "500"] as const) {
      lab.proxy.fail(mode, { module: "google/uuid" });
      const r = await fetch(`${p}/github.com/google/uuid/@v/v1.6.0.mod`);
      assert.equal(r.status, Number(mode));
      assert.match(await r.text(), /github\.com\/google\/uuid@v1\.6\.0/);
      // Other modules are untouched by a fault scoped to one module.
      assert.equal((await fetch(`${p}/corp.example/platform/auth/@v/v1.0.0.info`)).status, 200);
    }
    lab.proxy.fail("close");
    await assert.rejects(fetch(`${p}/github.com/google/uuid/@v/v1.6.0.mod`));
    lab.proxy.fail("tamper");
    const bad = Buffer.from(await (await fetch(`${p}/github.com/google/uuid/@v/v1.6.0.zip`)).arrayBuffer());
    assert.equal(bad.subarray(0, 2).toString(), "PK");
    assert.notDeepEqual(bad, zip);
    lab.proxy.fail("slow", { delayMs: 300 });
    const t0 = Date.now();
    assert.equal((await fetch(`${p}/github.com/google/uuid/@v/v1.6.0.mod`)).status, 200);
    assert.ok(Date.now() - t0 >= 250, "slow fault delays the answer");
    lab.proxy.fail("timeout");
    const held = fetch(`${p}/github.com/google/uuid/@v/v1.6.0.mod`);
    await new Promise((r) => setTimeout(r, 200));
    lab.proxy.heal(); // drops the held connection
    await assert.rejects(held);
    assert.equal((await fetch(`${p}/github.com/google/uuid/@v/v1.6.0.mod`)).status, 200);
    assert.ok(lab.proxy.requests().some((e) => e.fault === "tamper" && e.kind === "zip"));
  });

  it("registry serves stand-in base images under the names real Dockerfiles use", async () => {
    const images = lab.images;
    assert.ok(images);
    const tags = async (repo: string): Promise<string[]> =>
      ((await (await fetch(`http://${lab.registry.address}/v2/${repo}/tags/list`)).json()) as { tags: string[] }).tags;
    const golang = await tags("library/golang");
    const [maj, min] = images.inputs.goVersion.split(".");
    for (const t of [images.inputs.goVersion, `${maj}.${min}`, ...images.inputs.goModVersions, `${maj}.${min}-alpine`, `${maj}.${min}-bookworm`]) {
      assert.ok(golang.includes(t), `golang:${t} in ${golang.join(",")}`);
    }
    assert.ok((await tags("distroless/static-debian12")).includes("nonroot"));
    assert.ok((await tags("distroless/static")).includes("nonroot"));
    assert.ok((await tags("library/debian")).includes("bookworm-slim"));
    assert.ok(images.images.every((i) => i.labelledStandIn));
  });

  it("greeter builds with BuildKit, runs as 65532 and answers HTTP 200", async () => {
    const r = await lab.build({
      context: greeter,
      buildArgs: { VERSION: "1.2.3-lab" },
      output: { type: "registry", name: "goship/greeter:lab" },
    });
    assertBuilt(r);
    assert.ok(r.imageRef?.startsWith(lab.registry.address));
    const log = logOf(r.logPath);
    assert.match(log, /load metadata for docker\.io\/library\/golang:1\.26/);
    assert.match(log, /load metadata for gcr\.io\/distroless\/static-debian12:nonroot/);
    assert.ok(
      lab.proxy.requests().some((e) => e.module === "github.com/google/uuid" && e.kind === "zip" && e.status === 200),
      "the build fetched its module zip from the lab proxy",
    );

    const port = await freePort();
    const c = await lab.startImage({ image: r.imageRef as string, env: { PORT: String(port) }, name: "greeter" });
    try {
      assert.equal(c.status().uid[0], 65532, "real UID");
      assert.equal(c.status().uid[1], 65532, "effective UID");
      assert.equal(c.status().gid[0], 65532);
      let res: Response | undefined;
      for (let i = 0; i < 50 && res === undefined; i++) {
        res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(async () => {
          await new Promise((w) => setTimeout(w, 100));
          return undefined;
        });
      }
      assert.equal(res?.status, 200);
      assert.equal(await res?.text(), "ok\n");
      const hello = await fetch(`http://127.0.0.1:${port}/hello?name=lab`);
      assert.equal(hello.status, 200);
      const body = (await hello.json()) as { id: string; message: string };
      assert.equal(body.message, "Hello, lab!");
      assert.match(body.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.deepEqual(await (await fetch(`http://127.0.0.1:${port}/version`)).json(), { version: "1.2.3-lab" });
      assert.match(await (await fetch(`http://127.0.0.1:${port}/`)).text(), /<h1>greeter<\/h1>/);
    } finally {
      const done = await c.stop();
      assert.equal(done.exitCode, 0, `greeter exits cleanly on SIGTERM: ${done.stderr}`);
      assert.match(done.stderr, /greeter 1\.2\.3-lab listening/);
    }
  });

  it("cgo example builds with the golang stand-in's gcc and runs on the debian-slim stand-in (OCI archive, rawjson log)", async () => {
    const r = await lab.build({ context: join(EXAMPLES, "cgo"), output: { type: "oci" }, progress: "rawjson" });
    assertBuilt(r);
    const events = logOf(r.logPath)
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as { vertexes?: { name?: string }[] });
    assert.ok(events.some((e) => e.vertexes?.some((v) => v.name?.includes("CGO_ENABLED=1 go build"))));
    assert.ok(r.ociArchive !== undefined && existsSync(r.ociArchive));
    const out = await lab.runImage({ ociArchive: r.ociArchive, name: "cgo", timeoutMs: 30_000 });
    assert.equal(out.exitCode, 0, out.stderr);
    assert.match(out.stdout, /hello from C, pid 1\n/);
    assert.match(out.stdout, /2 \+ 3 = 5 \(computed in C\)/);
  });

  it("private module example builds through the lab proxy under GOPRIVATE", async () => {
    const r = await lab.build({ context: join(EXAMPLES, "private"), output: { type: "registry", name: "goship/private:lab" } });
    assertBuilt(r);
    assert.ok(lab.proxy.requests().some((e) => e.module === "corp.example/platform/auth" && e.kind === "zip" && e.status === 200));
    const out = await lab.runImage({ image: r.imageRef as string, args: ["corp-ada"], name: "private" });
    assert.equal(out.exitCode, 0, out.stderr);
    assert.equal(out.stdout, "token accepted for ada\n");
  });

  it("the greeter build fails when the module proxy fails, and its log names the failure", async () => {
    await lab.buildkit?.prune(); // the module cache mount would hide the proxy
    lab.proxy.fail("500", { module: "github.com/google/uuid" });
    try {
      const r = await lab.build({ context: greeter, label: "greeter-proxy-500", noCache: true });
      assert.equal(r.ok, false);
      assert.notEqual(r.exitCode, 0);
      const log = logOf(r.logPath);
      assert.match(log, /go mod download/);
      assert.match(log, /github\.com\/google\/uuid@v1\.6\.0: reading http:\/\/127\.0\.0\.1:\d+\/github\.com\/google\/uuid\/@v\/v1\.6\.0\.mod: 500 Internal Server Error/);
      assert.match(log, /goship-lab fault 500/);
      assert.ok(r.logPath.startsWith(lab.logsDir));
    } finally {
      lab.proxy.heal();
    }
  });

  it("legacy builder (dockerd) pulls through the mirror and reaches the proxy; the greeter fails on $BUILDPLATFORM as users see it", async (t) => {
    if (!lab.drivers().includes("dockerd")) return t.skip("dockerd is not installed");
    const r = await lab.build({ driver: "dockerd", context: greeter, dockerfile: join(FIXTURES, "modules.Dockerfile"), label: "modules" });
    assertBuilt(r);
    const log = logOf(r.logPath);
    assert.match(log, /Step 1\/\d+ : FROM golang:1\.26/);
    assert.match(log, /get http:\/\/127\.0\.0\.1:\d+\/github\.com\/google\/uuid\/@v\/v1\.6\.0\.zip: 200 OK/);
    // The legacy builder predefines no BUILDPLATFORM: the greeter's first FROM fails.
    const bad = await lab.build({ driver: "dockerd", context: greeter, label: "greeter-legacy" });
    assert.equal(bad.ok, false);
    const badLog = logOf(bad.logPath);
    assert.match(badLog, /Step 2\/\d+ : FROM --platform=\$BUILDPLATFORM golang:\$\{GO_VERSION\} AS build/);
    assert.match(badLog, /failed to parse platform/);
  });

  it("buildah builds through the mirrors and reaches the proxy", async (t) => {
    if (!lab.drivers().includes("buildah")) return t.skip("buildah is not installed");
    const r = await lab.build({ driver: "buildah", context: greeter, dockerfile: join(FIXTURES, "modules.Dockerfile"), label: "modules" });
    assertBuilt(r);
    assert.match(logOf(r.logPath), /get http:\/\/127\.0\.0\.1:\d+\/github\.com\/google\/uuid\/@v\/v1\.6\.0\.zip: 200 OK/);
  });

  it("teardown kills only the lab's PIDs and removes its folder; the lab starts twice in a row", async () => {
    const bystander = spawn("sleep", ["300"], { stdio: "ignore" });
    try {
      for (let round = 0; round < 2; round++) {
        const other = await startLab({ log: () => {} });
        const pids = other.pids();
        assert.ok(pids.length >= 2, `registry and buildkitd running: ${pids.join(",")}`);
        assert.ok(existsSync(other.dir));
        assert.equal((await fetch(`http://${other.registry.address}/v2/`)).status, 200);
        await other.stop();
        for (const pid of pids) assert.equal(pidAlive(pid), false, `PID ${pid} is gone`);
        assert.equal(existsSync(other.dir), false, `${other.dir} removed`);
        assert.ok(existsSync(other.logsDir), "logs outlive the lab");
      }
      assert.ok(bystander.pid !== undefined && pidAlive(bystander.pid), "an unrelated process survives teardown");
      // The first lab still works.
      assert.equal((await fetch(`http://${lab.registry.address}/v2/`)).status, 200);
    } finally {
      bystander.kill("SIGKILL");
    }
  });
});
