/**
 * SARIF 2.1.0 (OASIS), the format GitHub code scanning ingests: one run, the
 * goship driver with its rules, one result per finding with a physical
 * location (1-based region). Only the properties GitHub and the schema need;
 * no invocation timing, so the output is deterministic.
 */
import type { Finding } from "../finding/finding.js";
import type { Formatter } from "./report.js";

const LEVEL = { error: "error", warning: "warning", info: "note" } as const;

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

export const formatSarif: Formatter = (input) => {
  const ruleIds = [...new Set([...(input.rules ?? []).map((r) => r.id), ...input.findings.map((f) => f.ruleId)])].sort();
  const info = new Map((input.rules ?? []).map((r) => [r.id, r]));
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const doc = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "goship",
            version: input.toolVersion,
            rules: ruleIds.map((id) => {
              const r = info.get(id);
              const rule: Record<string, unknown> = { id, name: id };
              if (r) {
                rule.shortDescription = { text: r.title };
                rule.defaultConfiguration = { level: LEVEL[r.severity as keyof typeof LEVEL] ?? "warning" };
                rule.help = { text: `Run \`goship lint --explain ${id}\`${r.docs ? ` or read ${r.docs}` : ""}.` };
              }
              return rule;
            }),
          },
        },
        results: input.findings.map((f) => result(f, index.get(f.ruleId) ?? 0)),
      },
    ],
  };
  return JSON.stringify(doc, null, 2) + "\n";
};

function result(f: Finding, ruleIndex: number): Record<string, unknown> {
  const region: Record<string, number> = {};
  if (f.line > 0) {
    region.startLine = f.line;
    if (f.column > 0) region.startColumn = f.column;
    if (f.endLine !== undefined && f.endLine >= f.line) region.endLine = f.endLine;
    if (f.endColumn !== undefined && f.endColumn > 0) region.endColumn = f.endColumn;
  }
  const physicalLocation: Record<string, unknown> = { artifactLocation: { uri: uri(f.file) } };
  if (f.line > 0) physicalLocation.region = region;
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation }],
  };
}

/** Relative paths become relative URIs (forward slashes, percent-encoded). */
function uri(file: string): string {
  return file
    .split(/[\\/]/)
    .map((seg) => encodeURIComponent(seg))
    .join("/");
}
