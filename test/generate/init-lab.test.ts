/**
 * Proves `goship init` with real builds (issue 6): for every example and
 * every profile that applies to it in the build lab, generate the files,
 * build with BuildKit, run the image (services answer on the exposed port,
 * the process runs as UID 65532; one-shot commands exit 0 and their image
 * config says 65532:65532), report image size; then change one line of Go
 * source, rebuild, and assert on the plain build log that the module
 * download step came from cache while the compile step ran again.
 * Not applicable here: alpine + cgo (the lab's alpine stand-ins have no musl
 * toolchain). One lab for the whole file. GOSHIP_SKIP_LAB=1 skips it.
 */
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { freePort } from "../lab/free-port.js";
import { labUnavailable, startLab, type Lab } from "../lab/index.js";
import { ROOT } from "../support/paths.js";
import { initProject, writeProject } from "../../src/generate/index.js";
import type { Profile } from "../../src/generate/profiles.js";
import { pushExtraStandIns } from "./extra-stand-ins.js";
import { readOciArchive, stepCached } from "./oci-archive.js";

const SKIP = process.env.GOSHIP_SKIP_LAB === "1" ? "GOSHIP_SKIP_LAB=1: build lab tests skipped" : false;
const EXAMPLES = join(ROOT, "examples");

interface Target {
  readonly name: string;
  /** Service: env to start it, path and method to probe, expected status. */
  readonly service?: { readonly portEnv: string; readonly path: string; readonly method: string; readonly status: number; readonly declaredPort: number | null };
  /** One-shot: expected stdout fragment. */
  readonly stdout?: RegExp;
}

interface Case {
  readonly example: string;
  readonly profiles: readonly Profile[];
  readonly targets: readonly Target[];
  readonly edit: { readonly file: string; readonly from: RegExp; readonly to: string };
  readonly buildArgs?: Readonly<Record<string, string>>;
  readonly goprivate?: string;
  readonly port?: Readonly<Record<string, number>>;
  /** No requirements: there is no download step; check the module layer instead. */
  readonly noDownload?: boolean;
}

const ALL: readonly Profile[] = ["static", "debian-slim", "alpine", "debug"];
const CASES: readonly Case[] = [
  {
    example: "greeter",
    profiles: ALL,
    targets: [{ name: "greeter", service: { portEnv: "PORT", path: "/healthz", method: "GET", status: 200, declaredPort: 8080 } }],
    edit: { file: "internal/greeting/greeting.go", from: /\n/, to: "\n// edited by the goship init lab test\n" },
  },
  {
    example: "multi",
    profiles: ALL,
    port: { api: 8081 },
    targets: [
      { name: "api", service: { portEnv: "PORT", path: "/jobs?name=lab", method: "POST", status: 202, declaredPort: 8081 } },
      { name: "worker", stdout: /worker ran job default/ },
    ],
    edit: { file: "internal/jobs/jobs.go", from: /\n/, to: "\n// edited by the goship init lab test\n" },
  },
  {
    example: "cgo",
    profiles: ["static", "debian-slim", "debug"],
    targets: [{ name: "cgo", stdout: /2 \+ 3 = 5 \(computed in C\)/ }],
    edit: { file: "main.go", from: /\n/, to: "\n// edited by the goship init lab test\n" },
    noDownload: true,
  },
  {
    example: "private",
    profiles: ALL,
    goprivate: "corp.example",
    buildArgs: { GONOPROXY: "none" },
    targets: [{ name: "private", stdout: /token accepted for/ }],
    edit: { file: "main.go", from: /\n/, to: "\n// edited by the goship init lab test\n" },
  },
];

function tail(path: string): string {
  return readFileSync(path, "utf8").split("\n").slice(-30).join("\n");
}

async function probe(url: string, method: string, timeoutMs = 15_000): Promise<number> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const r = await fetch(url, { method, signal: AbortSignal.timeout(2000) });
      await r.arrayBuffer();
      return r.status;
    } catch (e) {
      last = e;
      await new Promise((res) => setTimeout(res, 150));
    }
  }
  throw new Error(`no answer from ${url}: ${String(last)}`);
}

const mb = (n: number): string => `${(n / 1e6).toFixed(2)} MB`;

describe("goship init: generated Dockerfiles build and run (build lab)", { skip: SKIP, timeout: 900_000 }, () => {
  let lab: Lab;
  let work: string;
  const rows: string[] = [];

  before(async () => {
    const why = labUnavailable();
    assert.equal(why, undefined, `build lab unavailable: ${why} (set GOSHIP_SKIP_LAB=1 to skip)`);
    lab = await startLab({ log: () => undefined });
    work = mkdtempSync(join(tmpdir(), "goship-init-lab-"));
    await pushExtraStandIns(lab, join(work, "stand-ins"), "1.26");
  });

  after(async () => {
    if (rows.length > 0) console.log(["goship init lab results:", ...rows].join("\n  "));
    await lab?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  for (const c of CASES) {
    for (const profile of c.profiles) {
      it(`${c.example} / ${profile}: builds, runs as 65532, rebuilds with the module download cached`, async () => {
        const dir = join(work, `${c.example}-${profile}`);
        cpSync(join(EXAMPLES, c.example), dir, { recursive: true });
        const out = initProject({
          dir,
          openapi: null,
          options: { profile, ...(c.goprivate ? { goprivate: c.goprivate } : {}), ...(c.port ? { port: c.port } : {}) },
        });
        const w = writeProject(out, { force: true });
        assert.deepEqual(w.refused, []);

        for (const edit of [false, true]) {
          if (edit) {
            const f = join(dir, c.edit.file);
            // Unique per case: BuildKit's cache is content-addressed, and another
            // profile with the same build stage may already have built the same edit.
            writeFileSync(f, readFileSync(f, "utf8").replace(c.edit.from, c.edit.to.replace("test", `test (${c.example}/${profile})`)));
          }
          for (const t of c.targets) {
            const label = `${c.example}-${profile}-${t.name}${edit ? "-edited" : ""}`;
            const r = await lab.build({
              context: dir,
              ...(c.targets.length > 1 ? { target: t.name } : {}),
              output: { type: "oci", dest: join(work, `${label}.oci.tar`) },
              label,
              ...(c.buildArgs ? { buildArgs: c.buildArgs } : {}),
            });
            assert.ok(r.ok, `build ${label} failed (log ${r.logPath}):\n${tail(r.logPath)}`);
            const log = readFileSync(r.logPath, "utf8");
            const img = readOciArchive(r.ociArchive as string);
            assert.equal(img.config.User, "65532:65532", `${label}: image user`);
            assert.deepEqual(img.config.Entrypoint, [`/usr/local/bin/${t.name}`]);
            const bin = img.files.get(`usr/local/bin/${t.name}`);
            assert.ok(bin !== undefined && bin > 0, `${label}: binary in the image`);
            if (profile === "debug") assert.ok(img.files.has("busybox/busybox"), `${label}: debug profile has a shell`);

            if (edit) {
              const dl = stepCached(log, c.noDownload ? "COPY go.mod go.sum" : "go mod download");
              assert.ok(dl.found, `${label}: module step not in the log`);
              assert.ok(dl.cached, `${label}: after a one-line source change the module step must come from cache: ${dl.title}`);
              const build = stepCached(log, "go build");
              assert.ok(build.found && !build.cached, `${label}: the compile step must run again after a source change`);
            }

            if (t.service) {
              const declared = img.config.ExposedPorts ? Object.keys(img.config.ExposedPorts) : [];
              assert.deepEqual(declared, t.service.declaredPort ? [`${t.service.declaredPort}/tcp`] : []);
              const port = await freePort();
              const ctr = await lab.startImage({ ociArchive: r.ociArchive as string, env: { [t.service.portEnv]: String(port) }, name: label });
              try {
                const status = await probe(`http://127.0.0.1:${port}${t.service.path}`, t.service.method);
                assert.equal(status, t.service.status, `${label}: HTTP status`);
                assert.deepEqual(ctr.status().uid, [65532, 65532, 65532, 65532], `${label}: process UID`);
              } finally {
                await ctr.stop();
              }
            } else {
              const res = await lab.runImage({ ociArchive: r.ociArchive as string, name: label });
              assert.equal(res.exitCode, 0, `${label}: exit code; stderr: ${res.stderr}`);
              assert.match(res.stdout, t.stdout as RegExp);
            }
            rows.push(
              `${label.padEnd(34)} ${edit ? "edit " : "first"} build ${(r.durationMs / 1000).toFixed(1).padStart(5)} s  image ${mb(img.uncompressedBytes).padStart(9)} (${mb(img.compressedBytes)} compressed)  binary ${mb(bin ?? 0)}`,
            );
            rmSync(r.ociArchive as string, { force: true });
          }
        }
        assert.ok(existsSync(join(dir, "Dockerfile")));
      });
    }
  }
});
