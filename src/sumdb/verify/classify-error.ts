/**
 * What a failed checksum database lookup means for `goship verify`: the
 * database misbehaved (a forked log, a bad or unknown signature, a tile or
 * record that fails its proof), the module is not in the database, or the
 * database could not be reached. Walks the `cause` chain of the client's
 * errors (LookupError → TreeNoteError → note errors, ...).
 */
import { InconsistentTileError } from "../tlog/tile-hash-reader.js";
import { InvalidSignatureError, UnknownVerifierError, UnverifiedNoteError } from "../note/errors.js";
import { ProofFailedError } from "../tlog/proof.js";
import { GonosumdbError, RecordAuthenticationError, RemoteError, SecurityError, TreeNoteError } from "../client/errors.js";
import { MalformedRecordError, MalformedTreeError } from "../tlog/tree-note.js";

export type LookupFailureKind =
  | "fork"
  | "bad-signature"
  | "unknown-key"
  | "bad-note"
  | "inconsistent-tile"
  | "unauthenticated-record"
  | "malformed-response"
  | "not-found"
  | "unreachable"
  | "skipped"
  | "other";

export interface LookupFailure {
  readonly kind: LookupFailureKind;
  /** True when the database (or whoever answers for it) misbehaved: never a network hiccup. */
  readonly security: boolean;
  /** One line for the user. */
  readonly summary: string;
  /** The full error text (with evidence: notes, proofs, tile paths). */
  readonly detail: string;
}

function chain(e: unknown): unknown[] {
  const out: unknown[] = [];
  for (let c = e; c !== undefined && c !== null && out.length < 10; c = (c as { cause?: unknown }).cause) out.push(c);
  return out;
}

export function classifyLookupError(e: unknown): LookupFailure {
  const all = chain(e);
  const find = <T>(k: abstract new (...a: never[]) => T): T | undefined => all.find((x) => x instanceof k) as T | undefined;
  const detail = e instanceof Error ? e.message : String(e);
  const make = (kind: LookupFailureKind, security: boolean, summary: string): LookupFailure => Object.freeze({ kind, security, summary, detail });
  if (find(SecurityError)) return make("fork", true, "the checksum database's log forked: its new signed tree head does not extend the one seen before (SECURITY ERROR)");
  const bad = find(InvalidSignatureError);
  if (bad) return make("bad-signature", true, `the checksum database's signed tree head has an invalid signature (${bad.message})`);
  const unverified = find(UnverifiedNoteError);
  if (unverified) {
    const by = unverified.note.unverifiedSigs.map((s) => s.name).join(", ");
    return make("unknown-key", true, `the checksum database's tree head is not signed by the configured key${by ? ` (signed by unknown key of ${by})` : ""}: wrong GOSUMDB key or an impostor`);
  }
  if (find(UnknownVerifierError)) return make("unknown-key", true, "the checksum database's tree head is signed by an unknown key");
  if (find(TreeNoteError) || find(MalformedTreeError)) return make("bad-note", true, "the checksum database sent a malformed signed tree head");
  const tile = find(InconsistentTileError);
  if (tile) return make("inconsistent-tile", true, `the checksum database served a tile that does not match its signed tree head (${tile.tilePath})`);
  const rec = find(RecordAuthenticationError);
  if (rec) return make("unauthenticated-record", true, `the checksum database's record is not proven by its log: inclusion proof failed (${rec.message})`);
  if (find(ProofFailedError)) return make("unauthenticated-record", true, "an inclusion proof failed");
  if (find(MalformedRecordError)) return make("malformed-response", true, "the checksum database sent a malformed lookup answer");
  if (find(GonosumdbError)) return make("skipped", false, "skipped (GONOSUMDB/GOPRIVATE)");
  const remote = find(RemoteError);
  if (remote) {
    if (remote.status === 404 || remote.status === 410) return make("not-found", false, `not found in the checksum database (${remote.status}): a private module needs GONOSUMDB/GOPRIVATE, a public one may not exist`);
    return make("unreachable", false, `the checksum database could not be read: ${remote.message.split("\n")[0]}`);
  }
  return make("other", false, detail.split("\n")[0] ?? detail);
}
