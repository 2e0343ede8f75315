/**
 * GOPROXY lists as the go command reads them, mirroring
 * cmd/go/internal/modfetch proxyList and TryProxies (Go 1.26):
 * entries are separated by "," (fall through to the next entry only when the
 * proxy answers 404 or 410) or "|" (fall through on any error); the separator
 * after an entry decides its fallback; entries are trimmed and empty ones
 * skipped; "off" and "direct" end the list (later entries are ignored);
 * a bare host like "corp.example/go" gets "https://"; every URL must parse
 * (net/url.Parse, as far as ported here) with scheme https, http or file
 * (file URLs with a path only). A value that is set but yields no entries is
 * "GOPROXY list is not the empty string, but contains no entries".
 * Unset (or empty) means the go command's built-in default (GOROOT/go.env),
 * represented as `{ kind: "default" }`, never as a host name.
 *
 * Leaves out the implicit "noproxy" entry GONOPROXY adds (see
 * effectiveProxyList in go-env.ts) and the network requests. net/url.Parse
 * is ported for the errors proxy values meet (control characters, scheme,
 * "first path segment", userinfo, brackets, ports, % escapes, host
 * characters); the IP-literal contents inside [...] are not validated.
 */
import { LocatedError } from "../diagnostic/located-error.js";
import { goQuote } from "../golang/strconv-quote.js";
import { trimSpaceBytes } from "../golang/strings.js";
import { fromBytes, toBytes } from "../golang/utf8.js";

const q = goQuote;

export type ProxyFallback = "on-404-410" | "on-any-error";

export interface ProxyEntry {
  /** A proxy URL, or "direct" / "off" (or "noproxy", added for GONOPROXY). */
  readonly url: string;
  readonly fallback: ProxyFallback;
}

export type GoProxyList =
  | { readonly kind: "default" }
  | { readonly kind: "list"; readonly entries: readonly ProxyEntry[] };

/** An invalid GOPROXY value; the message is the go command's. */
export class GoProxyListError extends LocatedError {
  constructor(message: string) {
    super(message, "GOPROXY");
  }
}

const CTL = /[\x00-\x1f\x7f]/;

function validOptionalPort(port: string): boolean {
  return port === "" || /^:[0-9]*$/.test(port);
}

function checkEscapes(s: string, host: boolean): string | null {
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c === "%") {
      const esc = s.slice(i, i + 3);
      if (!/^%[0-9a-fA-F]{2}$/.test(esc)) return `invalid URL escape ${q(esc)}`;
      i += 2;
    } else if (host && c.charCodeAt(0) < 0x80 && /[ \\^`{|}]/.test(c)) {
      return `invalid character ${q(c)} in host name`;
    }
  }
  return null;
}

interface ParsedUrl {
  scheme: string;
  opaque: string;
  user: boolean;
  host: string;
  path: string;
  query: boolean;
  fragment: boolean;
}

/** The part of net/url.Parse proxy values need; returns the parse or Go's error text. */
export function parseGoUrl(raw: string): ParsedUrl | string {
  const fail = (msg: string): string => `parse ${q(raw)}: ${msg}`;
  let rest = raw;
  let fragment = false;
  const hash = rest.indexOf("#");
  if (hash >= 0) {
    const frag = rest.slice(hash + 1);
    rest = rest.slice(0, hash);
    fragment = true;
    const e = checkEscapes(frag, false);
    if (e) return fail(e);
  }
  if (CTL.test(rest)) return fail("net/url: invalid control character in URL");
  const u: ParsedUrl = { scheme: "", opaque: "", user: false, host: "", path: "", query: false, fragment };
  if (rest === "*") return { ...u, path: "*" };
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i] as string;
    if (/[a-zA-Z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) break;
      continue;
    }
    if (c === ":") {
      if (i === 0) return fail("missing protocol scheme");
      u.scheme = rest.slice(0, i).toLowerCase();
      rest = rest.slice(i + 1);
    }
    break;
  }
  if (rest.endsWith("?") && rest.split("?").length === 2) {
    rest = rest.slice(0, -1);
    u.query = true;
  } else {
    const q = rest.indexOf("?");
    if (q >= 0) {
      u.query = true;
      rest = rest.slice(0, q);
    }
  }
  if (!rest.startsWith("/")) {
    if (u.scheme !== "") return { ...u, opaque: rest };
    const seg = rest.split("/")[0] as string;
    if (seg.includes(":")) return fail("first path segment in URL cannot contain colon");
  }
  if ((u.scheme !== "" || !rest.startsWith("///")) && rest.startsWith("//")) {
    let authority = rest.slice(2);
    rest = "";
    const slash = authority.indexOf("/");
    if (slash >= 0) {
      rest = authority.slice(slash);
      authority = authority.slice(0, slash);
    }
    const at = authority.lastIndexOf("@");
    let host = at < 0 ? authority : authority.slice(at + 1);
    const open = host.lastIndexOf("[");
    if (open > 0) return fail("invalid IP-literal");
    if (open === 0) {
      const close = host.lastIndexOf("]");
      if (close < 0) return fail("missing ']' in host");
      const colonPort = host.slice(close + 1);
      if (!validOptionalPort(colonPort)) return fail(`invalid port ${q(colonPort)} after host`);
    } else {
      const i = host.indexOf(":");
      if (i >= 0) {
        let k = i;
        const last = host.lastIndexOf(":");
        if (last !== i && u.scheme !== "http" && u.scheme !== "https") k = last;
        const colonPort = host.slice(k);
        if (!validOptionalPort(colonPort)) return fail(`invalid port ${q(colonPort)} after host`);
      }
      const e = checkEscapes(host, true);
      if (e) return fail(e);
    }
    if (at >= 0) {
      const userinfo = authority.slice(0, at);
      if (!/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(userinfo)) return fail("net/url: invalid userinfo");
      const e = checkEscapes(userinfo, false);
      if (e) return fail(e);
      u.user = true;
    }
    u.host = host;
    host = "";
  }
  const e = checkEscapes(rest, false);
  if (e) return fail(e);
  u.path = rest;
  return u;
}

/** filepath.IsAbs / path.IsAbs on the host running goship's tests (Unix): a leading "/". */
function isAbs(p: string): boolean {
  return p.startsWith("/");
}

/** newProxyRepo's URL check: null when accepted, else the go command's error text. */
function checkProxyUrl(url: string): string | null {
  const u = parseGoUrl(url);
  if (typeof u === "string") return u;
  const redacted = url;
  switch (u.scheme) {
    case "http":
    case "https":
      return null;
    case "file":
      if (u.opaque !== "" || u.user || u.host !== "" || u.query || u.fragment) {
        return `invalid file:// proxy URL with non-path elements: ${redacted}`;
      }
      return null;
    case "":
      return `invalid proxy URL missing scheme: ${redacted}`;
    default:
      return `invalid proxy URL scheme (must be https, http, file): ${redacted}`;
  }
}

/**
 * Parses a GOPROXY value. `undefined` or "" (unset) gives `{ kind: "default" }`;
 * pass the result of `go env GOPROXY` to parseGoProxyList again to see that
 * default's entries. Throws GoProxyListError for values the go command rejects.
 */
export function parseGoProxyList(value: string | undefined): GoProxyList {
  if (value === undefined || value === "") return { kind: "default" };
  const entries: ProxyEntry[] = [];
  let rest = value;
  while (rest !== "") {
    let url: string;
    let fallback: ProxyFallback = "on-404-410";
    const i = rest.search(/[,|]/);
    if (i >= 0) {
      url = rest.slice(0, i);
      if (rest[i] === "|") fallback = "on-any-error";
      rest = rest.slice(i + 1);
    } else {
      url = rest;
      rest = "";
    }
    url = fromBytes(trimSpaceBytes(toBytes(url)));
    if (url === "") continue;
    if (url === "off" || url === "direct") {
      entries.push({ url, fallback: "on-404-410" });
      break;
    }
    if (/[.:/]/.test(url) && !url.includes(":/") && !isAbs(url)) url = "https://" + url;
    const err = checkProxyUrl(url);
    if (err !== null) throw new GoProxyListError(err);
    entries.push({ url, fallback });
  }
  if (entries.length === 0) throw new GoProxyListError("GOPROXY list is not the empty string, but contains no entries");
  return Object.freeze({ kind: "list", entries: Object.freeze(entries.map((e) => Object.freeze(e))) });
}

/** How a request to one proxy ended: an HTTP status, or a transport error. */
export type ProxyOutcome = number | "error";

/**
 * TryProxies' fallthrough: after entry `index` failed with `outcome`, the
 * index of the next entry to try, or null when the go command stops and
 * reports the error. 404 and 410 always fall through; other errors only
 * after a "|" entry. "direct" and "off" are last by construction.
 */
export function nextProxyAfterError(entries: readonly ProxyEntry[], index: number, outcome: ProxyOutcome): number | null {
  const e = entries[index];
  if (!e) return null;
  const notExist = outcome === 404 || outcome === 410;
  if (e.fallback !== "on-any-error" && !notExist) return null;
  return index + 1 < entries.length ? index + 1 : null;
}
