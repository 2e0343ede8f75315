/**
 * GS401: the final image runs as root: no USER in the final stage (nor in
 * the stage it builds on, nor a base that is non-root by default), or the
 * last USER is root/0. A compromised Go service then owns the container.
 * Services and command-line tool images alike (a scanner run on mounted
 * files as root owns them too). A missing USER is not reported on images
 * that are never run as they are (see facts/image-role.ts): a dev box kept
 * alive with `tail -f /dev/null`, and a scratch stage of artifacts for
 * `docker build --output`. An explicit last `USER root` is always reported.
 */
import { defineRule } from "../rule.js";
import { imageRole } from "../facts/image-role.js";

const ROOT = /^(root|0)(:(root|0))?$/;

export default defineRule(
  {
    id: "GS401",
    title: "final stage runs as root",
    severity: "warning",
    category: "security",
    hadolint: ["DL3002"],
    buildkit: [],
    fixable: false,
  },
  ({ model, report }) => {
    const final = model.final;
    if (!final) return;
    const users = final.stage.commands.filter((c) => c.kind === "USER");
    const last = users[users.length - 1];
    if (last && last.kind === "USER") {
      if (ROOT.test(last.user.trim())) {
        report({ message: `the final stage switches to ${last.user} last: the service runs as root; end with USER 65532:65532 (or another non-root UID)`, range: last.range });
      }
      return;
    }
    if (final.user !== null && !ROOT.test(final.user)) return; // inherited from the stage it builds on
    if (final.base.nonRootByDefault) return;
    if (imageRole(model, final) !== "runs") return;
    report({
      message: "the final stage never sets USER, so the service runs as root: add USER 65532:65532 (or another non-root UID) before ENTRYPOINT",
      range: final.stage.from.range,
    });
  },
);
