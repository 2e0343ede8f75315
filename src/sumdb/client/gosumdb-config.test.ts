/** GOSUMDB parsing as modfetch dbDial does it. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_SUMDB_KEY, DEFAULT_SUMDB_NAME } from "../data/default-database.js";
import { generateNoteKey } from "../note/key.js";
import { parseGosumdb } from "./gosumdb-config.js";

test("parseGosumdb", () => {
  assert.deepEqual(parseGosumdb("off"), { kind: "off" });
  assert.deepEqual(parseGosumdb(DEFAULT_SUMDB_NAME), { kind: "db", name: DEFAULT_SUMDB_NAME, key: DEFAULT_SUMDB_KEY });
  const k = generateNoteKey("db.example/sum").verifierKey;
  assert.deepEqual(parseGosumdb(`${k} http://127.0.0.1:9`), { kind: "db", name: "db.example/sum", key: k, url: "http://127.0.0.1:9" });
  assert.throws(() => parseGosumdb(`${k} a b`), /invalid GOSUMDB: too many fields/);
  assert.throws(() => parseGosumdb("unknown.example"), /invalid GOSUMDB: malformed verifier id/);
  assert.throws(() => parseGosumdb(`${k.slice(0, -2)}AA`), /invalid GOSUMDB: invalid verifier hash/);
  assert.throws(() => parseGosumdb(" "), /missing GOSUMDB/);
});
