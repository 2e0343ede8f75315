/**
 * GS402: secrets in ENV or ARG (BuildKit SecretsUsedInArgOrEnv). ENV values
 * are stored in the image config and ARG values in its history, so anyone
 * who can pull the image reads them. Reports (error) a secret-named ENV/ARG
 * with a literal value and any ENV/ARG value that looks like a known
 * credential; (warning) a secret-named ARG without a default (its build-arg
 * value still lands in `docker history`) and a secret-named ENV set from a
 * variable (the build arg is copied into the image's environment). Values
 * are redacted in every message (facts/secret-facts.ts).
 * Leaves out names that only point at a secret (`*_FILE`, `*_PATH`,
 * `*_URL`), values that are paths, booleans or empty.
 */
import type { Range } from "../../diagnostic/located-error.js";
import type { ArgInstruction, EnvInstruction } from "../../dockerfile/instructions/types.js";
import { expandWord } from "../../dockerfile/expand/index.js";
import { defineRule, type Report } from "../rule.js";
import { credentialKind, isPlaceholder, isSecretName, redact } from "../facts/secret-facts.js";

export default defineRule(
  {
    id: "GS402",
    title: "secret in ENV or ARG",
    severity: "error",
    category: "security",
    hadolint: [],
    buildkit: ["SecretsUsedInArgOrEnv"],
    fixable: false,
  },
  ({ model, report }) => {
    // `ARG NAME` is redeclared in every stage that uses a global ARG: say it once
    const declared = new Set<string>();
    for (const ins of model.dockerfile.instructions) {
      if (ins.kind === "ENV") for (const [i, p] of ins.pairs.entries()) check("ENV", p.key, p.value, envRange(ins, i), report);
      else if (ins.kind === "ARG") {
        for (const [i, a] of ins.args.entries()) {
          if (a.value === undefined && declared.has(a.key)) continue;
          declared.add(a.key);
          check("ARG", a.key, a.value, ins.node.args[i]?.range ?? ins.range, report);
        }
      }
    }
  },
);

function check(kw: "ENV" | "ARG", key: string, raw: string | undefined, range: Range, report: (r: Report) => void): void {
  const value = raw === undefined ? undefined : literal(raw);
  const kind = value ? credentialKind(value) : null;
  if (value && kind) {
    report({ message: `${kw} ${key} holds ${kind} (${redact(value)}): it is stored in the image for anyone who pulls it; pass it with RUN --mount=type=secret instead and revoke it`, range });
    return;
  }
  if (!isSecretName(key)) return;
  const secretMount = `RUN --mount=type=secret,id=${key.toLowerCase()}`;
  if (raw === undefined) {
    if (kw === "ARG") {
      report({
        message: `ARG ${key} looks like a secret: build-arg values are recorded in the image history (docker history); use ${secretMount} and read /run/secrets/${key.toLowerCase()}`,
        range,
        severity: "warning",
      });
    }
    return;
  }
  if (value === null || value === undefined) {
    if (kw === "ENV") {
      report({
        message: `ENV ${key} copies a variable into the image's environment, where anyone who pulls the image can read it; use ${secretMount} for the step that needs it`,
        range,
        severity: "warning",
      });
    }
    return;
  }
  if (value === "" || isPlaceholder(value)) return;
  report({
    message: `${kw} ${key} sets a literal secret (${redact(value)}): it is stored in the image ${kw === "ENV" ? "config" : "history"} for anyone who pulls it; use ${secretMount} at build time, or inject it at run time`,
    range,
  });
}

/** The value after Dockerfile quote removal; null when it expands a variable. */
function literal(raw: string): string | null {
  try {
    const r = expandWord(raw, () => undefined);
    return r.unmatched.size > 0 || r.matched.size > 0 ? null : r.value;
  } catch {
    return /\$/.test(raw) ? null : raw;
  }
}

/** `KEY=value` of the i-th ENV pair (key and value args are at 3i and 3i+1). */
function envRange(ins: EnvInstruction | ArgInstruction, i: number): Range {
  const key = ins.node.args[3 * i]?.range;
  const val = ins.node.args[3 * i + 1]?.range;
  if (key && val) return { start: key.start, end: val.end };
  return key ?? ins.range;
}
