/**
 * GS404: package manager hygiene, one finding per problem:
 * - `apt-get install` without `--no-install-recommends` (DL3015) and
 *   `apk add` without `--no-cache` (DL3019), in stages that end up in the
 *   final image (a builder's extra megabytes are thrown away);
 * - `apt-get update` without `rm -rf /var/lib/apt/lists/*` in the same RUN
 *   (DL3009), in those stages, unless a cache/tmpfs mount covers the lists;
 * - a confirmation prompt left in (`apt-get install`, `yum install`,
 *   `dnf install` without `-y`: DL3014, DL3030, DL3038), which aborts a
 *   non-interactive build;
 * - `apt` instead of `apt-get` (DL3027: apt's CLI is not meant for scripts);
 * - `apt-get upgrade` / `dist-upgrade` (DL3005), as info: the image then
 *   depends on the day it was built.
 * Fixes (safe, shell-form RUNs only): insert `--no-install-recommends` after
 * `install`, `--no-cache` after `add`, `-y` after the action.
 * Leaves out calls hidden in scripts or `sh -c` strings, and settings from
 * apt config files the Dockerfile does not write itself.
 */
import type { Fix } from "../../finding/finding.js";
import type { Word } from "../../shell/ast.js";
import { defineRule, type Report } from "../rule.js";
import {
  aptConfigured,
  asksConfirmation,
  assumesYes,
  hasOption,
  inFinalImage,
  installs,
  mountsOver,
  pkgInvocations,
  removesUnder,
  skipsRecommends,
  upgradesSystem,
  wordRange,
  type PkgInvocation,
} from "../facts/pkg-invocations.js";

export default defineRule(
  {
    id: "GS404",
    title: "package manager hygiene",
    severity: "warning",
    category: "security",
    hadolint: ["DL3015", "DL3009", "DL3019", "DL3005", "DL3027", "DL3014", "DL3030", "DL3038"],
    buildkit: [],
    fixable: true,
  },
  ({ model, report }) => {
    const listsChecked = new Set<object>();
    for (const inv of pkgInvocations(model)) {
      const shipped = inFinalImage(model, inv.stage);
      const cmd = `${inv.toolWord.literal ?? inv.tool}${inv.action ? ` ${inv.action}` : ""}`;
      const at = wordRange(inv, inv.actionWord ?? inv.toolWord);
      const apt = inv.tool === "apt-get" || inv.tool === "apt";

      if (inv.tool === "apt" && inv.action !== null) {
        report({ message: `\`${cmd}\`: apt's command line is meant for people and may change between releases; use \`apt-get ${inv.action}\` in a Dockerfile`, range: wordRange(inv, inv.toolWord) });
      }
      if (asksConfirmation(inv) && !assumesYes(inv) && !(apt && aptConfigured(model, inv, "Assume-Yes"))) {
        report({
          message: `\`${cmd}\` without -y waits for a confirmation that a build cannot give, and aborts: add -y`,
          range: at,
          ...fix(inv, inv.actionWord, "-y", "add -y", true),
        });
      }
      if (apt && installs(inv) && shipped && !skipsRecommends(inv) && !aptConfigured(model, inv, "Install-Recommends")) {
        report({
          message: `\`${cmd}\` without --no-install-recommends also installs recommended packages the service does not need (often tens of MB): add --no-install-recommends`,
          range: at,
          ...fix(inv, inv.actionWord, "--no-install-recommends", "add --no-install-recommends"),
        });
      }
      if (inv.tool === "apk" && installs(inv) && shipped && !hasOption(inv, "--no-cache") && !mountsOver(inv.run, ["/var/cache/apk", "/etc/apk/cache"]) && !removesUnder(model, inv.run, "/var/cache/apk")) {
        report({
          message: "`apk add` without --no-cache leaves the package index in the image layer: use `apk add --no-cache`",
          range: at,
          ...fix(inv, inv.actionWord, "--no-cache", "add --no-cache"),
        });
      }
      if (apt && inv.action === "update" && shipped && !listsChecked.has(inv.run)) {
        listsChecked.add(inv.run);
        if (!mountsOver(inv.run, ["/var/lib/apt", "/var/lib/apt/lists", "/var/cache/apt"]) && !removesUnder(model, inv.run, "/var/lib/apt/lists")) {
          report({
            message: `\`${cmd}\` without \`rm -rf /var/lib/apt/lists/*\` in the same RUN keeps the package lists (tens of MB) in the image: end the RUN with \`&& rm -rf /var/lib/apt/lists/*\``,
            range: at,
          });
        }
      }
      if (upgradesSystem(inv)) {
        report({
          message: `\`${cmd}\` makes the image depend on the day it was built and can pull in changes nobody reviewed: use a newer base image tag (or pin it by digest) instead`,
          range: at,
          severity: "info",
        });
      }
    }
  },
);

/**
 * A safe edit putting ` <flag>` after `word`, on shell-form RUNs only. With
 * `rewrite` the word itself is replaced by `word flag`, so that this fix and
 * an insertion after the same word (`-y` and `--no-install-recommends`
 * after `install`) apply together, in that order.
 */
function fix(inv: PkgInvocation, word: Word | null, flag: string, description: string, rewrite = false): Pick<Report, "fix"> {
  if (!inv.editable || !word) return {};
  const r = wordRange(inv, word);
  if (rewrite && r.start.line !== r.end.line) return {};
  const from = rewrite ? r.start : r.end;
  const text = rewrite ? `${word.raw} ${flag}` : ` ${flag}`;
  const f: Fix = { description, safety: "safe", edits: [{ line: from.line, column: from.column, endLine: r.end.line, endColumn: r.end.column, text }] };
  return { fix: f };
}
