/** GD119: the system package manager (apt, apk) failed in a RUN step. */
import { defineDiagnosis, stepName } from "./define.js";

export const GD119 = defineDiagnosis({
  id: "GD119",
  severity: "error",
  title: "apt/apk failure",
  class: "packages",
  triggers: ["E: Unable to locate package", "E: Package ", "E: Failed to fetch", "E: Unable to fetch", "E: Some index files", "E: The repository", "has no installation candidate", "ERROR: unable to select packages", "ERROR: http", "temporary error (try again later)", "ERROR: Unable to lock", "E: Could not"],
  match(l) {
    const s = l.message;
    const pkg = /Unable to locate package (\S+)/.exec(s)?.[1] ?? /Package '?([^' ]+)'? has no installation candidate/.exec(s)?.[1] ?? /^\s+([\w.+-]+) \(no such package\)/.exec(s)?.[1] ?? "";
    const tool = /^E: |apt/.test(s) ? "apt" : "apk";
    const kind = /locate package|no installation candidate|unable to select/.test(s) ? "missing" : "fetch";
    return { detail: { pkg, tool, kind } };
  },
  cause: (d, step) =>
    d.kind === "missing"
      ? `${stepName(step)}: ${d.tool} could not find the package${d.pkg ? ` ${d.pkg}` : ""} (package index not updated in the same RUN, wrong name for this release, or repository not enabled).`
      : `${stepName(step)}: ${d.tool} could not download from its package mirror (network, proxy or a stale index).`,
  fix: (d) =>
    d.tool === "apt"
      ? `Update and install in one RUN so the index is never stale: \`RUN apt-get update && apt-get install -y --no-install-recommends <pkgs> && rm -rf /var/lib/apt/lists/*\`; check the package name for the base image's release; behind a firewall configure apt's proxy or a local mirror.`
      : `Use \`RUN apk add --no-cache <pkgs>\` (no separate update), check the package name in the image's Alpine release, and configure a reachable mirror in /etc/apk/repositories behind a firewall.`,
});
