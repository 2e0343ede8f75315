/**
 * Escaping for the HTML audit report: every string that comes from the
 * report (findings text, file names, rule text, layer commands) goes through
 * here before it reaches the page. The result is safe both as element text and
 * inside a double- or single-quoted attribute. Secrets are masked once more
 * (the report is redacted upstream; masking is idempotent), and control and
 * bidirectional-override characters are shown as visible `\u….` escapes so a
 * message cannot reorder or hide the text around it.
 */
import { redact } from "../../secrets/redact.js";

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
};

// C0/C1 controls except tab and newline, DEL, and the bidi controls (Trojan Source).
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `s` escaped for HTML text and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s
    .replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replace(/[&<>"'`]/g, (c) => ENTITIES[c] ?? c);
}

/** Free text from user files: secrets masked again, then escaped. */
export function text(s: string): string {
  return escapeHtml(redact(s));
}

/** At most `max` characters of `s` (an ellipsis marks a cut), before escaping. */
export function truncate(s: string, max: number): string {
  if (max <= 1) return s.length > 0 ? "…" : "";
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join("")}…`;
}
