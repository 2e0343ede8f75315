/** src/sumdb/note: signed notes and their keys (golang.org/x/mod/sumdb/note v0.43.0). */
export { openNote, signNote } from "./note.js";
export type { Note, Signature } from "./note.js";
export { parseVerifierKey, parseSignerKey, ed25519VerifierKey, generateNoteKey, verifierList, keyHash, isValidKeyName, ALG_ED25519 } from "./key.js";
export type { Verifier, Verifiers, Signer } from "./key.js";
export {
  NoteError, MalformedNoteError, NoteKeyError, UnknownVerifierError, AmbiguousVerifierError, MismatchedVerifierError,
  UnverifiedNoteError, InvalidSignatureError, hex8,
} from "./errors.js";
export { decodeStdBase64, encodeStdBase64 } from "./base64-std.js";
