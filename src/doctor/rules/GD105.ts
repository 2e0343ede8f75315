/** GD105: an HTTP(S) proxy or the module proxy answered with an error (407, CONNECT refused, 5xx). */
import type { RuleHit } from "../types.js";
import { defineDiagnosis, isFetchLine, stepName, urlHost } from "./define.js";

export const GD105 = defineDiagnosis({
  id: "GD105",
  severity: "error",
  title: "proxy error",
  class: "network",
  triggers: ["407 Proxy Authentication", "Proxy Authentication Required", "proxyconnect tcp", "Proxy CONNECT aborted", "CONNECT tunnel failed", "Received HTTP code 407", "500 Internal Server Error", "502 Bad Gateway", "503 Service Unavailable", "504 Gateway Timeout"],
  match(l): RuleHit | undefined {
    const s = l.message;
    if (!isFetchLine(l) && !/407|CONNECT|proxy/i.test(s)) return undefined;
    if (/407|Proxy Authentication/.test(s)) return { detail: { kind: "auth", host: urlHost(s) ?? "the proxy" } };
    if (/proxyconnect|CONNECT/.test(s)) return { detail: { kind: "connect", host: /proxyconnect tcp: dial tcp ([^:\s]+:\d+)/.exec(s)?.[1] ?? urlHost(s) ?? "the proxy" } };
    const status = /\b(50[0-4]) [A-Z][A-Za-z ]+/.exec(s)?.[0] ?? "a server error";
    return { detail: { kind: "server", host: urlHost(s) ?? "the proxy", status } };
  },
  cause: (d, step) =>
    d.kind === "auth"
      ? `${stepName(step)} went through an HTTP proxy that requires authentication (407), and the build sent none.`
      : d.kind === "connect"
        ? `${stepName(step)} could not open a tunnel through the HTTP proxy ${d.host} (CONNECT failed).`
        : `${d.host} answered ${d.status} to ${stepName(step)}: the module proxy (or a proxy in front of it) failed.`,
  fix: (d) =>
    d.kind === "auth"
      ? `Pass proxy credentials as a build secret, not an ARG: \`RUN --mount=type=secret,id=proxy_url,env=HTTPS_PROXY go mod download\` (or set them in the builder's proxy config); ARG values end up in the image history.`
      : d.kind === "connect"
        ? `Check HTTPS_PROXY / NO_PROXY for the build (\`--build-arg HTTPS_PROXY=http://proxy:3128\`); put the module proxy host in NO_PROXY if it is internal.`
        : `Retry later or use another module proxy with a fallback: \`ARG GOPROXY=https://<proxy-a>,https://<proxy-b>,direct\` (a comma falls through only on 404/410; use \`|\` to fall through on any error); report the failure to the proxy's owner if it persists.`,
});
