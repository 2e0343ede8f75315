#!/usr/bin/env node
/**
 * bench/lint: times goship lint against tally, hadolint and dockerfilelint on the whole corpus
 * (../shared/corpus/dockerfiles/<name>/Dockerfile, or GOSHIP_SHARED) and prints the ratios that
 * issue 4 sets as targets: goship faster than tally, goship <= 0.2x hadolint, and <= 1 ms per
 * file in process. Each tool lints every corpus file in ONE process per run (all files as
 * arguments); runs are interleaved across tools, after one untimed warm-up run per tool whose
 * output gives the findings. It also times goship's library in process (lintText on text already
 * read; and read + gatherProject + lintText, the whole per-file path), and writes
 * bench/lint/out/side-by-side.md (findings of every tool per file) and out/findings.json.
 *
 * Usage: bash bench/lint/install.sh && npx tsc -p tsconfig.json && node bench/lint/run.mjs
 *   [--runs N (default 5)] [--tools goship,tally,hadolint,dockerfilelint] [--no-in-process]
 * Leaves out: CPU pinning and statistics beyond median/min/max; a peer that is not installed
 * or a goship CLI that does not run yet is reported as "not available" and skipped.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { agreement } from "./lib/agreement.mjs";
import { loadGatherProject, loadLintText, loadRules } from "./lib/goship-api.mjs";
import { CORPUS, OUT, ROOT, corpusFiles } from "./lib/paths.mjs";
import { renderSideBySide } from "./lib/side-by-side.mjs";
import { TOOLS, clip, probeTool, runCommand, statusOk } from "./lib/tools.mjs";

function parseArgs(argv) {
  const opts = { runs: 5, tools: TOOLS.map((t) => t.id), inProcess: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === "--runs" || a.startsWith("--runs=")) {
      opts.runs = Number.parseInt(val(), 10);
      if (!(opts.runs >= 1)) throw new Error("--runs must be a positive integer");
    } else if (a === "--tools" || a.startsWith("--tools=")) {
      opts.tools = val().split(",").map((s) => s.trim()).filter(Boolean);
      const unknown = opts.tools.filter((t) => !TOOLS.some((x) => x.id === t));
      if (unknown.length) throw new Error(`unknown tool(s): ${unknown.join(", ")}`);
    } else if (a === "--no-in-process") {
      opts.inProcess = false;
    } else if (a === "-h" || a === "--help") {
      console.log("usage: node bench/lint/run.mjs [--runs N] [--tools goship,tally,hadolint,dockerfilelint] [--no-in-process]");
      process.exit(0);
    } else {
      throw new Error(`unknown argument ${a}`);
    }
  }
  return opts;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? null : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function fmtMs(ms) {
  if (ms === null || !Number.isFinite(ms)) return "n/a";
  return ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 1 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(3)} ms`;
}

/** Where bin/goship.js takes `goship lint` from (as src/cli/bundle.ts decides). */
function goshipLoader() {
  const bundle = join(ROOT, "dist", "cli.cjs");
  const main = join(ROOT, "dist", "src", "cli", "main.js");
  if (!readFileSync(join(ROOT, "bin", "goship.js"), "utf8").includes("loadCliBundle")) return "the ES modules in dist/src (bin/goship.js does not load dist/cli.cjs)";
  if (!existsSync(bundle) || !existsSync(main)) return "the ES modules in dist/src (no dist/cli.cjs: scripts/build-cli-bundle.mjs not run)";
  if (statSync(main).mtimeMs > statSync(bundle).mtimeMs) return "the ES modules in dist/src (dist/cli.cjs is older than the last tsc build)";
  const cache = existsSync(bundle + ".cache") ? "with its V8 code cache" : "without a code cache";
  return `the bundle dist/cli.cjs ${cache}`;
}

/** One timed lint of `files` by `tool`: a single process, or one per file when the tool needs it. */
function lintOnce(tool, bin, files, cwd) {
  const batches = tool.multiFile ? [files] : files.map((f) => [f]);
  let ms = 0;
  const stdouts = [];
  for (const batch of batches) {
    const { cmd, args } = tool.command(bin, batch);
    const r = runCommand(cmd, args, cwd);
    if (r.error || !statusOk(tool, r.status)) {
      const why = r.error ? r.error.message : `exit ${r.status}: ${clip((r.stderr || r.stdout).trim().split("\n")[0] ?? "")}`;
      throw new Error(`${tool.id} failed: ${why}`);
    }
    ms += r.ms;
    stdouts.push(r.stdout);
  }
  return { ms, stdouts };
}

/** In-process timing of goship's library over the corpus; per-file milliseconds (median pass). */
async function timeInProcess(files, passes) {
  const results = [];
  const lint = await loadLintText();
  if (!lint.value) {
    results.push({ label: "lintText", perFile: null, note: `skipped: ${lint.reason}`, findings: null });
    return results;
  }
  const lintText = lint.value;
  const texts = files.map((f) => readFileSync(f.path, "utf8"));
  let parseErrors = 0;
  const passCore = () => {
    parseErrors = 0;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < files.length; i++) {
      try {
        lintText(texts[i], { file: files[i].path });
      } catch {
        parseErrors++;
      }
    }
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  for (let w = 0; w < 3; w++) passCore();
  const core = [];
  for (let p = 0; p < passes; p++) core.push(passCore());
  results.push({
    label: "lintText on text already read",
    perFile: median(core) / files.length,
    note: `${lint.from}; median of ${passes} passes${parseErrors ? `; ${parseErrors} files threw (parse errors)` : ""}`,
  });

  const gather = await loadGatherProject();
  if (!gather.value) {
    results.push({ label: "read + gatherProject + lintText", perFile: null, note: `skipped: ${gather.reason}` });
    return results;
  }
  const gatherProject = gather.value;
  const findings = [];
  const passFull = async (collect) => {
    let errors = 0;
    const t0 = process.hrtime.bigint();
    for (const f of files) {
      try {
        const text = readFileSync(f.path, "utf8");
        const project = await gatherProject(f.path);
        const r = lintText(text, { file: f.path, project });
        if (collect) for (const x of r.findings) findings.push({ file: x.file, rule: x.ruleId, line: x.line, severity: x.severity, message: x.message });
      } catch {
        errors++;
      }
    }
    return { ms: Number(process.hrtime.bigint() - t0) / 1e6, errors };
  };
  const first = await passFull(true);
  for (let w = 0; w < 2; w++) await passFull(false);
  const full = [];
  for (let p = 0; p < passes; p++) full.push((await passFull(false)).ms);
  results.push({
    label: "read + gatherProject + lintText",
    perFile: median(full) / files.length,
    note: `${gather.from}; the library path per file; median of ${passes} passes${first.errors ? `; ${first.errors} files threw` : ""}`,
    findings,
  });
  return results;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const files = corpusFiles();
  if (files.length === 0) throw new Error(`no Dockerfiles under ${CORPUS}`);
  const paths = files.map((f) => f.path);
  const nameOf = new Map(files.map((f) => [resolve(f.path), f.name]));
  const smallest = [...paths].sort((a, b) => statSync(a).size - statSync(b).size)[0];
  // An empty working folder: no tool picks up a config file from where the bench was started.
  const cwd = mkdtempSync(join(tmpdir(), "goship-bench-lint-"));

  console.log(`goship lint bench: ${files.length} Dockerfiles from ${relative(ROOT, CORPUS) || CORPUS}, ${opts.runs} timed runs per tool, ${cpus().length} CPUs, node ${process.version}`);
  console.log("each run: one process per tool with every corpus file as an argument; runs interleaved across tools after one untimed warm-up");
  console.log(`goship's CLI loads from ${goshipLoader()}`);
  const load0 = loadavg();
  console.log("");

  const tools = TOOLS.filter((t) => opts.tools.includes(t.id)).map((tool) => ({ tool, ...probeTool(tool, smallest, cwd) }));
  for (const t of tools) if (!t.ok) console.log(`${t.tool.id}: not available (${t.reason})`);

  // Warm-up run: untimed; its output is the findings.
  const findings = {};
  const sources = {};
  for (const t of tools.filter((x) => x.ok)) {
    try {
      const { stdouts } = lintOnce(t.tool, t.bin, paths, cwd);
      findings[t.tool.id] = stdouts.flatMap((s) => t.tool.parse(s)).map((f) => ({ ...f, name: nameOf.get(resolve(cwd, f.file)) ?? f.file }));
      sources[t.tool.id] = t.tool.multiFile ? "one process, all files" : "one process per file (loop)";
    } catch (e) {
      t.ok = false;
      t.reason = e.message;
      console.log(`${t.tool.id}: not available (${t.reason})`);
    }
  }

  const times = Object.fromEntries(tools.map((t) => [t.tool.id, []]));
  const oneFile = Object.fromEntries(tools.map((t) => [t.tool.id, []]));
  const live = () => tools.filter((t) => t.ok);
  // `node -e 0` in every run: the floor under goship's and dockerfilelint's times on this machine.
  const nodeStart = [];
  for (let run = 0; run < opts.runs; run++) {
    nodeStart.push(runCommand(process.execPath, ["-e", "0"], cwd).ms);
    const order = live();
    // Rotate the order each run so no tool always goes first (page cache, CPU boost).
    for (let k = 0; k < order.length; k++) {
      const t = order[(k + run) % order.length];
      try {
        times[t.tool.id].push(lintOnce(t.tool, t.bin, paths, cwd).ms);
        oneFile[t.tool.id].push(lintOnce(t.tool, t.bin, [smallest], cwd).ms);
      } catch (e) {
        t.ok = false;
        t.reason = e.message;
        console.log(`${t.tool.id}: failed during the timed runs (${t.reason})`);
      }
    }
  }

  let inProcess = [];
  if (opts.inProcess && opts.tools.includes("goship")) {
    inProcess = await timeInProcess(files, Math.max(opts.runs, 20));
  }
  // Without a working CLI, the library's own findings stand in for goship's in the side-by-side view.
  const goshipCli = tools.find((t) => t.tool.id === "goship");
  const lib = inProcess.find((p) => p.findings);
  if (goshipCli && !goshipCli.ok && lib) {
    findings.goship = lib.findings.map((f) => ({ ...f, name: nameOf.get(resolve(f.file)) ?? f.file }));
    sources.goship = "findings from the library in process (the CLI is not available)";
  }

  const rows = tools.map((t) => {
    const id = t.tool.id;
    const med = t.ok ? median(times[id]) : null;
    return {
      id,
      ok: t.ok,
      reason: t.reason,
      version: t.version,
      source: sources[id],
      median: med,
      min: t.ok ? Math.min(...times[id]) : null,
      max: t.ok ? Math.max(...times[id]) : null,
      perFile: med === null ? null : med / files.length,
      oneFile: t.ok ? median(oneFile[id]) : null,
      findings: findings[id]?.length ?? null,
    };
  });

  const pad = (s, n) => String(s).padEnd(n);
  const lpad = (s, n) => String(s).padStart(n);
  console.log(`${pad("tool", 16)}${pad("version", 30)}${lpad("median", 10)}${lpad("min", 10)}${lpad("max", 10)}${lpad("per file", 11)}${lpad("1 file", 10)}${lpad("findings", 10)}`);
  for (const r of rows) {
    if (!r.ok) {
      console.log(`${pad(r.id, 16)}not available: ${r.reason}`);
      continue;
    }
    console.log(`${pad(r.id, 16)}${pad(r.version.slice(0, 29), 30)}${lpad(fmtMs(r.median), 10)}${lpad(fmtMs(r.min), 10)}${lpad(fmtMs(r.max), 10)}${lpad(fmtMs(r.perFile), 11)}${lpad(fmtMs(r.oneFile), 10)}${lpad(r.findings, 10)}`);
  }
  console.log(`${pad("node -e 0", 46)}${lpad(fmtMs(median(nodeStart)), 10)}   (node's own start-up, for reference)`);
  console.log("(1 file: the same tool on the smallest corpus file alone, i.e. mostly start-up cost)");
  const load1 = loadavg();
  console.log(`load average (1, 5, 15 min) before: ${load0.map((x) => x.toFixed(2)).join(" ")}, after: ${load1.map((x) => x.toFixed(2)).join(" ")} on ${cpus().length} CPUs`);
  console.log("");

  const g = rows.find((r) => r.id === "goship");
  const targets = { tally: { max: 1, strict: true, text: "< 1 (faster than tally)" }, hadolint: { max: 0.2, strict: false, text: "<= 0.2" }, dockerfilelint: null };
  console.log("ratios goship/peer (corpus wall time; below 1 means goship is faster):");
  for (const peer of ["tally", "hadolint", "dockerfilelint"]) {
    const p = rows.find((r) => r.id === peer);
    if (!p) continue;
    const label = `  goship/${peer}`.padEnd(26);
    if (!g?.ok || !p.ok) {
      console.log(`${label}n/a (${!g?.ok ? "goship" : peer} not available)`);
      continue;
    }
    const ratio = g.median / p.median;
    const t = targets[peer];
    const pass = t ? (t.strict ? ratio < t.max : ratio <= t.max) : null;
    console.log(`${label}${ratio.toFixed(3)}x${t ? `   target ${t.text}: ${pass ? "PASS" : "FAIL"}` : ""}`);
  }
  console.log("");
  console.log("goship in process (per file):");
  if (inProcess.length === 0) console.log("  skipped (--no-in-process or goship not selected)");
  for (const p of inProcess) {
    if (p.perFile === null) {
      console.log(`  ${p.label}: ${p.note}`);
      continue;
    }
    const isTarget = p.label.startsWith("read");
    console.log(`  ${p.label.padEnd(34)}${fmtMs(p.perFile).padStart(10)}${isTarget ? `   target <= 1 ms: ${p.perFile <= 1 ? "PASS" : "FAIL"}` : ""}   (${p.note})`);
  }

  // Agreement on mapped rules, and the side-by-side report.
  const rules = await loadRules();
  const metas = rules.value ? rules.value.map((r) => r.meta) : [];
  const agreeRows = findings.goship ? agreement(metas, findings.goship, { hadolint: findings.hadolint, tally: findings.tally }) : [];
  if (agreeRows.length > 0) {
    console.log("");
    console.log("agreement on mapped rules (peer hits / goship on the same line / goship in the same file; files only goship flags):");
    for (const r of agreeRows) {
      console.log(`  ${r.ruleId} vs ${r.peer} ${r.codes.join(",")}: ${r.peerHits} / ${r.sameLine} / ${r.sameFile}; goship-only files ${r.goshipOnlyFiles}`);
    }
  }

  mkdirSync(OUT, { recursive: true });
  const generated = new Date().toISOString();
  const md = renderSideBySide({
    generated,
    runs: opts.runs,
    files,
    tools: rows,
    findings,
    agreement: agreeRows,
    inProcess: inProcess.filter((p) => p.perFile !== null),
  });
  writeFileSync(join(OUT, "side-by-side.md"), md + "\n");
  writeFileSync(
    join(OUT, "findings.json"),
    JSON.stringify({ generated, corpus: CORPUS, tools: rows, inProcess: inProcess.map(({ findings: _f, ...rest }) => rest), findings }, null, 1) + "\n",
  );
  console.log("");
  console.log(`wrote ${relative(ROOT, join(OUT, "side-by-side.md"))} and ${relative(ROOT, join(OUT, "findings.json"))}`);
  rmSync(cwd, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(`bench/lint: ${e.message}`);
  process.exitCode = 2;
});
