/** src/sumdb/dirhash: the h1 hashes of go.sum (golang.org/x/mod/sumdb/dirhash v0.43.0). */
export { hash1, goModHash, compareUtf8, DirHashError } from "./hash1.js";
export type { OpenFile } from "./hash1.js";
export { hashZip, unexpectedZipFile } from "./hash-zip.js";
export { hashDir, dirFiles } from "./hash-dir.js";
export { readZipEntries, readZipEntry, ZipFormatError } from "./zip-reader.js";
export type { ZipEntry } from "./zip-reader.js";
