/**
 * The errors of golang.org/x/mod/sumdb/note (v0.43.0) as classes a caller can
 * test with instanceof, each carrying its evidence: the note (for an
 * unverified one), the key name and hash (for a bad signature). Messages are
 * x/mod's.
 */
import type { Note } from "./note.js";

/** The base of every note error. */
export class NoteError extends Error {
  override readonly name: string = "NoteError";
}

/** "malformed note": bad UTF-8, control characters, missing signature block, bad signature line. */
export class MalformedNoteError extends NoteError {
  override readonly name = "MalformedNoteError";
  constructor(message = "malformed note") {
    super(message);
  }
}

/** A key string (verifier or signer) that does not parse; message is x/mod's. */
export class NoteKeyError extends NoteError {
  override readonly name = "NoteKeyError";
}

/** No verifier is known for the signature's name and key hash. */
export class UnknownVerifierError extends NoteError {
  override readonly name = "UnknownVerifierError";
  constructor(
    readonly keyName: string,
    readonly keyHash: number,
  ) {
    super(`unknown key ${keyName}+${hex8(keyHash)}`);
  }
}

/** Two verifiers share a name and key hash. */
export class AmbiguousVerifierError extends NoteError {
  override readonly name = "AmbiguousVerifierError";
  constructor(
    readonly keyName: string,
    readonly keyHash: number,
  ) {
    super(`ambiguous key ${keyName}+${hex8(keyHash)}`);
  }
}

/** A verifier returned for (name, hash) reports another name or hash. */
export class MismatchedVerifierError extends NoteError {
  override readonly name = "MismatchedVerifierError";
  constructor() {
    super("verifier name or hash doesn't match signature");
  }
}

/** The note has signatures, but none by a known key. Carries the note (with its unverified signatures). */
export class UnverifiedNoteError extends NoteError {
  override readonly name = "UnverifiedNoteError";
  constructor(readonly note: Note) {
    super("note has no verifiable signatures");
  }
}

/** A signature by a known key does not verify: the note was altered or signed by someone else. */
export class InvalidSignatureError extends NoteError {
  override readonly name = "InvalidSignatureError";
  constructor(
    readonly keyName: string,
    readonly keyHash: number,
    /** The signed text whose signature failed (evidence). */
    readonly text: string = "",
  ) {
    super(`invalid signature for key ${keyName}+${hex8(keyHash)}`);
  }
}

/** "%08x" */
export function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, "0");
}
