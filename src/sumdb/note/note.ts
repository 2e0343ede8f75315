/**
 * Signed notes, byte for byte as golang.org/x/mod/sumdb/note (v0.43.0) reads
 * and writes them:
 *
 *   <text, ending in "\n">
 *   "\n"
 *   ("— " <key name> " " base64(<4-byte key hash, big-endian> || signature) "\n")+
 *
 * The whole message must be valid UTF-8 with no control character but "\n";
 * the signature block starts after the last blank line; at most 100
 * signature lines; a repeated line is ignored. openNote verifies every
 * signature by a known key (an invalid one is InvalidSignatureError), keeps
 * signatures by unknown keys as unverified, and needs at least one verified
 * signature (else UnverifiedNoteError, carrying the note).
 *
 * Leaves out nothing of Open and Sign; keys are in key.ts.
 */
import { decodeStdBase64, encodeStdBase64 } from "./base64-std.js";
import { InvalidSignatureError, MalformedNoteError, MismatchedVerifierError, UnknownVerifierError, UnverifiedNoteError } from "./errors.js";
import { isValidKeyName, type Signer, type Verifiers, verifierList } from "./key.js";

export interface Signature {
  /** Key name. */
  readonly name: string;
  /** 32-bit key hash. */
  readonly hash: number;
  /** base64(key hash || signature), as on the wire. */
  readonly base64: string;
}

export interface Note {
  readonly text: string;
  readonly sigs: readonly Signature[];
  readonly unverifiedSigs: readonly Signature[];
}

const SIG_PREFIX = new Uint8Array([0xe2, 0x80, 0x94, 0x20]); // "— "
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Whether `b` is valid UTF-8 with no control character but "\n" (Open's first check). */
function cleanText(b: Uint8Array): boolean {
  for (const c of b) if (c < 0x20 && c !== 0x0a) return false;
  try {
    utf8.decode(b);
    return true;
  } catch {
    return false;
  }
}

function lastBlankLine(b: Uint8Array): number {
  for (let i = b.length - 2; i >= 0; i--) if (b[i] === 0x0a && b[i + 1] === 0x0a) return i;
  return -1;
}

function startsWith(b: Uint8Array, p: Uint8Array): boolean {
  if (b.length < p.length) return false;
  for (let i = 0; i < p.length; i++) if (b[i] !== p[i]) return false;
  return true;
}

/** note.Open: parses and verifies a signed note; throws the errors of errors.ts. */
export function openNote(msg: Uint8Array, known: Verifiers = verifierList()): Note {
  if (!cleanText(msg)) throw new MalformedNoteError();
  const split = lastBlankLine(msg);
  if (split < 0) throw new MalformedNoteError();
  const textBytes = msg.subarray(0, split + 1);
  let sigs = msg.subarray(split + 2);
  if (sigs.length === 0 || sigs[sigs.length - 1] !== 0x0a) throw new MalformedNoteError();
  const text = utf8.decode(textBytes);
  const verified: Signature[] = [];
  const unverified: Signature[] = [];
  const seen = new Set<string>();
  const seenUnverified = new Set<string>();
  let numSig = 0;
  while (sigs.length > 0) {
    const nl = sigs.indexOf(0x0a);
    let lineBytes = sigs.subarray(0, nl);
    sigs = sigs.subarray(nl + 1);
    if (!startsWith(lineBytes, SIG_PREFIX)) throw new MalformedNoteError();
    lineBytes = lineBytes.subarray(SIG_PREFIX.length);
    const line = utf8.decode(lineBytes);
    const sp = line.indexOf(" ");
    const name = sp < 0 ? line : line.slice(0, sp);
    const b64 = sp < 0 ? "" : line.slice(sp + 1);
    const raw = decodeStdBase64(b64);
    if (raw === null || !isValidKeyName(name) || b64 === "" || raw.length < 5) throw new MalformedNoteError();
    const hash = Buffer.from(raw).readUInt32BE(0);
    const sig = raw.subarray(4);
    if (++numSig > 100) throw new MalformedNoteError();
    let v;
    try {
      v = known.verifier(name, hash);
    } catch (e) {
      if (e instanceof UnknownVerifierError) {
        if (seenUnverified.has(line)) continue;
        seenUnverified.add(line);
        unverified.push(Object.freeze({ name, hash, base64: b64 }));
        continue;
      }
      throw e;
    }
    if (v.name !== name || v.keyHash !== hash) throw new MismatchedVerifierError();
    const k = `${name}\u0000${hash}`;
    if (seen.has(k)) continue;
    seen.add(k);
    if (!v.verify(textBytes, sig)) throw new InvalidSignatureError(name, hash, text);
    verified.push(Object.freeze({ name, hash, base64: b64 }));
  }
  const note: Note = Object.freeze({ text, sigs: Object.freeze(verified), unverifiedSigs: Object.freeze(unverified) });
  if (verified.length === 0) {
    throw new UnverifiedNoteError(note);
  }
  return note;
}

/**
 * note.Sign: the signed message for `note` (text must end in "\n"), signed
 * by each signer; the note's existing signatures by other keys come first.
 */
export function signNote(note: { readonly text: string; readonly sigs?: readonly Signature[]; readonly unverifiedSigs?: readonly Signature[] }, ...signers: readonly Signer[]): Uint8Array {
  if (!note.text.endsWith("\n")) throw new MalformedNoteError();
  const text = Buffer.from(note.text, "utf8");
  const fresh: string[] = [];
  const kept: string[] = [];
  const have = new Set<string>();
  for (const s of signers) {
    have.add(`${s.name}\u0000${s.keyHash}`);
    if (!isValidKeyName(s.name)) throw new MalformedNoteError("invalid signer");
    const sig = s.sign(text);
    const hb = Buffer.alloc(4);
    hb.writeUInt32BE(s.keyHash >>> 0);
    fresh.push(`— ${s.name} ${encodeStdBase64(Buffer.concat([hb, sig]))}\n`);
  }
  for (const list of [note.sigs ?? [], note.unverifiedSigs ?? []]) {
    for (const sig of list) {
      if (!isValidKeyName(sig.name)) throw new MalformedNoteError();
      if (have.has(`${sig.name}\u0000${sig.hash}`)) continue;
      const raw = decodeStdBase64(sig.base64);
      if (raw === null || raw.length < 4 || Buffer.from(raw).readUInt32BE(0) !== sig.hash >>> 0) throw new MalformedNoteError();
      kept.push(`— ${sig.name} ${sig.base64}\n`);
    }
  }
  return new Uint8Array(Buffer.concat([text, Buffer.from("\n" + kept.join("") + fresh.join(""), "utf8")]));
}
