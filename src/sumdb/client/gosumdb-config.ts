/**
 * GOSUMDB as the go command reads it (cmd/go/internal/modfetch dbDial,
 * Go 1.26): "off"; a known database name (its key comes from
 * src/sumdb/data); "<verifier key>"; or "<verifier key> <URL>". At most two
 * fields; the key must parse (note.NewVerifier); the database name must be
 * host[/path]. Messages are the go command's.
 *
 * Leaves out the go command's alias that maps the database's mirror name to
 * "<default name> <mirror URL>" (write that GOSUMDB value out instead).
 */
import { LocatedError } from "../../diagnostic/located-error.js";
import { fields } from "../../golang/strings.js";
import { KNOWN_SUMDB_KEYS } from "../data/default-database.js";
import { parseVerifierKey } from "../note/key.js";

export type SumdbConfig =
  | { readonly kind: "off" }
  | {
      readonly kind: "db";
      /** The database name (the key's name): cache folder and default host. */
      readonly name: string;
      /** The verifier key. */
      readonly key: string;
      /** The explicit URL of GOSUMDB's second field, if any. */
      readonly url?: string;
    };

export class GosumdbError extends LocatedError {
  constructor(message: string) {
    super(message, "GOSUMDB");
  }
}

/** Parses a set GOSUMDB value (resolve "unset" to `go env GOSUMDB` or the default name first). */
export function parseGosumdb(value: string): SumdbConfig {
  if (value === "off") return Object.freeze({ kind: "off" });
  const key = fields(value);
  if (key.length >= 1) {
    const known = KNOWN_SUMDB_KEYS[key[0] as string];
    if (known !== undefined) key[0] = known;
  }
  if (key.length === 0) throw new GosumdbError("missing GOSUMDB");
  if (key.length > 2) throw new GosumdbError("invalid GOSUMDB: too many fields");
  let name: string;
  try {
    name = parseVerifierKey(key[0] as string).name;
  } catch (e) {
    throw new GosumdbError(`invalid GOSUMDB: ${(e as Error).message}`);
  }
  if (name.endsWith("/") || !/^[A-Za-z0-9.\-_~:[\]]+(\/[A-Za-z0-9.\-_~!$&'()*+,;=:@/]*)?$/.test(name)) {
    throw new GosumdbError(`invalid sumdb name (must be host[/path]): ${name}`);
  }
  if (key.length === 2) {
    const u = key[1] as string;
    try {
      new URL(u);
    } catch {
      throw new GosumdbError(`invalid GOSUMDB URL: parse ${JSON.stringify(u)}: invalid URL`);
    }
    return Object.freeze({ kind: "db", name, key: key[0] as string, url: u });
  }
  return Object.freeze({ kind: "db", name, key: key[0] as string });
}
