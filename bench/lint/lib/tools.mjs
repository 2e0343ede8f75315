/**
 * The four linters bench/lint runs, as data: how to lint many files in one process, how to ask
 * the version, which exit codes mean "ran", and how to turn each tool's JSON output into one
 * finding shape { file, rule, line, severity, message } (line 0 = the whole file).
 *
 * goship: `node bin/goship.js lint --format json <files...>` (after `npx tsc -p tsconfig.json`).
 * tally: `tally lint --format json --slow-checks off --no-config <files...>`: slow checks would
 *   query registries for base images, which is network time, not lint time (and no registry is
 *   reachable here), so they are off; --no-config keeps a stray .tally.toml out of the run.
 * hadolint: `hadolint -f json --no-fail <files...>` (default rules, no config file in the cwd).
 * dockerfilelint: `node <bin> -o json <files...>`.
 * All four take many files per process, so `multiFile` is true for each; a tool with
 * multiFile false would be timed as one process per file, in a loop (run.mjs says so).
 * Leaves out: SARIF output, tally's context-aware rules (--context), per-tool configuration.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { ROOT, peerBinary } from "./paths.mjs";

const MAX_BUFFER = 1 << 30;

/** Runs a command and returns { status, stdout, stderr, ms, error }. */
export function runCommand(cmd, args, cwd) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: "utf8",
    maxBuffer: MAX_BUFFER,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { status: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "", ms, error: r.error ?? null };
}

function firstLine(s) {
  return (s ?? "").split("\n").find((l) => l.trim() !== "")?.trim() ?? "";
}

function num(x) {
  const n = typeof x === "number" ? x : Number.parseInt(String(x ?? ""), 10);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/** Every object under `doc` that looks like a goship finding ({ ruleId, line }). */
function goshipFindings(doc) {
  const out = [];
  const walk = (v) => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== "object") return;
    if (typeof v.ruleId === "string" && (typeof v.line === "number" || typeof v.line === "string")) {
      out.push({ file: v.file ?? "", rule: v.ruleId, line: num(v.line), severity: String(v.severity ?? ""), message: String(v.message ?? "") });
      return;
    }
    Object.values(v).forEach(walk);
  };
  walk(doc);
  return out;
}

function gitHead() {
  const r = spawnSync("git", ["-C", ROOT, "rev-parse", "--short", "HEAD"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : "";
}

const GOSHIP_BIN = join(ROOT, "bin", "goship.js");

export const TOOLS = [
  {
    id: "goship",
    multiFile: true,
    okStatus: [0, 1],
    binary: () => (existsSync(GOSHIP_BIN) ? GOSHIP_BIN : null),
    command: (bin, files) => ({ cmd: process.execPath, args: [bin, "lint", "--format", "json", ...files] }),
    version: () => {
      const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
      const head = gitHead();
      return `${pkg.version}${head ? ` (${head})` : ""}`;
    },
    parse: (stdout) => goshipFindings(JSON.parse(stdout)),
  },
  {
    id: "tally",
    multiFile: true,
    okStatus: [0, 1],
    binary: () => peerBinary("tally"),
    command: (bin, files) => ({
      cmd: bin,
      args: ["lint", "--format", "json", "--slow-checks", "off", "--no-config", "--no-color", ...files],
    }),
    version: (bin) => firstLine(runCommand(bin, ["version"]).stdout).replace(/^tally version\s*/, ""),
    parse: (stdout) =>
      (JSON.parse(stdout).files ?? []).flatMap((f) =>
        (f.violations ?? []).map((v) => ({
          file: v.location?.file ?? f.file ?? "",
          rule: String(v.rule ?? ""),
          line: num(v.location?.start?.line),
          severity: String(v.severity ?? ""),
          message: String(v.message ?? ""),
        })),
      ),
  },
  {
    id: "hadolint",
    multiFile: true,
    okStatus: [0, 1],
    binary: () => peerBinary("hadolint"),
    command: (bin, files) => ({ cmd: bin, args: ["-f", "json", "--no-fail", "--no-color", ...files] }),
    version: (bin) => firstLine(runCommand(bin, ["--version"]).stdout).replace(/^Haskell Dockerfile Linter\s*/, ""),
    parse: (stdout) =>
      JSON.parse(stdout).map((h) => ({
        file: h.file ?? "",
        rule: String(h.code ?? ""),
        line: num(h.line),
        severity: String(h.level ?? ""),
        message: String(h.message ?? ""),
      })),
  },
  {
    id: "dockerfilelint",
    multiFile: true,
    // dockerfilelint exits with its issue count (modulo 256): any status with JSON on stdout ran.
    okStatus: null,
    binary: () => peerBinary("dockerfilelint"),
    command: (bin, files) => ({ cmd: process.execPath, args: [bin, "-o", "json", ...files] }),
    version: (bin) => {
      const pkg = resolve(dirname(bin), "..", "package.json");
      return existsSync(pkg) ? JSON.parse(readFileSync(pkg, "utf8")).version : firstLine(runCommand(process.execPath, [bin, "--version"]).stdout);
    },
    // dockerfilelint has no rule codes: its issue title is the rule.
    parse: (stdout) =>
      (JSON.parse(stdout).files ?? []).flatMap((f) =>
        (f.issues ?? []).map((i) => ({
          file: f.file ?? "",
          rule: String(i.title ?? ""),
          line: num(i.line),
          severity: String(i.category ?? ""),
          message: String(i.description ?? "").split("\n")[0] ?? "",
        })),
      ),
  },
];

/** True when a process exit status means the tool ran (okStatus null: any status). */
export function statusOk(tool, status) {
  return status !== null && (tool.okStatus === null || tool.okStatus.includes(status));
}

/** A one-line excerpt of a tool's output for error messages. */
export function clip(s, n = 160) {
  return s.length > n ? `${s.slice(0, n)}...` : s;
}

/**
 * Checks that a tool can run: its binary exists and one lint of `probeFile` exits with an
 * expected status and prints JSON that parses. Returns { ok, bin, version, reason }.
 */
export function probeTool(tool, probeFile, cwd) {
  const bin = tool.binary();
  if (!bin) {
    return { ok: false, bin: null, version: "", reason: tool.id === "goship" ? "bin/goship.js missing" : "not installed (run bench/lint/install.sh)" };
  }
  const { cmd, args } = tool.command(bin, [probeFile]);
  const r = runCommand(cmd, args, cwd);
  if (r.error) return { ok: false, bin, version: "", reason: String(r.error.message ?? r.error) };
  if (!statusOk(tool, r.status)) {
    return { ok: false, bin, version: "", reason: `exit ${r.status}: ${clip(firstLine(r.stderr) || firstLine(r.stdout))}` };
  }
  try {
    tool.parse(r.stdout);
  } catch (e) {
    return { ok: false, bin, version: "", reason: `output is not the expected JSON (${e.message})` };
  }
  let version = "";
  try {
    version = tool.version(bin) || "?";
  } catch {
    version = "?";
  }
  return { ok: true, bin, version, reason: "" };
}
