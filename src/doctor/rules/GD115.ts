/** GD115: a base image (FROM, COPY --from=<image>) could not be pulled: missing tag, no access, rate limit, registry down. */
import { defineDiagnosis, stepName } from "./define.js";

export const GD115 = defineDiagnosis({
  id: "GD115",
  severity: "error",
  title: "base image pull failed",
  class: "image",
  triggers: ["no such host", "server misbehaving", "i/o timeout", "connection refused", "pinging container registry", "manifest unknown", "failed to resolve source metadata", "pull access denied", "repository does not exist", "failed to resolve reference", "toomanyrequests", "failed to authorize", "unknown: repository", ": not found", "initializing source docker://", "error pulling image"],
  match(l) {
    const s = l.message;
    const instr = l.step?.instruction ?? "";
    const pulling = /^(?:\[internal\] )?load metadata for |^FROM /.test(instr);
    const network = /no such host|server misbehaving|i\/o timeout|connection refused|connection reset|x509:|TLS handshake timeout/.test(s);
    if (network && !pulling && !/initializing source|pulling image|pinging container registry|resolve source metadata/.test(s)) return undefined;
    const aboutImage = /manifest|pull access|resolve source metadata|resolve reference|initializing source|pulling image|toomanyrequests|failed to authorize|repository/.test(s) || pulling;
    if (!aboutImage) return undefined;
    if (/: not found/.test(s) && !pulling && !/manifest|\/library\/|:\S+: not found/.test(s)) return undefined;
    const image =
      /(?:metadata for|reference|source docker:\/\/|manifest for|pull access denied for|pulling image) "?([^\s":,]+(?::[^\s":,]+)?)/.exec(s)?.[1] ??
      /^([a-z0-9.-]+(?::\d+)?\/[^\s:]+:[^\s:]+): not found/.exec(s)?.[1] ??
      /load metadata for (\S+)/.exec(instr)?.[1] ??
      /^FROM (?:--platform=\S+ )?(\S+)/.exec(instr)?.[1] ??
      "the base image";
    const kind = /toomanyrequests/.test(s) ? "rate" : /denied|unauthorized|authorize|authentication/.test(s) ? "auth" : /manifest unknown|: not found/.test(s) ? "missing" : network ? "network" : "missing";
    return { detail: { image, kind } };
  },
  cause: (d, step) =>
    d.kind === "rate"
      ? `The registry rate-limited the pull of ${d.image} in ${stepName(step)}.`
      : d.kind === "auth"
        ? `${stepName(step)} was not allowed to pull ${d.image} (private repository or no login).`
        : d.kind === "network"
          ? `${stepName(step)} could not reach the registry to pull ${d.image} (DNS, proxy or firewall).`
          : `${stepName(step)} could not find ${d.image}: the tag does not exist (typo, or a Go version without an image yet) or the registry is unreachable.`,
  fix: (d) =>
    d.kind === "rate"
      ? `Log in to the registry before building, use a pull-through mirror, or pin the base by digest so cached copies are reused.`
      : d.kind === "auth"
        ? `Log in to the registry the image lives in (\`docker login <registry>\`) or make the builder use credentials; check the image name.`
        : d.kind === "network"
          ? `Make the registry reachable from the builder (DNS, HTTPS_PROXY for the daemon, firewall) or configure a registry mirror the builder can reach ("registry-mirrors" in the daemon config, registries.conf for buildah); check that the tag exists there.`
          : `Use a tag that exists (for Go, \`ARG GO_VERSION=<major.minor>\` + \`FROM golang:\${GO_VERSION}\` matching go.mod) and pin it by digest; check the registry mirror configuration if the tag exists.`,
});
