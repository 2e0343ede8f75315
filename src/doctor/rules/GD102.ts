/** GD102: a fetch timed out (proxy, VCS, checksum database or package mirror unreachable or too slow). */
import { defineDiagnosis, isFetchLine, stepName, urlHost } from "./define.js";

export const GD102 = defineDiagnosis({
  id: "GD102",
  severity: "error",
  title: "network timeout",
  class: "network",
  triggers: ["i/o timeout", "TLS handshake timeout", "Client.Timeout exceeded", "context deadline exceeded", "onnection timed out", "Operation timed out", "timed out after"],
  match(l) {
    if (!isFetchLine(l) && !/curl|wget|apt|apk|git/.test(l.message)) return undefined;
    const host = /dial tcp ([^:\s]+:\d+)/.exec(l.message)?.[1] ?? urlHost(l.message) ?? "the server";
    return { detail: { host } };
  },
  cause: (d, step) => `${stepName(step)} timed out talking to ${d.host}: outbound traffic from the build is dropped or the server is too slow.`,
  fix: (d) =>
    `Check that the build can reach ${d.host} (firewall, required HTTP(S)_PROXY, \`docker build --network host\`); inside a firewalled network use a reachable module proxy: \`ARG GOPROXY=https://<your-proxy>,direct\` (your company's GOPROXY), and cache modules with \`RUN --mount=type=cache,target=/go/pkg/mod go mod download\` so a retry does not start over.`,
});
