#!/usr/bin/env node
/**
 * Rule coverage of goship lint against hadolint and tally: which hadolint DL rules and which
 * tally rules a goship rule covers, which it does not, and which goship rules neither peer has.
 * goship's side comes only from its rule metadata (dist/src/lint/rules/index.js RULES: each
 * meta.hadolint lists DL codes, meta.buildkit BuildKit check names, and an optional meta.tally
 * tally rule IDs). A hadolint rule also counts as covered when goship maps the BuildKit check
 * that covers the same ground (hadolint-rules.tsv's buildkit column). The "planned" column is
 * the goship rule issue 4 intends for a peer rule; it is a hint, never counted as coverage.
 * Peer rule lists: see lib/rule-lists.mjs. Findings seen on the corpus come from
 * bench/lint/out/findings.json (written by run.mjs) or, when absent, from one run of each peer.
 *
 * Usage: node bench/lint/coverage.mjs   (prints text; writes bench/lint/out/coverage.md)
 * Leaves out: ShellCheck SC codes (hadolint embeds ShellCheck; tally runs it too) and tally's
 * PowerShell analyser codes: goship analyses RUN with mvdan/sh instead, so they are summarised.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { loadRules } from "./lib/goship-api.mjs";
import { OUT, ROOT, corpusFiles, peerBinary } from "./lib/paths.mjs";
import { hadolintRules, tallyRules } from "./lib/rule-lists.mjs";
import { TOOLS, probeTool, runCommand, statusOk } from "./lib/tools.mjs";

/** Peer findings on the corpus: from run.mjs's output, or one fresh run per peer. */
function observedFindings() {
  const saved = join(OUT, "findings.json");
  if (existsSync(saved)) {
    const doc = JSON.parse(readFileSync(saved, "utf8"));
    return { source: `${relative(ROOT, saved)} (${doc.generated})`, findings: doc.findings ?? {} };
  }
  const files = corpusFiles().map((f) => f.path);
  const cwd = mkdtempSync(join(tmpdir(), "goship-bench-cov-"));
  const findings = {};
  for (const tool of TOOLS.filter((t) => t.id === "hadolint" || t.id === "tally")) {
    const p = probeTool(tool, files[0], cwd);
    if (!p.ok) continue;
    const { cmd, args } = tool.command(p.bin, files);
    const r = runCommand(cmd, args, cwd);
    if (statusOk(tool, r.status)) findings[tool.id] = tool.parse(r.stdout);
  }
  rmSync(cwd, { recursive: true, force: true });
  return { source: "one run of each peer on the corpus", findings };
}

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join("  ").trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

function mdTable(headers, rows) {
  const esc = (s) => String(s).replace(/\|/g, "\\|");
  return [`| ${headers.join(" | ")} |`, `|${headers.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.map(esc).join(" | ")} |`)].join("\n");
}

function countBy(findings, key) {
  const m = new Map();
  for (const f of findings ?? []) m.set(f[key], (m.get(f[key]) ?? 0) + 1);
  return m;
}

async function main() {
  const text = [];
  const md = [];
  const section = (title, headers, rows, note) => {
    text.push("", `== ${title}`);
    md.push("", `## ${title}`, "");
    if (note) {
      text.push(note);
      md.push(note, "");
    }
    if (rows.length === 0) {
      text.push("(none)");
      md.push("(none)");
      return;
    }
    text.push(table(headers, rows));
    md.push(mdTable(headers, rows));
  };

  const loaded = await loadRules();
  const metas = loaded.value ? loaded.value.map((r) => r.meta) : [];
  const byDl = new Map();
  const byBk = new Map();
  const byTally = new Map();
  const add = (m, k, id) => m.set(k, [...(m.get(k) ?? []), id]);
  for (const meta of metas) {
    for (const c of meta.hadolint ?? []) add(byDl, c, meta.id);
    for (const b of meta.buildkit ?? []) add(byBk, b, meta.id);
    for (const t of meta.tally ?? []) add(byTally, t, meta.id);
  }

  const obs = observedFindings();
  const hadolintHits = countBy(obs.findings.hadolint, "rule");
  const tallyHits = countBy(obs.findings.tally, "rule");
  const hadolintBin = peerBinary("hadolint");
  const hRules = hadolintRules(hadolintBin, hadolintHits.keys());
  const tRules = tallyRules(tallyHits.keys());

  const tallyBin = peerBinary("tally");
  if (tallyBin) {
    const help = runCommand(tallyBin, ["--help"]).stdout;
    if (/^\s+rules\s/m.test(help)) text.push("note: this tally has a `rules` command; coverage.mjs still reads tally-rules.tsv");
  }

  const head = [
    "goship lint rule coverage against hadolint and tally",
    `goship rules: ${metas.length ? `${metas.length} (${loaded.from})` : `none loaded (${loaded.reason}); build with npx tsc -p tsconfig.json`}`,
    `hadolint rules: ${hRules.size} (hadolint-rules.tsv${hadolintBin ? " + codes in the installed binary" : ""} + codes seen on the corpus)`,
    `tally rules: ${tRules.size} (tally-rules.tsv + rules seen on the corpus; no rule-list command in tally)`,
    `corpus findings: ${obs.source}`,
  ];
  text.push(...head);
  md.push("# goship lint rule coverage against hadolint and tally", "", ...head.slice(1).map((l) => `- ${l}`));

  // hadolint
  const hRows = [];
  for (const r of hRules.values()) {
    const direct = byDl.get(r.code);
    const viaBk = r.buildkit && r.buildkit !== "-" ? r.buildkit.split(",").flatMap((b) => (byBk.get(b.trim()) ?? []).map((id) => `${id} via ${b.trim()}`)) : [];
    const covered = direct ? direct.join(", ") : viaBk.length ? viaBk.join(", ") : "";
    hRows.push({ covered: Boolean(covered), row: [r.code, r.severity ?? "", r.title, hadolintHits.get(r.code) ?? 0, covered || "no", covered ? "" : r.planned && r.planned !== "-" ? r.planned : "", [...r.sources].join("+")] });
  }
  const hHeaders = ["code", "severity", "title", "corpus hits", "goship", "planned (issue 4)", "listed in"];
  section(
    `hadolint rules goship covers (${hRows.filter((x) => x.covered).length} of ${hRows.length})`,
    hHeaders,
    hRows.filter((x) => x.covered).map((x) => x.row),
  );
  section(
    `hadolint rules goship does not cover (${hRows.filter((x) => !x.covered).length})`,
    hHeaders,
    hRows.filter((x) => !x.covered).map((x) => x.row),
  );

  // tally
  const tRows = [];
  for (const r of tRules.values()) {
    let goship;
    const m = /^hadolint\/(DL[0-9]{4})$/.exec(r.rule);
    const b = /^buildkit\/(\w+)$/.exec(r.rule);
    if (m) goship = byDl.get(m[1]);
    else if (b) goship = byBk.get(b[1]);
    goship = goship ?? byTally.get(r.rule);
    tRows.push({ covered: Boolean(goship), scope: r.scope, row: [r.rule, r.title, tallyHits.get(r.rule) ?? 0, goship ? goship.join(", ") : "no", goship ? "" : r.planned && r.planned !== "-" ? r.planned : "", [...r.sources].join("+")] });
  }
  const tHeaders = ["rule", "title", "corpus hits", "goship", "planned (issue 4)", "listed in"];
  const tGo = tRows.filter((x) => x.scope !== "other");
  section(`tally rules goship covers (${tRows.filter((x) => x.covered).length} of ${tRows.length})`, tHeaders, tRows.filter((x) => x.covered).map((x) => x.row));
  section(
    `tally rules goship does not cover, that apply to Go service images (${tGo.filter((x) => !x.covered).length})`,
    tHeaders,
    tGo.filter((x) => !x.covered).map((x) => x.row),
  );
  const other = tRows.filter((x) => x.scope === "other" && !x.covered);
  text.push("", `tally rules for other ecosystems (GPU/CUDA, JavaScript, PHP, Ruby, PowerShell, Windows), not covered and not meant to be: ${other.length}`);
  md.push("", `tally rules for other ecosystems (GPU/CUDA, JavaScript, PHP, Ruby, PowerShell, Windows), not covered and not meant to be: ${other.length}.`);

  const sc = (findings) => [...countBy(findings, "rule")].filter(([r]) => /(^|\/)SC[0-9]+$/.test(r)).map(([r, n]) => `${r.replace(/^shellcheck\//, "")} ${n}`);
  const note = `ShellCheck codes seen on the corpus: hadolint ${sc(obs.findings.hadolint).join(", ") || "none"}; tally ${sc(obs.findings.tally).join(", ") || "none"}. goship runs no ShellCheck; its GS3xx rules read RUN through mvdan/sh.`;
  text.push(note);
  md.push("", note);

  // goship rules no peer has
  const plannedBy = new Map();
  for (const r of hRules.values()) if (r.planned && r.planned !== "-") add(plannedBy, r.planned, r.code);
  for (const r of tRules.values()) if (r.planned && r.planned !== "-") add(plannedBy, r.planned, r.rule);
  const gRows = metas
    .filter((m) => (m.hadolint ?? []).length === 0 && (m.buildkit ?? []).length === 0 && (m.tally ?? []).length === 0)
    .map((m) => [m.id, m.title ?? "", m.severity ?? "", (plannedBy.get(m.id) ?? []).join(", ")]);
  section(
    `goship rules that neither hadolint nor tally has (${gRows.length} of ${metas.length})`,
    ["rule", "title", "severity", "peer rules issue 4 relates to it (not mapped in meta)"],
    gRows,
    "A goship rule is listed when its meta maps no hadolint code, BuildKit check or tally rule. The last column is the issue's plan: a rule listed there may overlap a peer rule and should say so in its meta.",
  );
  const mapped = metas.filter((m) => !gRows.some((r) => r[0] === m.id));
  section(
    `goship rules mapped to a peer rule (${mapped.length})`,
    ["rule", "title", "hadolint", "buildkit", "tally"],
    mapped.map((m) => [m.id, m.title ?? "", (m.hadolint ?? []).join(", "), (m.buildkit ?? []).join(", "), (m.tally ?? []).join(", ")]),
  );

  console.log(text.join("\n"));
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, "coverage.md"), md.join("\n") + "\n");
  console.log(`\nwrote ${relative(ROOT, join(OUT, "coverage.md"))}`);
}

main().catch((e) => {
  console.error(`bench/lint coverage: ${e.message}`);
  process.exitCode = 2;
});
