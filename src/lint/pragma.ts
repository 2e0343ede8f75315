/**
 * Inline pragmas, read from comment lines of a Dockerfile:
 *   # goship ignore=GS101,GS402          the next instruction only
 *   # goship global ignore=GS204         the whole file
 *   # hadolint ignore=DL3006,DL3008      as hadolint means it (next instruction)
 *   # hadolint global ignore=DL3008      as hadolint means it (whole file)
 * hadolint codes are kept as written; the engine maps them to the GS rules
 * that cover them. Unknown codes are returned as problems so the engine can
 * report them instead of silently ignoring a typo.
 */
export interface Pragma {
  /** 1-based line of the comment. */
  readonly line: number;
  readonly tool: "goship" | "hadolint";
  readonly global: boolean;
  readonly codes: readonly string[];
}

const PRAGMA = /^\s*#\s*(goship|hadolint)\s+(global\s+)?ignore\s*=\s*([A-Za-z0-9_,\s-]*?)\s*$/;

/** Every pragma comment in `text`, in order. Comment lines only; inline text after instructions is not a comment in Dockerfiles. */
export function readPragmas(text: string): Pragma[] {
  const out: Pragma[] = [];
  // Most files have no pragma: skip the line split then.
  if (!/goship|hadolint/i.test(text)) return out;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = PRAGMA.exec(lines[i] ?? "");
    if (!m) continue;
    const codes = (m[3] ?? "")
      .split(",")
      .map((c) => c.trim().toUpperCase())
      .filter((c) => c !== "");
    out.push({ line: i + 1, tool: m[1] as Pragma["tool"], global: m[2] !== undefined, codes });
  }
  return out;
}
