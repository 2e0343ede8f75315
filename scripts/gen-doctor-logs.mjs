#!/usr/bin/env node
// Regenerates the real build logs under test/fixtures/logs/lab/ with the build
// lab (test/lab/index.ts): each scenario provokes one failure for real (DNS,
// refused port, timeout, proxy 404/410, GOPROXY=off, tampered zip, go.sum
// missing a line, private module via the checksum database, cgo without a C
// compiler, compile error, missing base image, masked `|| echo` and pipe
// failures, a green build) with every builder this machine has (BuildKit
// plain and rawjson, dockerd legacy builder, buildah), and writes the log
// plus an entry in test/fixtures/logs/lab/labels.json (expected IDs, step).
//
// Needs root and scripts/lab/install.sh; run after `npx tsc -p tsconfig.json`:
//   node scripts/gen-doctor-logs.mjs [scenario-substring ...]
// GOSHIP_GEN_DRIVERS=buildkit,dockerd limits the builders.
// The lab's own header line ("# buildctl ...") is dropped; ports vary per run.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "test", "fixtures", "logs", "lab");
const { startLab } = await import(join(ROOT, "dist", "test", "lab", "index.js"));

const GREETER = join(ROOT, "examples", "greeter");
const PRIVATE = join(ROOT, "examples", "private");
const GO_MOD = readFileSync(join(GREETER, "go.mod"), "utf8").replace("example.com/goship/greeter", "example.com/doctor/app");
const GO_SUM = readFileSync(join(GREETER, "go.sum"), "utf8");
const MAIN = `package main

import (
\t"fmt"

\t"github.com/google/uuid"
)

func main() { fmt.Println(uuid.NewString()) }
`;

const CGO_MAIN = `package main

// #include <stdio.h>
import "C"

func main() { C.puts(C.CString("hello from C")) }
`;

/** A two-stage Dockerfile for every builder; `dl` and `build` are the RUN lines. */
function dockerfile({ from = "golang:1.26", dl = "go mod download", build = "CGO_ENABLED=0 go build -o /out/app .", env = "" } = {}) {
  return `FROM ${from} AS builder
WORKDIR /src
ARG GOPROXY
${env}COPY go.mod go.sum ./
RUN ${dl}
COPY *.go ./
RUN ${build}

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=builder /out/app /app
ENTRYPOINT ["/app"]
`;
}

const files = (over = {}) => ({ "go.mod": GO_MOD, "go.sum": GO_SUM, "main.go": MAIN, ...over });
const ALL = ["buildkit", "buildkit-rawjson", "dockerd", "buildah"];

/** Each: files, build args, optional proxy fault, expected diagnosis IDs (root first), failing step, drivers. */
const SCENARIOS = [
  { name: "green", files: files({ Dockerfile: dockerfile() }), expect: [], ok: true, drivers: ALL },
  { name: "dns", files: files({ Dockerfile: dockerfile() }), args: { GOPROXY: "http://goproxy.corp.invalid" }, expect: ["GD101"], step: "go mod download", drivers: ALL },
  { name: "refused", files: files({ Dockerfile: dockerfile() }), args: { GOPROXY: "http://127.0.0.1:9" }, expect: ["GD103"], step: "go mod download", drivers: ALL },
  { name: "reset", files: files({ Dockerfile: dockerfile() }), fault: ["close"], expect: ["GD103"], step: "go mod download", drivers: ["buildkit"] },
  // No timeout scenario: this machine's network answers unroutable addresses (a 404 from a
  // middlebox), and the lab proxy's held connections never time out in the go command.
  { name: "proxy-404", files: files({ Dockerfile: dockerfile() }), fault: ["404", { module: "google/uuid" }], expect: ["GD107"], step: "go mod download", drivers: ALL },
  { name: "proxy-410", files: files({ Dockerfile: dockerfile() }), fault: ["410", { module: "google/uuid" }], expect: ["GD107"], step: "go mod download", drivers: ["buildkit"] },
  { name: "proxy-500", files: files({ Dockerfile: dockerfile() }), fault: ["500", { module: "google/uuid" }], expect: ["GD105"], step: "go mod download", drivers: ["buildkit"] },
  { name: "goproxy-off", files: files({ Dockerfile: dockerfile() }), args: { GOPROXY: "off" }, expect: ["GD106"], step: "go mod download", drivers: ["buildkit", "dockerd", "buildah"] },
  { name: "checksum", files: files({ Dockerfile: dockerfile() }), fault: ["tamper"], expect: ["GD109"], step: "go mod download", drivers: ["buildkit", "buildah"] },
  {
    name: "gosum-missing",
    files: files({ Dockerfile: dockerfile({ dl: "true" }), "go.sum": GO_SUM.split("\n").filter((l) => !/ h1:/.test(l) || l.includes("/go.mod")).join("\n") }),
    args: { GOFLAGS: "-mod=readonly" },
    expect: ["GD110"],
    step: "go build",
    drivers: ["buildkit", "dockerd"],
  },
  {
    name: "private-sumdb",
    files: {
      "go.mod": readFileSync(join(PRIVATE, "go.mod"), "utf8"),
      "go.sum": "",
      "main.go": readFileSync(join(PRIVATE, "main.go"), "utf8"),
      Dockerfile: dockerfile({ dl: "go mod download corp.example/platform/auth" }),
    },
    expect: ["GD108"],
    step: "go mod download",
    drivers: ["buildkit", "dockerd"],
  },
  {
    name: "cgo-no-cc",
    files: files({ Dockerfile: dockerfile({ build: "CGO_ENABLED=1 CC=x86_64-linux-musl-gcc go build -o /out/app ." }), "main.go": CGO_MAIN }),
    expect: ["GD113"],
    step: "go build",
    drivers: ["buildkit", "buildah"],
  },
  {
    name: "compile-error",
    files: files({ Dockerfile: dockerfile(), "main.go": MAIN.replace("uuid.NewString()", "uuid.NewString(), undefinedName") }),
    expect: ["GD114"],
    step: "go build",
    drivers: ["buildkit", "buildkit-rawjson", "dockerd", "buildah"],
  },
  { name: "missing-base", files: files({ Dockerfile: dockerfile({ from: "golang:1.99-nosuch" }) }), expect: ["GD115"], step: "golang:1.99-nosuch", drivers: ["buildkit", "dockerd", "buildah"] },
  {
    name: "masked-echo",
    files: files({ Dockerfile: dockerfile({ dl: 'go mod download || echo "download failed, continuing"' }) }),
    args: { GOPROXY: "http://goproxy.corp.invalid" },
    expect: ["GD101", "GD201"],
    step: "go mod download",
    drivers: ["buildkit", "buildkit-rawjson", "dockerd", "buildah"],
  },
  {
    name: "masked-pipe",
    files: files({ Dockerfile: dockerfile({ dl: "go mod download 2>&1 | tee /tmp/download.log", build: "GOFLAGS=-mod=mod GOPROXY=off CGO_ENABLED=0 go build -o /out/app ." }) }),
    args: { GOPROXY: "http://goproxy.corp.invalid" },
    expect: ["GD101", "GD201", "GD106"],
    step: "go mod download",
    drivers: ["buildkit", "dockerd"],
  },
  {
    name: "masked-green",
    files: files({ Dockerfile: dockerfile({ dl: "go mod download || true", build: "CGO_ENABLED=0 go build -o /out/app . || echo build failed; mkdir -p /out && touch /out/app" }) }),
    args: { GOPROXY: "http://goproxy.corp.invalid" },
    expect: ["GD101", "GD201", "GD202"],
    ok: true,
    step: "go mod download",
    drivers: ["buildkit", "dockerd", "buildah"],
  },
  {
    name: "downloads-in-build",
    files: files({ Dockerfile: dockerfile({ dl: "true" }) }),
    expect: ["GD301"],
    ok: true,
    step: "go build",
    drivers: ["buildkit", "dockerd"],
  },
];

const filters = process.argv.slice(2);
const wanted = (process.env.GOSHIP_GEN_DRIVERS ?? "").split(",").filter(Boolean);
mkdirSync(OUT, { recursive: true });
const labelsPath = join(OUT, "labels.json");
const labels = existsSync(labelsPath) ? JSON.parse(readFileSync(labelsPath, "utf8")) : [];
const lab = await startLab();
const work = mkdtempSync(join(tmpdir(), "goship-doctor-gen-"));
try {
  const drivers = lab.drivers();
  for (const s of SCENARIOS) {
    if (filters.length > 0 && !filters.some((f) => s.name.includes(f))) continue;
    const ctx = join(work, s.name);
    mkdirSync(ctx, { recursive: true });
    for (const [f, text] of Object.entries(s.files)) writeFileSync(join(ctx, f), text);
    for (const d of s.drivers) {
      const driver = d.startsWith("buildkit") ? "buildkit" : d;
      if (!drivers.includes(driver)) continue;
      if (wanted.length > 0 && !wanted.includes(d)) continue;
      const progress = d === "buildkit-rawjson" ? "rawjson" : "plain";
      if (driver === "buildkit") await lab.buildkit?.prune();
      if (s.fault) lab.proxy.fail(...s.fault);
      let r;
      try {
        r = await lab.build({
          driver,
          context: ctx,
          label: `doctor-${s.name}`,
          noCache: true,
          timeoutMs: 180_000,
          ...(driver === "buildkit" ? { progress } : {}),
          ...(s.args ? { buildArgs: s.args } : {}),
        });
      } finally {
        lab.proxy.heal();
      }
      const format = d === "buildkit-rawjson" ? "buildkit-rawjson" : driver === "buildkit" ? "buildkit-plain" : driver === "dockerd" ? "legacy" : "buildah";
      const name = `${s.name}.${format}.log`;
      const text = readFileSync(r.logPath, "utf8").replace(/^# [^\n]*\n/, "");
      writeFileSync(join(OUT, name), text);
      const entry = { file: `lab/${name}`, format, source: "lab", exitCode: r.exitCode, ok: r.exitCode === 0, expect: s.expect, ...(s.step ? { step: s.step } : {}) };
      const i = labels.findIndex((l) => l.file === entry.file);
      if (i >= 0) labels[i] = entry;
      else labels.push(entry);
      console.log(`${name}: exit ${r.exitCode}${r.timedOut ? " (timed out)" : ""}${(r.exitCode === 0) !== (s.ok === true) ? "  UNEXPECTED" : ""}`);
      writeFileSync(labelsPath, JSON.stringify(labels.sort((a, b) => (a.file < b.file ? -1 : 1)), null, 1) + "\n");
    }
  }
} finally {
  await lab.stop();
  rmSync(work, { recursive: true, force: true });
}
