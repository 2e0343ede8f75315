/**
 * Redaction used by every goship output (text, JSON, SARIF, annotations, the
 * evidence lines of `goship doctor` and `goship run`): credentials in a line
 * of text are replaced by at most their first 4 characters and `****`.
 *
 * Recognised: passwords in URL userinfo (`https://user:pass@host`) and
 * token-shaped userinfo (`https://ghp_x@host`); `Authorization:` /
 * `Proxy-Authorization:` header values and bare `Bearer`/`Basic` credentials;
 * `PRIVATE-TOKEN:` / `X-Api-Key:`-style headers; netrc `password`; key=value
 * assignments whose key names a secret (`*_TOKEN`, `*PASSWORD*`, `*SECRET*`,
 * `api_key`, npm `_authToken`/`_auth`); token shapes of GitHub (`ghp_`, `gho_`,
 * `ghu_`, `ghs_`, `ghr_`, `github_pat_`), GitLab (`glpat-` and siblings), AWS
 * access key IDs (`AKIA…`/`ASIA…`), Slack (`xox?-` tokens, webhook paths) and
 * npm (`npm_`). Leaves out entropy-based detection of unknown token shapes and
 * secrets split over several lines (PEM blocks are src/secrets' detectors' job).
 */

/** How many leading characters of a secret survive: at most 4, and at most a third of it. */
export function keptPrefix(secret: string): string {
  return secret.slice(0, Math.min(4, Math.floor(secret.length / 3)));
}

/** The masked form of one secret value. */
export function mask(secret: string): string {
  return `${keptPrefix(secret)}****`;
}

interface Pattern {
  readonly re: RegExp;
  /** Group number holding the secret; everything else in the match is kept. */
  readonly group: number;
}

// Order matters only for readability: every pattern masks its own group, and
// an already masked value (ending in ****) is never masked again.
const PATTERNS: readonly Pattern[] = [
  // scheme://user:password@host
  { re: /\b([a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:)([^\s/@]+)(@)/gi, group: 2 },
  // scheme://<token>@host where the userinfo is token-shaped (git@ stays)
  { re: /\b([a-z][a-z0-9+.-]*:\/\/)([A-Za-z0-9_\-]{20,})(@)/gi, group: 2 },
  // Authorization: Bearer x / Basic x / token x / bare value
  { re: /\b((?:proxy-)?authorization\s*[:=]\s*(?:(?:bearer|basic|token|digest|negotiate|bot)\s+)?)([^\s"',;]+)/gi, group: 2 },
  // Bearer x anywhere else (x holds a digit: "bearer authentication" is prose, not a token)
  { re: /\b(bearer\s+)((?=[A-Za-z\-._~+/]*[0-9])[A-Za-z0-9\-._~+/]{8,}=*)/gi, group: 2 },
  // secret-bearing headers
  { re: /\b((?:private-token|job-token|x-api-key|x-auth-token|api-key|x-gitlab-token)\s*:\s*)([^\s"',;]+)/gi, group: 2 },
  // netrc: `machine h login u password <secret>` or a `password <secret>` line
  { re: /\b((?:login|machine|account)\s+\S+\s+password\s+)([^\s"']+)/gi, group: 2 },
  { re: /^(\s*password\s+)([^\s"']+)\s*$/gim, group: 2 },
  // KEY=value / key: value where the key names a secret
  {
    re: /\b([A-Za-z0-9_.\-]*(?:token|passw(?:or)?d|passwd|secret|api[_-]?key|access[_-]?key|_auth)[A-Za-z0-9_.\-]*["']?\s*[=:]\s*["']?)([^\s"',;&@]+)/gi,
    group: 2,
  },
  // Token shapes
  { re: /()\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g, group: 2 },
  { re: /()\b(gl(?:pat|ptt|dt|rt|cbt|oas|imt|agent|ft|sa)-[A-Za-z0-9_\-]{16,})/g, group: 2 },
  { re: /()\b((?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16})\b/g, group: 2 },
  { re: /()\b(xox[abposr]-[A-Za-z0-9\-]{10,})/g, group: 2 },
  { re: /(hooks\.slack\.com\/services\/)([A-Za-z0-9/]{20,})/g, group: 2 },
  { re: /()\b(npm_[A-Za-z0-9]{30,})/g, group: 2 },
];

// One cheap test before running the patterns: most lines hold none of these.
const HINT = /:\/\/[^\s/]*@|authori|bearer|token|passw|secret|api[_-]?key|access[_-]?key|_auth|gh[pousr]_|github_pat_|gl[a-z]{1,5}-|A[KSBC][IC]A|xox|slack|npm_/i;

/** True when `text` may hold a secret this module redacts (a fast pre-check). */
export function mayHoldSecret(text: string): boolean {
  return HINT.test(text);
}

/** `text` with every recognised secret masked (`ghp_****`). */
export function redact(text: string): string {
  if (!HINT.test(text)) return text;
  let out = text;
  for (const p of PATTERNS) {
    out = out.replace(p.re, (...m: unknown[]) => {
      const groups = m.slice(1, -2) as (string | undefined)[];
      const secret = groups[p.group - 1] ?? "";
      if (secret === "" || secret.endsWith("****") || isPlaceholder(secret)) return m[0] as string;
      return groups.map((g, i) => (i === p.group - 1 ? mask(secret) : (g ?? ""))).join("");
    });
  }
  return out;
}

// Values that are clearly not secrets: variable references and prompts.
function isPlaceholder(v: string): boolean {
  return /^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/.test(v) || /^(?:true|false|none|null|required|disabled|\*+|<[^>]*>[.):]*|for)$/i.test(v);
}
