/**
 * Module path and version escaping of the GOPROXY protocol (golang.org/x/mod
 * module.EscapePath / UnescapePath): an upper-case letter is written as "!"
 * followed by its lower-case form, so paths stay unique on case-insensitive
 * file systems. Leaves out the full module.CheckPath validation; only what a
 * proxy needs to refuse unsafe or malformed request paths.
 */

/** "github.com/BurntSushi/toml" → "github.com/!burnt!sushi/toml". */
export function escapeModulePath(path: string): string {
  return path.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);
}

/** The inverse of escapeModulePath; undefined for malformed input. */
export function unescapeModulePath(escaped: string): string | undefined {
  if (/[A-Z]/.test(escaped)) return undefined;
  let out = "";
  for (let i = 0; i < escaped.length; i++) {
    const c = escaped[i] as string;
    if (c !== "!") {
      out += c;
      continue;
    }
    const next = escaped[i + 1];
    if (next === undefined || !/[a-z]/.test(next)) return undefined;
    out += next.toUpperCase();
    i++;
  }
  return out;
}

/**
 * True for an escaped module path or version a proxy may map to a file:
 * safe characters only, no empty, "." or ".." elements, no leading slash.
 */
export function isSafeEscaped(s: string): boolean {
  if (s === "" || !/^[a-z0-9.\-_~+!/]+$/.test(s)) return false;
  return s.split("/").every((e) => e !== "" && e !== "." && e !== "..");
}

export type ProxyRequest =
  | { readonly kind: "list"; readonly escapedPath: string; readonly path: string }
  | { readonly kind: "latest"; readonly escapedPath: string; readonly path: string }
  | {
      readonly kind: "info" | "mod" | "zip";
      readonly escapedPath: string;
      readonly path: string;
      readonly escapedVersion: string;
      readonly version: string;
    };

/** Parses a GOPROXY request path ("/<module>/@v/<version>.zip", ...). */
export function parseProxyPath(urlPath: string): ProxyRequest | undefined {
  let p: string;
  try {
    p = decodeURIComponent(urlPath.split("?")[0] ?? "");
  } catch {
    return undefined;
  }
  p = p.replace(/^\/+/, "");
  let m = /^(.+)\/@latest$/.exec(p);
  if (m?.[1] !== undefined) return withPath({ kind: "latest", escapedPath: m[1] });
  m = /^(.+)\/@v\/list$/.exec(p);
  if (m?.[1] !== undefined) return withPath({ kind: "list", escapedPath: m[1] });
  m = /^(.+)\/@v\/([^/]+)\.(info|mod|zip)$/.exec(p);
  if (m?.[1] !== undefined && m[2] !== undefined && m[3] !== undefined) {
    const version = unescapeModulePath(m[2]);
    if (version === undefined || !isSafeEscaped(m[2]) || m[2].includes("/")) return undefined;
    const path = unescapeModulePath(m[1]);
    if (path === undefined || !isSafeEscaped(m[1])) return undefined;
    return { kind: m[3] as "info" | "mod" | "zip", escapedPath: m[1], path, escapedVersion: m[2], version };
  }
  return undefined;
}

function withPath(r: { kind: "list" | "latest"; escapedPath: string }): ProxyRequest | undefined {
  const path = unescapeModulePath(r.escapedPath);
  if (path === undefined || !isSafeEscaped(r.escapedPath)) return undefined;
  return { ...r, path };
}
