/**
 * Generic secrets: an assignment whose name says secret (`password=`,
 * `DB_PASSWORD:`, `api_key =`, `client_secret:`, `"token": "..."`,
 * `--password=`; names per names.ts) and whose literal value is high entropy
 * (entropy.ts: >= 3.5 bits/char with 12+ characters, >= 3.0 with 8–11
 * characters and three character classes, hex >= 3.0 with 16+). Values that
 * are placeholders, variable references, paths or URLs are left out, and so
 * are names that only point at a secret (`PASSWORD_FILE`, `TOKEN_URL`).
 * A name written as one word (`CLIENTSECRET`, `dbpassword`) counts when it
 * ends in password, passwd, secret or token.
 */
import { type Detector, matchAll } from "../detector.js";
import { isHighEntropy } from "../entropy.js";
import { isSecretName } from "../names.js";
import { isPlaceholderValue } from "../placeholder.js";

const RE = /(?<![A-Za-z0-9_])((?:--)?[A-Za-z_][A-Za-z0-9_.-]{0,60})["']?[ \t]*(?:=|:=|:|=>)[ \t]*(["'`]?)([^\s"'`,;]{8,200})\2/dg;

export const genericAssignment: Detector = {
  id: "generic-secret",
  title: "a secret assignment",
  hint: /passw|pwd|secret|token|key|credential|auth|netrc/i,
  scan: (text) =>
    matchAll(text, RE, 3, (s, m) => {
      const name = (m[1] ?? "").replace(/^--/, "");
      if (!isSecretName(name) && !/^(pwd|passwd|pass)$/i.test(name) && !/^[A-Za-z]+(password|passwd|secret|token)$/i.test(name)) return false;
      if (isPlaceholderValue(s) || /^[a-z][a-z0-9+.-]*:\/\//i.test(s)) return false;
      return isHighEntropy(s);
    }),
};
