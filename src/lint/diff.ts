/**
 * A unified diff of two texts (for `--fix --dry-run` and `init --check`),
 * from a line-level longest-common-subsequence, with 3 lines of context.
 * Inputs are Dockerfile-sized, so the O(n*m) table is fine.
 */
export function unifiedDiff(before: string, after: string, fileA: string, fileB: string = fileA): string {
  if (before === after) return "";
  const a = splitLines(before);
  const b = splitLines(after);
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  type Op = { kind: " " | "-" | "+"; text: string; ai: number; bi: number };
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ kind: " ", text: a[i++]!, ai: i, bi: ++j });
    else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) ops.push({ kind: "-", text: a[i++]!, ai: i, bi: j });
    else ops.push({ kind: "+", text: b[j++]!, ai: i, bi: j });
  }
  const out = [`--- ${fileA}`, `+++ ${fileB}`];
  const CONTEXT = 3;
  let k = 0;
  while (k < ops.length) {
    if (ops[k]!.kind === " ") {
      k++;
      continue;
    }
    let start = Math.max(0, k - CONTEXT);
    let end = k;
    // extend the hunk while changes are within 2*CONTEXT lines of each other
    for (;;) {
      while (end < ops.length && ops[end]!.kind !== " ") end++;
      let next = end;
      while (next < ops.length && ops[next]!.kind === " " && next - end < 2 * CONTEXT) next++;
      if (next < ops.length && ops[next]!.kind !== " ") end = next;
      else break;
    }
    const stop = Math.min(ops.length, end + CONTEXT);
    const hunk = ops.slice(start, stop);
    const aStart = countBefore(ops, start, "+") + 1;
    const bStart = countBefore(ops, start, "-") + 1;
    const aLen = hunk.filter((o) => o.kind !== "+").length;
    const bLen = hunk.filter((o) => o.kind !== "-").length;
    out.push(`@@ -${aLen === 0 ? aStart - 1 : aStart},${aLen} +${bLen === 0 ? bStart - 1 : bStart},${bLen} @@`);
    for (const o of hunk) out.push(o.kind + o.text);
    k = stop;
    start = stop;
  }
  return out.join("\n") + "\n";
}

/** Lines of the a-side (or b-side) consumed before op index `idx`. */
function countBefore(ops: readonly { kind: string }[], idx: number, skip: string): number {
  let c = 0;
  for (let i = 0; i < idx; i++) if (ops[i]!.kind !== skip) c++;
  return c;
}

function splitLines(s: string): string[] {
  const lines = s.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}
