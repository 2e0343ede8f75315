/** src/sumdb/tlog: transparent-log hashes, proofs, tiles and formats (golang.org/x/mod/sumdb/tlog v0.43.0). */
export {
  HASH_SIZE, EMPTY_TREE_HASH, recordHash, nodeHash, hashEqual, formatHash, parseHash, storedHashIndex, splitStoredHashIndex,
  storedHashCount, storedHashes, storedHashesForRecordHash, memoryHashReader,
} from "./hash.js";
export type { Hash, HashReader } from "./hash.js";
export { treeHash, proveRecord, checkRecord, proveTree, checkTree, ProofFailedError } from "./proof.js";
export { tile, tileKey, tileForIndex, hashFromTile, newTiles, readTileData, tilePath, parseTilePath, tileDataHash, BadTilePathError } from "./tile.js";
export type { Tile } from "./tile.js";
export { tileHashReader, InconsistentTileError } from "./tile-hash-reader.js";
export type { Tree, TileReader } from "./tile-hash-reader.js";
export { formatTree, parseTree, formatRecord, parseRecord, isValidRecordText, MalformedTreeError, MalformedRecordError } from "./tree-note.js";
export type { ParsedRecord } from "./tree-note.js";
