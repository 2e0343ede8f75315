/**
 * The peers' rule lists for coverage.mjs. hadolint: bench/lint/hadolint-rules.tsv (written from
 * hadolint's documentation), plus every DL code found in the installed hadolint binary (its
 * --help lists no rules) and in its JSON findings. tally: bench/lint/tally-rules.tsv (tally has
 * no command that lists rules), plus every rule seen in its JSON findings. Each rule says where
 * it was found (docs, binary, corpus).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { HERE } from "./paths.mjs";

/** Rows of a tab-separated file with a header line; lines starting with # are comments. */
export function readTsv(file) {
  const lines = readFileSync(file, "utf8").split("\n").filter((l) => l.trim() !== "" && !l.startsWith("#"));
  const [head, ...rest] = lines;
  const cols = (head ?? "").split("\t");
  return rest.map((l) => {
    const cells = l.split("\t");
    return Object.fromEntries(cols.map((c, i) => [c, (cells[i] ?? "").trim()]));
  });
}

/** DL codes named in a hadolint binary (its rule table is compiled in). */
export function dlCodesInBinary(path) {
  if (!path) return new Set();
  const text = readFileSync(path).toString("latin1");
  return new Set(text.match(/DL[0-9]{4}/g) ?? []);
}

function merge(rows, key, extra, source) {
  const byKey = new Map(rows.map((r) => [r[key], { ...r, sources: new Set(["docs"]) }]));
  for (const k of extra) {
    const row = byKey.get(k) ?? { [key]: k, title: "(not in the docs list)", sources: new Set() };
    row.sources.add(source);
    byKey.set(k, row);
  }
  return byKey;
}

/** hadolint rules: Map code -> { code, severity, title, buildkit, planned, sources }. */
export function hadolintRules(binaryPath, observedCodes) {
  const rows = readTsv(join(HERE, "hadolint-rules.tsv"));
  let m = merge(rows, "code", dlCodesInBinary(binaryPath), "binary");
  const observed = [...observedCodes].filter((c) => /^DL[0-9]{4}$/.test(c));
  for (const c of observed) {
    const row = m.get(c) ?? { code: c, title: "(not in the docs list)", sources: new Set() };
    row.sources.add("corpus");
    m.set(c, row);
  }
  return new Map([...m].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** tally rules: Map rule -> { rule, scope, title, planned, sources }. */
export function tallyRules(observedRules) {
  const rows = readTsv(join(HERE, "tally-rules.tsv"));
  // ShellCheck and PowerShell codes are a namespace of their own, summarised elsewhere.
  const observed = [...observedRules].filter((r) => !/^(shellcheck|powershell)\//.test(r));
  const m = merge(rows, "rule", [], "docs");
  for (const r of observed) {
    const row = m.get(r) ?? { rule: r, scope: "go", title: "(not in the docs list)", planned: "-", sources: new Set() };
    row.sources.add("corpus");
    m.set(r, row);
  }
  return m;
}
