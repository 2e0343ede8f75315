/**
 * GS208: a base image comes from a registry outside `lint.trustedRegistries`
 * or is not in `lint.allowedBaseImages` (.goship.yaml). Quiet when neither
 * list is configured. Stages built FROM earlier stages and scratch are not
 * images; a FROM whose name is still a variable cannot be judged.
 */
import { defineRule } from "../rule.js";

export default defineRule(
  {
    id: "GS208",
    title: "base image from an untrusted registry or not allowed",
    severity: "error",
    category: "supply-chain",
    hadolint: ["DL3026"],
    buildkit: [],
    fixable: false,
  },
  ({ model, report, config }) => {
    const registries = config.trustedRegistries;
    const allowed = config.allowedBaseImages;
    if (registries.length === 0 && allowed.length === 0) return;
    for (const s of model.stages) {
      const ref = s.ref;
      if (!ref || s.parent !== null) continue;
      const range = s.stage.from.node.args[0]?.range ?? s.stage.from.range;
      if (registries.length > 0 && !registries.some((r) => sameRegistry(r, ref.registry))) {
        report({ message: `${ref.familiar} comes from ${ref.registry}, which is not in lint.trustedRegistries (${registries.join(", ")})`, range });
        continue;
      }
      if (allowed.length > 0 && !allowed.some((p) => globMatch(p, ref.familiar) || globMatch(p, `${ref.registry}/${ref.path}`))) {
        report({ message: `${ref.familiar} is not in lint.allowedBaseImages (${allowed.join(", ")})`, range });
      }
    }
  },
);

function sameRegistry(configured: string, actual: string): boolean {
  const norm = (r: string): string => (r === "index.docker.io" || r === "registry-1.docker.io" ? "docker.io" : r.toLowerCase());
  return norm(configured) === norm(actual);
}

/** `*` matches within a path segment, `**` across segments. */
function globMatch(pattern: string, name: string): boolean {
  const re = pattern
    .split("**")
    .map((part) => part.split("*").map((t) => t.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("[^/]*"))
    .join(".*");
  return new RegExp(`^${re}$`).test(name);
}
