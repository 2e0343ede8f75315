/**
 * File names that hold private keys or credentials (for lint's GS407, COPY/ADD
 * of them into an image, and for `goship secrets` to name what a file is):
 * SSH private keys (id_rsa, id_ed25519... not .pub), *.key, *.pem that do not
 * name a certificate, PKCS#12 bundles, .env and .env.<stage> (not
 * .env.example/.sample/.template/.dist), .netrc, .git-credentials, .pgpass,
 * credentials.json, kubeconfig, .kube/config, .aws/credentials,
 * .docker/config.json, and .ssh folders.
 * Leaves out content checks (the detectors do that): names only.
 */

const EXACT = new Set([".netrc", "_netrc", ".git-credentials", ".pgpass", "credentials.json", "kubeconfig", ".ssh", "service-account.json", "serviceaccount.json"]);
const SSH_KEY = /^id_(rsa|dsa|ecdsa|ed25519|ecdsa_sk|ed25519_sk)$/;
const CERT_WORDS = /(cert|crt|chain|bundle|root|public|pub\b|ca\b|ca[-_.]|[-_.]ca)/i;
const SAMPLE_ENV = /^\.env\.(example|sample|template|dist|defaults|default|test|ci|local\.example)$/i;

/** What kind of secret a path names ("an SSH private key"), or null. */
export function secretFileKind(path: string): string | null {
  const clean = path.replace(/\/+$/, "");
  const parts = clean.split("/");
  const base = parts[parts.length - 1] ?? "";
  const parent = parts[parts.length - 2] ?? "";
  if (SSH_KEY.test(base)) return "an SSH private key";
  if (base === ".ssh") return "an SSH folder";
  if (parent === ".kube" && base === "config") return "a kubeconfig";
  if (parent === ".aws" && base === "credentials") return "AWS credentials";
  if (parent === ".docker" && base === "config.json") return "registry credentials";
  if (EXACT.has(base)) return base === "kubeconfig" ? "a kubeconfig" : "a credentials file";
  if (/\.(p12|pfx)$/i.test(base)) return "a PKCS#12 key bundle";
  if (/\.key$/i.test(base) && !/pub/i.test(base)) return "a private key";
  if (/\.pem$/i.test(base) && !CERT_WORDS.test(base.replace(/\.pem$/i, ""))) return "a PEM key";
  if (base === ".env" || (base.startsWith(".env.") && !SAMPLE_ENV.test(base))) return "an environment file with secrets";
  return null;
}
