/** GD103: a connection was refused or reset (wrong port, proxy down, firewall reset, server closed). */
import { defineDiagnosis, isFetchLine, stepName, urlHost } from "./define.js";

export const GD103 = defineDiagnosis({
  id: "GD103",
  severity: "error",
  title: "connection refused or reset",
  class: "network",
  triggers: ["connection refused", "Connection refused", "connection reset", "Connection reset", "broken pipe", "\": EOF", "unexpected EOF", "server closed idle connection", "Empty reply from server"],
  match(l) {
    if (!isFetchLine(l)) return undefined;
    const s = l.message;
    const host = /dial tcp ([^\s]+?):? connect/.exec(s)?.[1] ?? /read tcp [^\s]+->([^\s:]+:\d+)/.exec(s)?.[1] ?? urlHost(s) ?? "the server";
    const kind = /refused/i.test(s) ? "refused" : "reset";
    return { detail: { host, kind } };
  },
  cause: (d, step) =>
    d.kind === "refused"
      ? `${stepName(step)} could not connect to ${d.host}: nothing listens there, or a firewall rejects it (connection refused).`
      : `${stepName(step)} lost its connection to ${d.host} (reset or closed mid-request): a proxy, firewall or overloaded server cut it.`,
  fix: (d) =>
    d.kind === "refused"
      ? `Check the GOPROXY / HTTP(S)_PROXY value passed to the build (host and port); \`127.0.0.1\` inside a container is the container itself unless the build runs with \`--network host\`. Set it with \`ARG GOPROXY=https://<your-proxy>,direct\` (your company's proxy).`
      : `Retry, and if it persists check the proxy or firewall between the build and ${d.host}; with \`GOPROXY=<proxy>,direct\` the go command can fall back, and a module cache mount (\`--mount=type=cache,target=/go/pkg/mod\`) keeps what was already fetched.`,
});
