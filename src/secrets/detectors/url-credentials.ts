/**
 * Passwords in URLs: `scheme://user:password@host` anywhere (GOPROXY,
 * GOPRIVATE helpers, git remotes, database DSNs, `git config url.<...>.
 * insteadOf`), and a token alone as userinfo (`https://<token>@github.com`,
 * 20+ token characters). Placeholders (`${TOKEN}`, `<password>`, `pass`,
 * `****`) are no secret, and neither is a password equal to the user name
 * (`postgres://postgres:postgres@localhost`, a local default).
 */
import { type Detector, matchAll } from "../detector.js";
import { isPlaceholderValue } from "../placeholder.js";

const USER_PASS = /\b[a-z][a-z0-9+.-]*:\/\/([^\s/:@"'<>]*):([^\s/@"'<>]+)@[A-Za-z0-9[]/dgi;
const TOKEN_USER = /\b[a-z][a-z0-9+.-]*:\/\/((?:gh[pousr]_|glpat-|github_pat_)?[A-Za-z0-9_-]{20,})@[A-Za-z0-9[]/dgi;

export const urlCredentials: Detector = {
  id: "url-credentials",
  title: "a URL with a password",
  hint: /:\/\/[^\s/]*@/,
  scan: (text) =>
    matchAll(text, USER_PASS, 2, (s, m) => s !== m[1] && !isPlaceholderValue(s) && !/^\$|^%[0-9A-F]{2}\$/i.test(s)).concat(
      matchAll(text, TOKEN_USER, 1, (s) => /[0-9]/.test(s) && /[A-Za-z]/.test(s) && !isPlaceholderValue(s)),
    ),
};
