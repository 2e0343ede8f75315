/**
 * Audit area "doctor": `goship doctor` on the build log given with `--log`
 * (plain or gzip), its steps linked to the root Dockerfile when there is
 * one. Skipped without `--log`. An unreadable log is an input error of the
 * audit (exit 2), like `goship doctor`'s.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDockerfile } from "../../dockerfile/index.js";
import { diagnoseFile, linkDockerfile, toFindings } from "../../doctor/index.js";
import { UsageError } from "../../diagnostic/located-error.js";
import { ranArea, skippedArea } from "../score.js";
import type { AreaResult } from "../types.js";

/** `logPath` absolute; `display` is how the report names it. */
export async function doctorArea(root: string, logPath: string | null, display: string): Promise<AreaResult> {
  if (logPath === null) return skippedArea("doctor", "no build log", "no build log given (--log FILE)");
  let result;
  try {
    result = await diagnoseFile(logPath);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === "ENOENT" ? "no such file or directory" : err.code === "EISDIR" ? "is a directory" : err.code === "Z_DATA_ERROR" || err.code === "Z_BUF_ERROR" ? "not valid gzip data" : err.message;
    throw new UsageError(`--log ${display}: ${why}`);
  }
  const dfPath = join(root, "Dockerfile");
  let linked = result;
  let dockerfile: string | undefined;
  if (existsSync(dfPath)) {
    try {
      linked = linkDockerfile(result, parseDockerfile(readFileSync(dfPath, "utf8"), { file: "Dockerfile" }));
      dockerfile = "Dockerfile";
    } catch {
      /* a Dockerfile that does not parse is the lint area's finding */
    }
  }
  const findings = toFindings([{ file: display, result: linked }], dockerfile);
  const steps = result.steps.length;
  return ranArea("doctor", findings, `${display}: ${steps} step${steps === 1 ? "" : "s"}, build ${result.outcome.status ?? "unknown"}`);
}
