/** GD104: TLS verification failed, usually a corporate HTTPS-inspecting proxy whose CA the image lacks. */
import { defineDiagnosis, stepName, urlHost } from "./define.js";

export const GD104 = defineDiagnosis({
  id: "GD104",
  severity: "error",
  title: "TLS certificate not trusted",
  class: "network",
  triggers: ["x509: ", "certificate signed by unknown authority", "tls: failed to verify", "SSL certificate problem", "certificate verify failed", "server certificate verification failed", "tls: first record does not look like"],
  match(l) {
    const s = l.message;
    const host = urlHost(s) ?? /certificate is valid for [^,]+, not (\S+)/.exec(s)?.[1] ?? "the server";
    const kind = /first record does not look like/.test(s) ? "plain-http" : /unknown authority|self.signed|unable to get local issuer|verify failed|verification failed/.test(s) ? "unknown-ca" : /expired|not yet valid/.test(s) ? "expired" : /valid for/.test(s) ? "name" : "unknown-ca";
    return { detail: { host, kind } };
  },
  cause: (d, step) =>
    d.kind === "plain-http"
      ? `${stepName(step)} spoke HTTPS to ${d.host}, which answers plain HTTP.`
      : d.kind === "expired"
        ? `${stepName(step)} rejected ${d.host}'s certificate as expired or not yet valid (check the build host's clock).`
        : `${stepName(step)} does not trust the certificate ${d.host} presented: typically a corporate proxy that re-signs HTTPS with its own CA, which the build image does not have.`,
  fix: (d) =>
    d.kind === "plain-http"
      ? `Use the right scheme in GOPROXY (\`http://\` for a plain-HTTP internal proxy) or the proxy's HTTPS port.`
      : `Add the proxy's root CA to the build stage before any download: \`COPY corp-root-ca.crt /usr/local/share/ca-certificates/corp-root-ca.crt\` then \`RUN update-ca-certificates\` (Alpine: \`apk add --no-cache ca-certificates\` first), or \`RUN --mount=type=secret,id=corp-ca,target=/etc/ssl/certs/corp-ca.pem\` with SSL_CERT_FILE; do not turn verification off (no GOINSECURE / GIT_SSL_NO_VERIFY).`,
});
