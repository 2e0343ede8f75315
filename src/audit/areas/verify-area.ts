/**
 * Audit area "verify": go.sum against the Go checksum database
 * (src/sumdb/verify runVerify). Online it is `goship verify` with shorter
 * timeouts. With `--offline` it answers from the caches only (goship's and
 * the go command's): lines the caches cannot answer are not findings, the
 * note says how many were left unchecked, and when no line could be checked
 * the area is "skipped". Skipped without a go.sum; "failed" (with the reason)
 * when the database cannot be reached (online, no line verified and every
 * finding "cannot verify") or the environment refuses (GOSUMDB=off).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { LocatedError, UsageError } from "../../diagnostic/located-error.js";
import { runVerify } from "../../sumdb/verify/run-verify.js";
import { failedArea, ranArea, skippedArea } from "../score.js";
import type { AreaResult } from "../types.js";

export interface VerifyAreaOptions {
  readonly offline: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly timeoutMs?: number;
}

export async function verifyArea(root: string, o: VerifyAreaOptions): Promise<AreaResult> {
  const goSumFile = join(root, "go.sum");
  if (!existsSync(goSumFile)) return skippedArea("verify", "no go.sum", "no go.sum at the root: nothing to verify");
  let outcome;
  try {
    outcome = await runVerify({ goSumFile, display: "go.sum", env: o.env, offline: o.offline, retries: 1, timeoutMs: o.timeoutMs ?? 10_000 });
  } catch (e) {
    if (e instanceof LocatedError) return failedArea("verify", e.format());
    if (o.offline) return skippedArea("verify", "not checked", `--offline: the checksum database was not consulted and its caches could not answer (${(e as Error).message})`);
    if (e instanceof UsageError) return failedArea("verify", e.message);
    return failedArea("verify", `cannot reach the checksum database: ${(e as Error).message}`);
  }
  const c = outcome.result.counts;
  if (!o.offline) {
    // Nothing verified and every finding is "cannot verify": the database was not reachable.
    const all = outcome.result.findings;
    if (c.verified === 0 && all.length > 0 && all.every((f) => f.ruleId === "GV105" || f.severity === "info")) {
      const first = all.find((f) => f.ruleId === "GV105");
      return failedArea("verify", `cannot read the checksum database ${outcome.database.name}: ${first ? first.message.replace(/^[^:]*: /, "") : "no line verified"} (use --offline to check from the caches only)`);
    }
    return ranArea("verify", outcome.result.findings, `${c.lines} go.sum lines against ${outcome.database.name}, ${c.verified} verified`);
  }
  // Offline: "cannot verify" (GV105) means "not in the caches", not a defect.
  const findings = outcome.result.findings.filter((f) => f.ruleId !== "GV105");
  const unchecked = outcome.result.findings.length - findings.length;
  if (c.verified === 0 && findings.every((f) => f.severity === "info")) {
    return skippedArea("verify", "not checked", `--offline: the checksum database was not consulted; its caches answered none of the ${c.lines} go.sum lines`);
  }
  const note = `--offline: answered from the checksum database caches only${unchecked > 0 ? `; ${unchecked} line${unchecked === 1 ? "" : "s"} not in the caches were not checked` : ""}`;
  return ranArea("verify", findings, `${c.lines} go.sum lines, ${c.verified} verified from the caches`, note);
}
