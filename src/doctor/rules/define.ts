/**
 * defineDiagnosis: checks a diagnosis definition once, at load (ID shape,
 * trigger length for the pre-filter), and helpers the rules share to pull
 * values (host, module, file:line) out of Go's error lines. Leaves out the
 * matching itself: each GDnnn.ts decides.
 */
import type { Diagnosis, LogLine } from "../types.js";

export function defineDiagnosis(d: Diagnosis): Diagnosis {
  if (!/^GD[123]\d\d$/.test(d.id)) throw new Error(`bad diagnosis id ${d.id}`);
  for (const t of d.triggers) if (Buffer.byteLength(t) < 4) throw new Error(`${d.id}: trigger "${t}" is shorter than 4 bytes`);
  if (d.match === undefined && d.finish === undefined) throw new Error(`${d.id}: needs match or finish`);
  return d;
}

export function hasAny(s: string, words: readonly string[]): boolean {
  for (const w of words) if (s.includes(w)) return true;
  return false;
}

/** `module@version` named in a go error line, if any. */
export function moduleOf(msg: string): string | undefined {
  const m = /(?:^|[\s"'(])((?:[a-zA-Z0-9_.~-]+\/)*[a-zA-Z0-9_.~-]+\.[a-zA-Z0-9_.~-]+(?:\/[A-Za-z0-9_.~!-]+)*@[A-Za-z0-9_.+~-]+?)(?::|\s|$|")/.exec(msg);
  if (m) return m[1];
  const u = /\/((?:[a-z0-9_.~-]+\/)*[a-z0-9_.~-]+)\/@v\/([A-Za-z0-9_.+~-]+?)\.(?:info|mod|zip)\b/.exec(msg);
  return u ? `${(u[1] as string).replace(/!([a-z])/g, (_, c: string) => c.toUpperCase())}@${u[2]}` : undefined;
}

/** Host of the first URL in the line. */
export function urlHost(msg: string): string | undefined {
  return /\b[a-z][a-z0-9+.-]*:\/\/(?:[^\s/@]*@)?([^\s/:"']+)/i.exec(msg)?.[1];
}

/** True for lines the go command (or git under it) printed about fetching modules. */
export function isFetchLine(l: LogLine): boolean {
  const s = l.message;
  return hasAny(s, ["go: ", "go get", "go mod", "Get \"", "reading http", "dial tcp", "fatal:", "git ", "proxyconnect", "verifying ", "curl:", "wget:", "@v/", "lookup "]);
}

/** Module path hosts that are public (checked by the public checksum database). */
const PUBLIC_HOSTS = [
  "github.com", "gitlab.com", "bitbucket.org", "golang.org", "google.golang.org", "gopkg.in", "go.uber.org", "k8s.io", "sigs.k8s.io",
  "cloud.google.com", "go.opentelemetry.io", "honnef.co", "gotest.tools", "go.etcd.io", "go.mongodb.org", "gocloud.dev", "mvdan.cc", "filippo.io", "dario.cat",
];

export function looksPrivate(modulePath: string): boolean {
  const host = modulePath.split("/")[0] ?? "";
  if (PUBLIC_HOSTS.includes(host)) return false;
  return /\.(?:corp|internal|local|lan|example|intra|private)$|^corp\.|^git\.|^gitlab\.(?!com$)|^gitea\.|^code\./.test(host) || !host.includes(".");
}

export function stepName(step: { instruction: string } | undefined): string {
  return step === undefined ? "the build" : `\`${step.instruction.length > 80 ? step.instruction.slice(0, 77) + "..." : step.instruction}\``;
}
