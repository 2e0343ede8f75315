/**
 * The detector contract of src/secrets: a detector finds one kind of
 * credential in a text and returns where the secret value sits (offsets into
 * the text) and the value itself. The value never leaves src/secrets except
 * masked (redact.ts) or as a fingerprint (fingerprint.ts).
 */

export interface DetectorContext {
  /** The file the text came from ("" when unknown): some detectors look at its name (.netrc). */
  readonly file: string;
}

export interface RawMatch {
  /** Offset of the secret value in the text. */
  readonly index: number;
  /** The secret value (what is masked and fingerprinted). */
  readonly secret: string;
  /** A documented example value (AKIAIOSFODNN7EXAMPLE, the Azurite key): dropped unless asked for. */
  readonly example?: boolean;
}

export interface Detector {
  /** Stable id, used in rule ids (`secrets/<id>`), allow-lists and JSON. */
  readonly id: string;
  /** What it finds, as a noun phrase: "an AWS access key ID". */
  readonly title: string;
  /** A cheap test: when it fails on the text, scan() is not called. */
  readonly hint: RegExp;
  scan(text: string, ctx: DetectorContext): RawMatch[];
}

/**
 * All matches of a global regexp with the `d` flag (match indices) whose
 * group `g` is the secret, kept when `keep` says so.
 */
export function matchAll(text: string, re: RegExp, g: number, keep: (secret: string, m: RegExpExecArray) => boolean | "example" = () => true): RawMatch[] {
  if (!re.global || !re.hasIndices) throw new Error(`detector regexp ${re} needs the g and d flags`);
  const out: RawMatch[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === "") re.lastIndex++;
    const secret = m[g];
    const at = m.indices?.[g]?.[0];
    if (secret === undefined || secret === "" || at === undefined) continue;
    const verdict = keep(secret, m);
    if (verdict === false) continue;
    out.push(verdict === "example" ? { index: at, secret, example: true } : { index: at, secret });
  }
  return out;
}
