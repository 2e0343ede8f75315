/**
 * GS204: a base image not pinned by digest (`@sha256:...`): a tag can be
 * re-pushed, so two builds of one commit can get different bases, and a
 * compromised registry account can swap it. Not for scratch, earlier
 * stages, or images that are entirely a build arg (`FROM ${BASE}`).
 */
import { defineRule } from "../rule.js";
import { mayNameStage } from "../facts/go-images.js";

export default defineRule(
  {
    id: "GS204",
    title: "base image not pinned by digest",
    severity: "info",
    category: "supply-chain",
    hadolint: [],
    buildkit: [],
    fixable: false,
  },
  ({ model, report }) => {
    for (const stage of model.stages) {
      if (stage.parent !== null || stage.base.family === "scratch") continue;
      const text = stage.baseText;
      if (text.includes("@") || mayNameStage(model, stage)) continue;
      if (/^\$\{?[A-Za-z_][A-Za-z0-9_]*(:-[^}]*)?\}?$/.test(text)) continue; // the whole image is a build arg
      const from = stage.stage.from;
      const word = from.node.args[0];
      report({
        message: `\`${text}\` is not pinned by digest: the tag can be re-pushed under you; pin it as ${text.replace(/\$\{?\w+\}?/g, "<ver>")}@sha256:<digest> (and let a bot such as Renovate update it)`,
        range: word?.range ?? from.range,
      });
    }
  },
);
