/**
 * Go's encoding/base64 StdEncoding.DecodeString, as the checksum database
 * formats use it (keys, signatures, tree hashes): the standard alphabet,
 * "=" padding required, "\r" and "\n" ignored anywhere, trailing bits after
 * the last full byte not checked (StdEncoding is not Strict). Node's own
 * base64 decoder is lenient (skips bad characters, accepts missing padding),
 * so every wire field goes through this check first.
 */
const BODY = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Decodes `s`, or returns null where Go returns an error. */
export function decodeStdBase64(s: string): Uint8Array | null {
  const clean = s.replace(/[\r\n]/g, "");
  if (!BODY.test(clean)) return null;
  return new Uint8Array(Buffer.from(clean, "base64"));
}

export function encodeStdBase64(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("base64");
}
