/**
 * Image references as Docker and BuildKit read them (distribution/reference's
 * ParseNormalizedNamed): `[registry[:port]/]path[:tag][@digest]`, where a
 * first component without `.` or `:` (and not `localhost`) is a path on
 * docker.io, and single-component docker.io names live under `library/`.
 * Leaves out: the full grammar's length limits and the 64-char ID form.
 */
export interface ImageRef {
  /** As written. */
  readonly raw: string;
  /** Registry host, e.g. `docker.io`, `gcr.io`, `localhost:5000`. */
  readonly registry: string;
  /** Repository path inside the registry, e.g. `library/golang`. */
  readonly path: string;
  readonly tag: string | null;
  readonly digest: string | null;
  /** The short name users write: `golang`, `gcr.io/distroless/static-debian12`. */
  readonly familiar: string;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?$|^\[[0-9a-fA-F:]+\](?::[0-9]+)?$/;

/** Parses `s`, or returns null when it is not a valid reference. */
export function parseImageRef(s: string): ImageRef | null {
  let rest = s;
  let digest: string | null = null;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return null;
  }
  let tag: string | null = null;
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return null;
  }
  if (rest === "") return null;
  const parts = rest.split("/");
  let registry = "docker.io";
  const first = parts[0] ?? "";
  if (parts.length > 1 && (first.includes(".") || first.includes(":") || first === "localhost" || first !== first.toLowerCase())) {
    if (!HOST.test(first)) return null;
    registry = first;
    parts.shift();
  }
  if (parts.length === 0 || !parts.every((p) => COMPONENT.test(p))) return null;
  if (registry === "index.docker.io") registry = "docker.io";
  let path = parts.join("/");
  if (registry === "docker.io" && parts.length === 1) path = `library/${path}`;
  const familiar = registry === "docker.io" ? path.replace(/^library\//, "") : `${registry}/${path}`;
  return { raw: s, registry, path, tag, digest, familiar };
}

/** The last path component: `golang` for `docker.io/library/golang`. */
export function imageBaseName(ref: ImageRef): string {
  return ref.path.slice(ref.path.lastIndexOf("/") + 1);
}
