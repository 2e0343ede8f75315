/** GD101: a module proxy, checksum database, VCS or package host could not be resolved (DNS). */
import { defineDiagnosis, isFetchLine, stepName, urlHost } from "./define.js";

export const GD101 = defineDiagnosis({
  id: "GD101",
  severity: "error",
  title: "host not resolvable (DNS)",
  class: "network",
  triggers: ["no such host", "server misbehaving", "Temporary failure in name resolution", "Could not resolve host", "Name or service not known", "Temporary failure resolving", "Could not resolve '"],
  match(l) {
    const s = l.message;
    if (!isFetchLine(l) && !/Could not resolve|Temporary failure resolving/.test(s)) return undefined;
    const host = /lookup ([^\s:]+)(?: on [^:]+:\d+)?:/.exec(s)?.[1] ?? /Could not resolve host: ([^\s;]+)/.exec(s)?.[1] ?? /resolving '([^']+)'/.exec(s)?.[1] ?? urlHost(s) ?? "the host";
    const what = /sumdb|\/lookup\/|verifying/.test(s) ? "the checksum database" : /@v\/|GOPROXY|proxy/i.test(s) ? "the module proxy" : /deb\.|apk|alpine|ubuntu|debian|mirror/.test(s) ? "the package mirror" : /git/.test(s) ? "the VCS host" : "the host";
    return { detail: { host, what } };
  },
  cause: (d, step) => `${stepName(step)} could not resolve ${d.host} (${d.what}): DNS lookups fail inside the build.`,
  fix: (d) =>
    d.what === "the module proxy" || d.what === "the host"
      ? `Point GOPROXY at a proxy the build can resolve and reach: \`ARG GOPROXY=https://<your-proxy>,direct\` (your company's proxy or a regional mirror) passed with \`--build-arg GOPROXY=...\`; or give the builder working DNS (\`docker build --network host\`, \`--add-host ${d.host}:<ip>\`, or the daemon's "dns" setting).`
      : `Give the build working DNS for ${d.host}: \`docker build --network host\`, \`--add-host ${d.host}:<ip>\`, or the daemon's "dns" setting; behind a firewall, use your company's mirror for it.`,
});
