/**
 * Recognises the builder format from one cleaned line: the first line that
 * only one format prints decides (`#7 [x 1/2] ...`, `Step 1/9 : ...`,
 * `STEP 1/9: ...`, a SolveStatus JSON object). Leaves out guessing from
 * lines every format may print (Go's own output).
 */
import type { LogFormat } from "../types.js";

export function detectFormat(text: string): LogFormat | undefined {
  if (/^#\d+ (?:\[[^\]]+\] |DONE |CACHED|ERROR)/.test(text)) return "buildkit-plain";
  if (/^\{"(?:vertexes|statuses|logs|warnings)":/.test(text)) return "buildkit-rawjson";
  if (/^Step \d+\/\d+ : /.test(text)) return "legacy";
  if (/^(?:\[\d+\/\d+\] )?STEP \d+\/\d+: /.test(text)) return "buildah";
  return undefined;
}
