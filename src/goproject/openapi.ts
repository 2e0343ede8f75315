/**
 * parseOpenApi: what goship needs from an OpenAPI 3.x or Swagger 2.0
 * document (YAML 1.2 or JSON, read with the `yaml` package and its
 * LineCounter so every fact keeps its line):
 *
 * - ports: OpenAPI 3 `servers[].url` (server variables replaced by their
 *   `default`; a variable without one is an error), Swagger 2 `host` (with
 *   `schemes`); only ports written in the URL count, and two different ports
 *   are an error naming the file and the line of the second;
 * - `x-go-package` at the root or under `info`, with its line;
 * - security schemes: 3.x `components.securitySchemes`, 2.0
 *   `securityDefinitions` — name, type, `in`, parameter `name`, `scheme`,
 *   `bearerFormat`.
 *
 * Errors are LocatedError with file and line: YAML/JSON syntax errors
 * (the parser's first error), duplicate keys, a document that is not a map
 * or declares neither `openapi: 3.x` nor `swagger: "2.0"`, malformed server
 * URLs or ports. Leaves out path- and operation-level `servers`, `$ref`
 * resolution and schema validation.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from "yaml";
import { LocatedError, type Range } from "../diagnostic/located-error.js";

export interface OpenApiServer {
  /** The URL as written. */
  readonly url: string;
  /** The URL with server variables replaced by their defaults. */
  readonly resolved: string;
  readonly scheme: string;
  readonly host: string;
  /** The port written in the URL, or null. */
  readonly port: number | null;
  readonly line: number;
}

export interface OpenApiSecurityScheme {
  readonly name: string;
  /** apiKey, http, oauth2, openIdConnect, mutualTLS (3.x); basic, apiKey, oauth2 (2.0). */
  readonly type: string;
  /** apiKey: header, query or cookie. */
  readonly in: string | null;
  /** apiKey: the header/query/cookie parameter name. */
  readonly paramName: string | null;
  /** http: bearer, basic … */
  readonly scheme: string | null;
  readonly bearerFormat: string | null;
  readonly line: number;
}

export interface OpenApiInfo {
  readonly file: string;
  readonly kind: "openapi3" | "swagger2";
  /** The `openapi` or `swagger` field value. */
  readonly version: string;
  readonly title: string | null;
  readonly servers: readonly OpenApiServer[];
  /** The single port the servers agree on, or null when none names one. */
  readonly port: number | null;
  readonly goPackage: { readonly value: string; readonly line: number } | null;
  readonly securitySchemes: readonly OpenApiSecurityScheme[];
}

function mapGet(m: YAMLMap, key: string): Node | null {
  for (const it of m.items) {
    const k = it.key;
    if (isScalar(k) && String(k.value) === key) return (it.value as Node | null) ?? null;
  }
  return null;
}

function str(n: Node | null): string | null {
  if (n && isScalar(n) && n.value !== null && typeof n.value !== "object") return String(n.value);
  return null;
}

/** Parses an OpenAPI/Swagger document. `file` names it in errors. */
export function parseOpenApi(text: string, file: string): OpenApiInfo {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const rangeAt = (offset: number): Range => {
    const p = lc.linePos(offset);
    return { start: { line: p.line, column: p.col }, end: { line: p.line, column: p.col } };
  };
  const lineOf = (n: Node | null): number => (n?.range ? lc.linePos(n.range[0]).line : 1);
  const fail = (message: string, n: Node | null): never => {
    throw new LocatedError(message, file, rangeAt(n?.range ? n.range[0] : 0));
  };
  const first = doc.errors[0];
  if (first) {
    throw new LocatedError(`invalid YAML: ${first.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "")}`, file, rangeAt(first.pos[0]));
  }
  const root = doc.contents as Node | null;
  if (!root || !isMap(root)) return fail("an OpenAPI document must be a map", root);
  const openapi = str(mapGet(root, "openapi"));
  const swagger = str(mapGet(root, "swagger"));
  let kind: OpenApiInfo["kind"];
  let version: string;
  if (openapi !== null && /^3\.\d+(\.\d+)?$/.test(openapi)) {
    kind = "openapi3";
    version = openapi;
  } else if (swagger !== null && swagger === "2.0") {
    kind = "swagger2";
    version = swagger;
  } else {
    const n = mapGet(root, "openapi") ?? mapGet(root, "swagger");
    return fail(
      n ? `unsupported OpenAPI version ${str(n) ?? "?"} (want openapi: 3.x or swagger: "2.0")` : 'not an OpenAPI document: no "openapi: 3.x" or "swagger: 2.0" field',
      n ?? root,
    );
  }
  const info = mapGet(root, "info");
  const title = info && isMap(info) ? str(mapGet(info, "title")) : null;

  const servers: OpenApiServer[] = [];
  const addServer = (url: string, resolved: string, n: Node): void => {
    const m = /^(?:([A-Za-z][A-Za-z0-9+.-]*):)?\/\/(\[[^\]]*\]|[^/:?#]*)(?::([^/?#]*))?/.exec(resolved);
    let port: number | null = null;
    if (m && m[3] !== undefined && m[3] !== "") {
      if (!/^\d+$/.test(m[3]) || Number(m[3]) < 1 || Number(m[3]) > 65535) fail(`server URL ${url}: invalid port ${m[3]}`, n);
      port = Number(m[3]);
    }
    servers.push({ url, resolved, scheme: m?.[1]?.toLowerCase() ?? "", host: m?.[2] ?? "", port, line: lineOf(n) });
  };

  if (kind === "openapi3") {
    const list = mapGet(root, "servers");
    if (list && isSeq(list)) {
      for (const s of list.items as Node[]) {
        if (!isMap(s)) fail("servers: each entry must be a map with a url", s);
        const urlNode = mapGet(s as YAMLMap, "url");
        const url = str(urlNode);
        if (url === null || urlNode === null) return fail("servers: entry without a url", s);
        const vars = mapGet(s as YAMLMap, "variables");
        const resolved = url.replace(/\{([^}]*)\}/g, (_all, name: string) => {
          const v = vars && isMap(vars) ? mapGet(vars, name) : null;
          const def = v && isMap(v) ? str(mapGet(v, "default")) : null;
          if (def === null) fail(`server URL ${url}: variable {${name}} has no default`, urlNode);
          return def as string;
        });
        addServer(url, resolved, urlNode);
      }
    }
  } else {
    const hostNode = mapGet(root, "host");
    const host = str(hostNode);
    if (host !== null && hostNode) {
      const schemesNode = mapGet(root, "schemes");
      const schemes = schemesNode && isSeq(schemesNode) ? (schemesNode.items as Node[]).map((x) => str(x) ?? "") : ["http"];
      for (const scheme of schemes.length > 0 ? schemes : ["http"]) addServer(`${scheme}://${host}`, `${scheme}://${host}`, hostNode);
    }
  }
  let port: number | null = null;
  let portLine = 0;
  for (const s of servers) {
    if (s.port === null) continue;
    if (port !== null && s.port !== port) {
      throw new LocatedError(`conflicting server ports: ${s.port} here, ${port} at line ${portLine}`, file, {
        start: { line: s.line, column: 1 },
        end: { line: s.line, column: 1 },
      });
    }
    if (port === null) {
      port = s.port;
      portLine = s.line;
    }
  }

  let goPackage: OpenApiInfo["goPackage"] = null;
  for (const holder of [root, info && isMap(info) ? info : null]) {
    if (!holder || goPackage) continue;
    const n = mapGet(holder, "x-go-package");
    if (n) {
      const v = str(n);
      if (v === null || v.trim() === "") fail("x-go-package must be a non-empty string (an import path)", n);
      goPackage = { value: (v as string).trim(), line: lineOf(n) };
    }
  }

  const securitySchemes: OpenApiSecurityScheme[] = [];
  const schemesHolder =
    kind === "openapi3"
      ? (() => {
          const c = mapGet(root, "components");
          return c && isMap(c) ? mapGet(c, "securitySchemes") : null;
        })()
      : mapGet(root, "securityDefinitions");
  if (schemesHolder && isMap(schemesHolder)) {
    for (const it of schemesHolder.items) {
      const name = isScalar(it.key) ? String(it.key.value) : "";
      const v = it.value as Node | null;
      if (!v || !isMap(v)) fail(`security scheme ${name} must be a map`, v ?? (it.key as Node));
      const m = v as YAMLMap;
      const type = str(mapGet(m, "type"));
      if (type === null) fail(`security scheme ${name} has no type`, v);
      securitySchemes.push({
        name,
        type: type as string,
        in: str(mapGet(m, "in")),
        paramName: str(mapGet(m, "name")),
        scheme: str(mapGet(m, "scheme")),
        bearerFormat: str(mapGet(m, "bearerFormat")),
        line: lineOf(it.key as Node),
      });
    }
  }

  return Object.freeze({
    file,
    kind,
    version,
    title,
    servers: Object.freeze(servers),
    port,
    goPackage,
    securitySchemes: Object.freeze(securitySchemes),
  });
}
