/**
 * GOPRIVATE / GONOPROXY / GONOSUMDB matching: a port of
 * golang.org/x/mod/module.MatchPrefixPatterns (v0.43.0). `globs` is a
 * comma-separated list of path.Match patterns; a pattern with n slashes is
 * matched against the first n+1 elements of the path, so "corp.example/*"
 * matches every module below it. Empty entries and trailing slashes are
 * ignored; a malformed pattern never matches.
 */
import { pathMatch } from "../golang/path-match.js";
import { toBytes } from "../golang/utf8.js";

/** module.MatchPrefixPatterns(globs, target). */
export function matchPrefixPatterns(globs: string, target: string): boolean {
  let rest = toBytes(globs);
  const path = toBytes(target);
  while (rest !== "") {
    let glob: string;
    const comma = rest.indexOf(",");
    if (comma >= 0) {
      glob = rest.slice(0, comma);
      rest = rest.slice(comma + 1);
    } else {
      glob = rest;
      rest = "";
    }
    if (glob.endsWith("/")) glob = glob.slice(0, -1);
    if (glob === "") continue;
    let n = 0;
    for (const c of glob) if (c === "/") n++;
    let prefix = path;
    for (let i = 0; i < path.length; i++) {
      if (path[i] === "/") {
        if (n === 0) {
          prefix = path.slice(0, i);
          break;
        }
        n--;
      }
    }
    if (n > 0) continue;
    if (pathMatch(glob, prefix).matched) return true;
  }
  return false;
}
