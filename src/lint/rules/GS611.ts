/**
 * GS611: ADD of local files that are neither URLs nor archives to unpack
 * (hadolint DL3020): COPY does the same with no surprises (ADD unpacks
 * tarballs and fetches URLs). Not reported when a source is a URL or git
 * address, has an archive extension, is a glob that could match archives,
 * holds a variable, or when ADD-only flags (--checksum, --keep-git-dir,
 * --unpack) or heredocs are used. Safe fix: ADD → COPY.
 */
import { defineRule } from "../rule.js";
import { caseLike, replaceRange } from "../facts/stage-edits.js";

const ARCHIVE = /\.(tar|tgz|tbz|tbz2|tb2|txz|tzst|tlz|tZ|taz|gz|bz2|xz|zst|lz|lzma|lz4|Z|zip|7z|rar)$/i;
const COPY_FLAGS = new Set(["chown", "chmod", "link", "exclude"]);

export default defineRule(
  {
    id: "GS611",
    title: "ADD used for local files",
    severity: "warning",
    category: "semantics",
    hadolint: ["DL3020"],
    buildkit: [],
    fixable: true,
  },
  ({ model, report }) => {
    for (const s of model.stages) {
      for (const c of s.stage.commands) {
        if (c.kind !== "ADD" || c.contents.length > 0 || c.sources.length === 0) continue;
        if (!c.flags.every((f) => COPY_FLAGS.has(f.name))) continue;
        if (!c.sources.every(localPlain)) continue;
        const copy = caseLike("COPY", c.keyword);
        report({
          message: `ADD of local ${c.sources.length === 1 ? `"${c.sources[0]}"` : "files"}: use ${copy}, which copies without ADD's implicit unpacking and URL fetching`,
          range: c.node.keywordRange,
          fix: { description: "replace ADD with COPY", safety: "safe", edits: [replaceRange(c.node.keywordRange, copy)] },
        });
      }
    }
  },
);

function localPlain(src: string): boolean {
  if (src.includes("$") || /^[a-z][a-z0-9+.-]*:\/\//i.test(src) || src.startsWith("git@")) return false;
  if (ARCHIVE.test(src)) return false;
  if (/[*?[]/.test(src)) {
    // A glob may match archives unless its last segment fixes a harmless extension (`*.go`).
    const last = src.split("/").pop() ?? "";
    if (!/\.[A-Za-z0-9]+$/.test(last) || /[*?[][^.]*$/.test(last)) return false;
  }
  return true;
}
