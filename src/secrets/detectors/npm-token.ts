/**
 * npm tokens: granular/automation tokens `npm_` + 36 base62 characters, and
 * literal `_authToken=` / `_auth=` / `_password=` values in an .npmrc (not
 * `${NPM_TOKEN}` references, which are the right way to write one).
 */
import { type Detector, matchAll } from "../detector.js";
import { isPlaceholderValue } from "../placeholder.js";

const TOKEN = /(?<![A-Za-z0-9_])(npm_[A-Za-z0-9]{36})(?![A-Za-z0-9])/dg;
const NPMRC = /(?:^|[\s:])_(?:authToken|auth|password)\s*=\s*["']?([^\s"']{8,})/dgm;

export const npmToken: Detector = {
  id: "npm-token",
  title: "an npm token",
  hint: /npm_|_authToken|_auth\s*=|_password\s*=/,
  scan: (text) => {
    const tokens = matchAll(text, TOKEN, 1);
    const rc = matchAll(text, NPMRC, 1, (s) => !isPlaceholderValue(s) && !tokens.some((t) => t.secret === s));
    return tokens.concat(rc);
  },
};
