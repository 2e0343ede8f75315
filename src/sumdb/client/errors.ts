/**
 * The checksum database client's errors (golang.org/x/mod/sumdb v0.43.0
 * client.go), as classes carrying their evidence so `goship verify` can say
 * which module, which note, which tile:
 * SecurityError (ErrSecurity: the log forked; both signed notes and the
 * proof), TreeNoteError (a tree head whose signature or format fails; the
 * cause is note's UnverifiedNoteError / InvalidSignatureError / ...),
 * RecordAuthenticationError (a record that is not the log's leaf),
 * LookupError (wraps any of them with module@version), RemoteError (an HTTP
 * answer that is not 200), WriteConflictError (ErrWriteConflict) and
 * GonosumdbError (ErrGONOSUMDB).
 */
import type { Hash } from "../tlog/hash.js";
import { formatHash } from "../tlog/hash.js";
import type { Tree } from "../tlog/tile-hash-reader.js";

export class WriteConflictError extends Error {
  override readonly name = "WriteConflictError";
  constructor() {
    super("write conflict");
  }
}

export class GonosumdbError extends Error {
  override readonly name = "GonosumdbError";
  constructor() {
    super("skipped (listed in GONOSUMDB)");
  }
}

/** A non-200 answer or a transport failure of a remote read. */
export class RemoteError extends Error {
  override readonly name = "RemoteError";
  constructor(
    readonly url: string,
    /** HTTP status, or 0 for a transport error (refused, reset, timeout, offline). */
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The database's log is not append-only: a signed tree head is not an extension of another. */
export class SecurityError extends Error {
  override readonly name = "SecurityError";
  constructor(
    readonly olderNote: string,
    readonly newerNote: string,
    readonly older: Tree,
    readonly newer: Tree,
    /** The hash of the first older.n records in the newer tree (differs from older.hash). */
    readonly newerHashOfOlder: Hash,
    /** Proof that newerHashOfOlder is the prefix of the newer tree. */
    readonly proof: readonly Hash[],
  ) {
    const indent = (s: string): string => s.replace(/\n/g, "\n\t");
    super(
      "SECURITY ERROR\ngo.sum database server misbehavior detected!\n\n" +
        `old database:\n\t${indent(olderNote)}\n` +
        `new database:\n\t${indent(newerNote)}\n` +
        `proof of misbehavior:\n\t${formatHash(newerHashOfOlder)}` +
        proof.map((h) => `\n\t${formatHash(h)}`).join(""),
    );
  }
}

/** A signed tree head that does not open (signature, key) or parse. */
export class TreeNoteError extends Error {
  override readonly name = "TreeNoteError";
  constructor(
    readonly note: string,
    override readonly cause: Error,
    what: "reading tree note" | "reading tree",
  ) {
    super(`${what}: ${cause.message}\nnote:\n${note}`);
  }
}

/** The record served for a lookup is not the log's leaf at its id (or lies beyond the tree). */
export class RecordAuthenticationError extends Error {
  override readonly name = "RecordAuthenticationError";
  constructor(
    readonly id: number,
    readonly text: string,
    message = "cannot authenticate record data in server response",
  ) {
    super(message);
  }
}

/** Any failure of one lookup, naming the module and version. */
export class LookupError extends Error {
  override readonly name = "LookupError";
  constructor(
    readonly path: string,
    readonly version: string,
    override readonly cause: Error,
  ) {
    super(`${path}@${version}: ${cause.message}`);
  }
}
