/**
 * RUN --mount (instructions/commands_runmount.go): CSV fields `type=bind|
 * cache|tmpfs|secret|ssh`, from, source/src, target/dst/destination,
 * readonly/ro, readwrite/rw, required, size, id, sharing, mode, uid, gid, env.
 *
 * BuildKit checks two things when it parses (the CSV syntax, and that `from`
 * uses no variable) and validates the rest once the values are expanded at
 * build time. `checkMountSyntax` is the first step; `parseMount` is the
 * second, given an expander (identity by default: the literal text).
 */
import { SyntaxProblem } from "../parser/errors.js";
import { csvFields, CsvError } from "../go/csv-fields.js";
import { goQuote } from "../../golang/strconv-quote.js";
import { goParseBool, goParseUint32 } from "../../golang/strconv-parse.js";
import { ramInBytes } from "../go/ram-in-bytes.js";
import { goToLower } from "../../golang/strings.js";
import { withSuggestion } from "./suggest.js";

export type MountType = "bind" | "cache" | "tmpfs" | "secret" | "ssh";
export type MountSharing = "shared" | "private" | "locked";

export interface Mount {
  readonly type: MountType;
  readonly from: string;
  readonly source: string;
  readonly target: string;
  readonly readOnly: boolean;
  /** tmpfs size in bytes (0: unset). */
  readonly sizeLimit: number;
  /** Cache id, or secret id. */
  readonly id: string;
  readonly sharing: MountSharing | "";
  readonly required: boolean;
  readonly env?: string;
  readonly mode?: number;
  readonly uid?: number;
  readonly gid?: number;
}

const MOUNT_TYPES: readonly string[] = ["bind", "cache", "tmpfs", "secret", "ssh"];
const SHARING: readonly string[] = ["shared", "private", "locked"];
const ALL_KEYS: readonly string[] = [
  "type", "from", "source", "target", "readonly", "id", "sharing", "required", "size", "mode", "uid", "gid",
  "src", "dst", "destination", "ro", "rw", "readwrite", "env",
];

function fields(value: string): string[] {
  try {
    return csvFields(value);
  } catch (e) {
    if (e instanceof CsvError) throw new SyntaxProblem(`failed to parse csv mounts: ${e.message}`);
    throw e;
  }
}

function cut(field: string): [string, string, boolean] {
  const eq = field.indexOf("=");
  return eq < 0 ? [field, "", false] : [field.slice(0, eq), field.slice(eq + 1), true];
}

/** What BuildKit checks while parsing (no expander yet). Throws SyntaxProblem. */
export function checkMountSyntax(value: string): void {
  for (const field of fields(value)) {
    const [k, v, ok] = cut(field);
    if (!ok || goToLower(k) !== "from") continue;
    const idx = v.indexOf("$");
    if (idx !== -1 && idx !== v.length - 1) {
      throw new SyntaxProblem("'from' doesn't support variable expansion, define alias stage instead");
    }
  }
}

/** parseMount with an expander: the full validation BuildKit runs at build time. Throws SyntaxProblem. */
export function parseMount(value: string, expand: (word: string) => string = (w) => w): Mount {
  const m: {
    -readonly [K in keyof Mount]: Mount[K];
  } = { type: "bind", from: "", source: "", target: "", readOnly: false, sizeLimit: 0, id: "", sharing: "", required: false };
  let roAuto = true;
  const bad = (msg: string): never => {
    throw new SyntaxProblem(msg);
  };
  const bool = (key: string, v: string): boolean => goParseBool(v) ?? bad(`invalid value for ${key}: ${v}`);
  for (const field of fields(value)) {
    const [rawKey, rawValue, ok] = cut(field);
    const key = goToLower(rawKey);
    if (!ok) {
      switch (key) {
        case "readonly":
        case "ro":
          m.readOnly = true;
          roAuto = false;
          continue;
        case "readwrite":
        case "rw":
          m.readOnly = false;
          roAuto = false;
          continue;
        case "required":
          if (m.type === "secret" || m.type === "ssh") {
            m.required = true;
            continue;
          }
          bad(`unexpected key '${key}' for mount type '${m.type}'`);
          break;
        default:
          bad(`invalid field '${field}' must be a key=value pair`);
      }
    }
    const v = expand(rawValue);
    switch (key) {
      case "type": {
        const t = goToLower(v);
        if (!MOUNT_TYPES.includes(t)) bad(withSuggestion(`unsupported mount type ${goQuote(v)}`, v, MOUNT_TYPES, true));
        m.type = t as MountType;
        break;
      }
      case "from":
        m.from = v;
        break;
      case "source":
      case "src":
        m.source = v;
        break;
      case "target":
      case "dst":
      case "destination":
        m.target = v;
        break;
      case "readonly":
      case "ro":
        m.readOnly = bool(key, v);
        roAuto = false;
        break;
      case "readwrite":
      case "rw":
        m.readOnly = !bool(key, v);
        roAuto = false;
        break;
      case "required":
        if (m.type === "secret" || m.type === "ssh") m.required = bool(key, v);
        else bad(`unexpected key '${key}' for mount type '${m.type}'`);
        break;
      case "size":
        if (m.type === "tmpfs") m.sizeLimit = ramInBytes(v) ?? bad(`invalid value for ${key}: ${v}`);
        else bad(`unexpected key '${key}' for mount type '${m.type}'`);
        break;
      case "id":
        m.id = v;
        break;
      case "sharing": {
        const s = goToLower(v);
        if (!SHARING.includes(s)) bad(withSuggestion(`unsupported sharing value ${goQuote(v)}`, v, SHARING, true));
        m.sharing = s as MountSharing;
        break;
      }
      case "mode":
        m.mode = goParseUint32(v, 8) ?? bad(`invalid value ${v} for mode`);
        break;
      case "uid":
        m.uid = goParseUint32(v, 10) ?? bad(`invalid value ${v} for uid`);
        break;
      case "gid":
        m.gid = goParseUint32(v, 10) ?? bad(`invalid value ${v} for gid`);
        break;
      case "env":
        m.env = v;
        break;
      default:
        bad(withSuggestion(`unexpected key '${key}' in '${field}'`, key, ALL_KEYS, true));
    }
  }
  const fileInfoAllowed = m.type === "secret" || m.type === "ssh" || m.type === "cache";
  if (!fileInfoAllowed) {
    if (m.mode !== undefined) bad(`mode not allowed for ${goQuote(m.type)} type mounts`);
    if (m.uid !== undefined) bad(`uid not allowed for ${goQuote(m.type)} type mounts`);
    if (m.gid !== undefined) bad(`gid not allowed for ${goQuote(m.type)} type mounts`);
  }
  if (roAuto) m.readOnly = !(m.type === "cache" || m.type === "tmpfs");
  if (m.type === "secret") {
    if (m.from !== "") bad("secret mount should not have a from");
    if (m.sharing !== "") bad("secret mount should not define sharing");
    if (m.source === "" && m.target === "" && m.id === "") bad("invalid secret mount. one of source, target required");
    if (m.source !== "" && m.id !== "") bad("both source and id can't be set");
  }
  if (m.sharing !== "" && m.type !== "cache") bad(`invalid cache sharing set for ${m.type} mount`);
  return m;
}
