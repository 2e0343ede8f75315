/**
 * Go's filepath.Clean and filepath.Dir for Linux (slash separator, no volume
 * names), which patternmatcher and ignorefile apply to patterns and paths.
 *
 * Clean: the shortest equivalent path by lexical processing only: repeated
 * slashes collapse, `.` elements go, `..` eats the element before it (and is
 * dropped at the root), a trailing slash goes, and "" becomes ".". No file
 * system access, so symlinks are not resolved (same as Go).
 */

/**
 * filepath.Clean on Linux. Go scans with a lazy buffer; processing the
 * elements between slashes gives the same result in one linear pass.
 */
export function cleanPath(path: string): string {
  if (path === "") return ".";
  const rooted = path[0] === "/";
  const out: string[] = [];
  let dotdot = 0; // leading ".." elements that cannot be removed
  for (const elem of path.split("/")) {
    if (elem === "" || elem === ".") continue;
    if (elem === "..") {
      if (out.length > dotdot) out.pop();
      else if (!rooted) {
        out.push("..");
        dotdot = out.length;
      }
      continue;
    }
    out.push(elem);
  }
  const joined = out.join("/");
  if (rooted) return "/" + joined;
  return joined === "" ? "." : joined;
}

/** filepath.Dir on Linux: everything before the last slash, cleaned. */
export function dirPath(path: string): string {
  const i = path.lastIndexOf("/");
  return cleanPath(path.slice(0, i + 1));
}
