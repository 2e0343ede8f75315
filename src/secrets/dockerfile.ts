/**
 * Secrets in a Dockerfile: the detectors over its text (ENV, ARG, RUN, LABEL
 * lines alike), plus ENV/ARG values under a secret name that are literal
 * (not a variable, not a placeholder) even when their entropy is low
 * (`ENV DB_PASSWORD=hunter2`): a value baked into an image layer or its
 * history is leaked whatever it looks like.
 */
import { parseDockerfile } from "../dockerfile/index.js";
import { fingerprint } from "./fingerprint.js";
import { isSecretName } from "./names.js";
import { isPlaceholderValue } from "./placeholder.js";
import { mask } from "./redact.js";
import { ALLOW_COMMENT, scanText, type ScanOptions, type SecretFinding } from "./scan.js";

export function scanDockerfile(text: string, opts: ScanOptions = {}): SecretFinding[] {
  const found = scanText(text, opts);
  let df;
  try {
    df = parseDockerfile(text, { file: opts.file ?? "Dockerfile" });
  } catch {
    return found;
  }
  const lines = text.split("\n");
  const extra: SecretFinding[] = [];
  for (const ins of df.instructions) {
    const pairs = ins.kind === "ENV" ? ins.pairs.map((p) => [p.key, p.value] as const) : ins.kind === "ARG" ? ins.args.filter((a) => a.value !== undefined).map((a) => [a.key, a.value!] as const) : [];
    for (const [key, value] of pairs) {
      if (!isSecretName(key) || isPlaceholderValue(value) || value.includes("$") || value.length < 4) continue;
      if (found.some((f) => f.line >= ins.startLine && f.line <= ins.endLine)) continue;
      const line = ins.startLine;
      const col = (lines[line - 1] ?? "").indexOf(value);
      const allowedInline = (lines[line - 1] ?? "").includes(ALLOW_COMMENT) || (lines[line - 2] ?? "").includes(ALLOW_COMMENT);
      const fp = fingerprint(value);
      const listed = !allowedInline && opts.allow?.allows({ file: opts.file ?? "", detector: "dockerfile-secret", fingerprint: fp }) === true;
      extra.push({
        detector: "dockerfile-secret",
        title: `a literal ${ins.kind} secret (${key})`,
        file: opts.file ?? "",
        line,
        column: col >= 0 ? col + 1 : 1,
        endLine: line,
        endColumn: col >= 0 ? col + 1 + value.length : 1,
        preview: mask(value),
        fingerprint: fp,
        allowed: allowedInline ? "inline" : listed ? "allow-list" : null,
      });
    }
  }
  return [...found, ...extra].sort((a, b) => a.line - b.line || a.column - b.column);
}
