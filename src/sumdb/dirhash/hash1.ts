/**
 * dirhash.Hash1 (golang.org/x/mod/sumdb/dirhash v0.43.0), the "h1:" hash of
 * go.sum: the file names are sorted (byte order of their UTF-8), and the
 * hash is SHA-256 over one line per file,
 *
 *   <lower-case hex SHA-256 of the content> "  " <name> "\n"
 *
 * written as "h1:" + standard base64. A name with "\n" is an error. The file
 * opener is injected (a zip, a folder, a single go.mod), so this stays pure.
 * goModHash is the go.mod-only hash of go.sum's "/go.mod" lines (a one-file
 * tree named "go.mod").
 */
import { createHash } from "node:crypto";

export type OpenFile = (name: string) => Uint8Array | Promise<Uint8Array>;

export class DirHashError extends Error {
  override readonly name = "DirHashError";
}

/** Byte order of the names' UTF-8 encodings (Go's string order). */
export function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

export async function hash1(files: readonly string[], open: OpenFile): Promise<string> {
  const sorted = [...files].sort(compareUtf8);
  const h = createHash("sha256");
  for (const file of sorted) {
    if (file.includes("\n")) throw new DirHashError("dirhash: filenames with newlines are not supported");
    const data = await open(file);
    const hf = createHash("sha256").update(data).digest("hex");
    h.update(`${hf}  ${file}\n`, "utf8");
  }
  return "h1:" + h.digest("base64");
}

/** The "h1:" hash go.sum records for a module's go.mod file (modfetch goModSum). */
export async function goModHash(data: Uint8Array): Promise<string> {
  return hash1(["go.mod"], () => data);
}
