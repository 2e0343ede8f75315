/**
 * bench/build: `goship build` against `ko build` and against the Dockerfile
 * `goship init` generates built by BuildKit, on examples/greeter, in one run
 * with the build lab (loopback registry holding the stand-in
 * gcr.io/distroless/static-debian12:nonroot, which all three build on).
 * Plain `go build` with goship's flags (-trimpath -ldflags="-s -w",
 * CGO_ENABLED=0, linux/amd64) is measured beside them for goship's overhead.
 *
 * Per run: every tool gets its own copy of greeter (another folder each
 * time) and its own empty GOCACHE: the cold build; then a one-line Go
 * change and the warm build on the filled cache. Two runs are two clean
 * builds: their digests are printed side by side (goship and ko promise
 * identical ones). Image size = compressed layers + config as pushed;
 * layers = the manifest's layer count. SBOMs are off on both sides
 * (--no-sbom --no-provenance, ko --sbom=none) unless --sbom: then both
 * tools attach their defaults. Prints the table, the ratios and the
 * targets of issue 10; exits 1 when one is missed.
 *
 *   bash bench/build/install.sh   # ko, pinned, into ~/.cache/goship-bench
 *   npx tsc -p tsconfig.json && node dist/bench/build/run.js [--runs 2] [--no-buildkit] [--sbom]
 */
import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { initProject, writeProject } from "../../src/generate/index.js";
import type { Image } from "../../src/oci/image.js";
import { parseImageRef } from "../../src/oci/reference.js";
import { clientFor } from "../../src/oci/remote/client-for.js";
import { pull } from "../../src/oci/remote/pull.js";
import { labUnavailable, startLab, type Lab } from "../../test/lab/index.js";
import { ROOT } from "../../test/support/paths.js";

const GREETER = join(ROOT, "examples", "greeter");
const CHANGED_FILE = "internal/greeting/greeting.go";

interface Timed {
  readonly ms: number;
  /** User + system CPU time of the process and everything it waited for (go's compile and link steps). */
  readonly cpuMs: number;
  readonly stdout: string;
}

let timeSeq = 0;

/** Runs under /usr/bin/time (-o a file, so stderr stays the tool's) for the CPU time of the whole process tree. */
function runTimed(cmd: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const timeFile = join(tmpdir(), `goship-bench-time-${process.pid}-${timeSeq++}`);
    const child = spawn("/usr/bin/time", ["-f", "%U %S", "-o", timeFile, cmd, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - t0;
      const [u, sy] = readFileSync(timeFile, "utf8").trim().split("\n").pop()!.split(" ").map(Number);
      rmSync(timeFile, { force: true });
      if (code === 0) resolve({ ms, cpuMs: ((u ?? 0) + (sy ?? 0)) * 1000, stdout: out });
      else reject(new Error(`${cmd} ${args.join(" ")} (in ${cwd}) failed with exit ${code}:\n${err.slice(-4000)}`));
    });
  });
}

function oneLineChange(dir: string): void {
  const f = join(dir, CHANGED_FILE);
  writeFileSync(f, readFileSync(f, "utf8").replace("\n", "\n// one-line change for the benchmark\n"));
}

interface ImageStats {
  readonly digest: string;
  readonly bytes: number;
  readonly layers: number;
}

async function stats(lab: Lab, ref: string): Promise<ImageStats> {
  const r = parseImageRef(ref);
  if (r === null) throw new Error(`not a reference: ${ref}`);
  const img = await pull(clientFor(lab.registry.address, { insecureRegistries: [lab.registry.address] }), r);
  if (img.kind !== "image") throw new Error(`${ref}: expected one image, got an index`);
  const m = (img as Image).manifest;
  return { digest: img.digest.text, bytes: m.config.size + m.layers.reduce((n, l) => n + l.size, 0), layers: m.layers.length };
}

interface Tool {
  readonly name: string;
  /** Builds `dir` with GOCACHE=`cache`; resolves to the pushed reference (or null: no image). */
  build(dir: string, env: NodeJS.ProcessEnv, tag: string): Promise<{ ms: number; cpuMs: number; ref: string | null }>;
}

interface Row {
  readonly name: string;
  readonly cold: number[];
  readonly warm: number[];
  readonly coldCpu: number[];
  readonly warmCpu: number[];
  readonly image?: ImageStats;
  readonly digests: string[];
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

async function main(): Promise<void> {
  const why = labUnavailable();
  if (why) {
    console.error(`bench/build needs the build lab: ${why}`);
    process.exit(2);
  }
  const argv = process.argv.slice(2);
  const runsAt = argv.indexOf("--runs");
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 2;
  const withBuildkit = !argv.includes("--no-buildkit");
  const sbom = argv.includes("--sbom");
  const ko = execFileSync("bash", [join(ROOT, "bench", "build", "install.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim().split("\n").pop() as string;
  const koVersion = execFileSync(ko, ["version"], { encoding: "utf8" }).trim();
  const goVersion = execFileSync("go", ["env", "GOVERSION"], { encoding: "utf8" }).trim();

  const lab = await startLab({ buildkit: withBuildkit, log: () => undefined });
  const work = mkdtempSync(join(tmpdir(), "goship-bench-build-"));
  try {
    const reg = lab.registry.address;
    const base = lab.registry.ref("distroless/static-debian12:nonroot");
    const baseEnv: NodeJS.ProcessEnv = { ...process.env, GOPROXY: "off", GOFLAGS: "-buildvcs=false" };
    delete baseEnv["SOURCE_DATE_EPOCH"];
    delete baseEnv["GOSHIP_REPO"];
    const goship = join(ROOT, "bin", "goship.js");
    const tools: Tool[] = [
      {
        name: "go build",
        build: async (dir, env) => ({ ...(await runTimed("go", ["build", "-trimpath", "-ldflags=-s -w", "-o", join(dir, "greeter.bin"), "."], dir, { ...env, CGO_ENABLED: "0", GOOS: "linux", GOARCH: "amd64" })), ref: null }),
      },
      {
        name: "goship build",
        build: async (dir, env, tag) => {
          const r = await runTimed("node", [goship, "build", "-C", dir, "--base", base, "--insecure-registry", reg, "--repo", `${reg}/bench-goship`, "-t", tag, ...(sbom ? [] : ["--no-sbom", "--no-provenance"])], dir, env);
          return { ...r, ref: r.stdout.trim().split("\n").pop() ?? null };
        },
      },
      {
        name: `ko build`,
        build: async (dir, env, tag) => {
          const r = await runTimed(ko, ["build", "--bare", "--insecure-registry", "--platform=linux/amd64", `--tags=${tag}`, ...(sbom ? [] : ["--sbom=none"]), "."], dir, { ...env, KO_DOCKER_REPO: `${reg}/bench-ko`, KO_DEFAULTBASEIMAGE: base });
          return { ...r, ref: r.stdout.trim().split("\n").pop() ?? null };
        },
      },
    ];
    const rows = new Map<string, Row>(tools.map((t) => [t.name, { name: t.name, cold: [], warm: [], coldCpu: [], warmCpu: [], digests: [] }]));
    for (let run = 1; run <= runs; run++) {
      const copies = new Map<string, { dir: string; env: NodeJS.ProcessEnv }>();
      for (const t of tools) {
        const dir = join(work, `run${run}`, t.name.replace(/\W+/g, "-"), "greeter");
        mkdirSync(join(dir, ".."), { recursive: true });
        cpSync(GREETER, dir, { recursive: true });
        const cache = join(work, `run${run}`, t.name.replace(/\W+/g, "-"), "gocache");
        copies.set(t.name, { dir, env: { ...baseEnv, GOCACHE: cache } });
      }
      for (const phase of ["cold", "warm"] as const) {
        for (const t of tools) {
          const c = copies.get(t.name)!;
          if (phase === "warm") oneLineChange(c.dir);
          const r = await t.build(c.dir, c.env, `${phase}${run}`);
          const row = rows.get(t.name)!;
          row[phase].push(r.ms);
          row[phase === "cold" ? "coldCpu" : "warmCpu"].push(r.cpuMs);
          let note = "";
          if (r.ref !== null && phase === "cold") {
            const s = await stats(lab, r.ref);
            row.digests.push(s.digest);
            (row as { image?: ImageStats }).image = s;
            note = ` ${s.digest}`;
          }
          console.error(`run ${run} ${phase} ${t.name}: ${Math.round(r.ms)} ms wall, ${Math.round(r.cpuMs)} ms CPU${note}`);
        }
      }
    }

    let bk: { cold: number; warm: number; image: ImageStats } | undefined;
    if (withBuildkit) {
      const dir = join(work, "buildkit", "greeter");
      mkdirSync(join(dir, ".."), { recursive: true });
      cpSync(GREETER, dir, { recursive: true });
      const w = writeProject(initProject({ dir, openapi: null, options: {} }), { force: true });
      if (w.refused.length > 0) throw new Error("goship init refused to write");
      await lab.buildkit!.prune();
      const cold = await lab.build({ context: dir, output: { type: "registry", name: "bench-buildkit/greeter:cold" }, label: "bench-build-cold" });
      if (!cold.ok || !cold.imageRef) throw new Error(`BuildKit cold build failed, log ${cold.logPath}`);
      oneLineChange(dir);
      const warm = await lab.build({ context: dir, output: { type: "registry", name: "bench-buildkit/greeter:warm" }, label: "bench-build-warm" });
      if (!warm.ok) throw new Error(`BuildKit warm build failed, log ${warm.logPath}`);
      bk = { cold: cold.durationMs, warm: warm.durationMs, image: await stats(lab, cold.imageRef) };
      console.error(`BuildKit: cold ${cold.durationMs} ms, warm ${warm.durationMs} ms`);
    }

    const g = rows.get("go build")!;
    const gs = rows.get("goship build")!;
    const k = rows.get("ko build")!;
    const s = (ms: number): string => (ms / 1000).toFixed(2);
    const mb = (n: number | undefined): string => (n === undefined ? "-" : (n / 1e6).toFixed(2));
    console.log(`bench/build: examples/greeter, linux/amd64, ${goVersion}, ${koVersion.startsWith("v") ? "" : "ko "}${koVersion}, median of ${runs} run(s)${sbom ? ", SBOMs on (both tools' defaults)" : ", SBOMs off"}`);
    console.log(`${"tool".padEnd(22)} ${"cold s".padStart(7)} ${"cpu s".padStart(7)} ${"warm s".padStart(7)} ${"cpu s".padStart(7)} ${"image MB".padStart(9)} ${"layers".padStart(6)}`);
    const line = (name: string, cold: number, coldCpu: number | undefined, warm: number, warmCpu: number | undefined, img?: ImageStats): void =>
      console.log(
        `${name.padEnd(22)} ${s(cold).padStart(7)} ${(coldCpu === undefined ? "-" : s(coldCpu)).padStart(7)} ${s(warm).padStart(7)} ${(warmCpu === undefined ? "-" : s(warmCpu)).padStart(7)} ${mb(img?.bytes).padStart(9)} ${String(img?.layers ?? "-").padStart(6)}`,
      );
    for (const r of [g, gs, k]) line(r.name, median(r.cold), median(r.coldCpu), median(r.warm), median(r.warmCpu), r.image);
    if (bk) line("Dockerfile + BuildKit", bk.cold, undefined, bk.warm, undefined, bk.image);
    console.log(`per run (cold/warm ms): ${[g, gs, k].map((r) => `${r.name} ${r.cold.map((c, i) => `${Math.round(c)}/${Math.round(r.warm[i] ?? 0)}`).join(", ")}`).join("; ")}`);
    for (const r of [gs, k]) console.log(`${r.name} digests of ${runs} clean runs: ${r.digests.join(" ")}`);
    const over = (a: number, b: number): string => `${((a / b - 1) * 100).toFixed(0)}%`;
    console.log(`goship over plain go build: wall cold ${over(median(gs.cold), median(g.cold))}, warm ${over(median(gs.warm), median(g.warm))} (goal <= 10%); CPU cold ${over(median(gs.coldCpu), median(g.coldCpu))}, warm ${over(median(gs.warmCpu), median(g.warmCpu))}`);
    console.log(`goship vs ko, CPU time: cold ${(median(gs.coldCpu) / median(k.coldCpu)).toFixed(2)}x, warm ${(median(gs.warmCpu) / median(k.warmCpu)).toFixed(2)}x`);
    const same = (xs: readonly string[]): boolean => xs.length > 1 && xs.every((x) => x === xs[0]);
    const checks: [string, boolean][] = [
      [`cold ${(median(gs.cold) / median(k.cold)).toFixed(2)}x ko (target <= 1.0, 10% timing noise allowed)`, median(gs.cold) <= median(k.cold) * 1.1],
      [`warm ${(median(gs.warm) / median(k.warm)).toFixed(2)}x ko (target <= 1.0, 10% timing noise allowed)`, median(gs.warm) <= median(k.warm) * 1.1],
      [`image ${mb(gs.image?.bytes)} MB vs ko ${mb(k.image?.bytes)} MB (target <= ko)`, (gs.image?.bytes ?? Infinity) <= (k.image?.bytes ?? 0)],
      [`goship digest identical over ${runs} clean runs`, same(gs.digests)],
    ];
    console.log(`ko digest identical over ${runs} clean runs: ${same(k.digests) ? "yes" : "no"}`);
    for (const [what, ok] of checks) console.log(`${ok ? "ok  " : "MISS"} ${what}`);
    if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
  } finally {
    await lab.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
