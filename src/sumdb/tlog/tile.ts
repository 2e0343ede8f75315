/**
 * Tiles of a transparent log, as golang.org/x/mod/sumdb/tlog (v0.43.0)
 * defines them (and the checksum database serves them at /tile/...): a tile
 * of height H at level L holds up to 2^H consecutive stored hashes of tree
 * level L*H (32 bytes each); tile N at level L covers hashes
 * [N*2^H, (N+1)*2^H). A partial tile of width W < 2^H has path suffix
 * ".p/W". Level -1 ("data") holds the records themselves.
 *
 *   tile/<H>/<L or "data">/[x<NNN>/...]<NNN>[.p/<W>]
 *
 * where N is written in base 1000, three digits per element, all but the
 * last element prefixed with "x".
 */
import { HASH_SIZE, type Hash, type HashReader, nodeHash, pow2, shr, splitStoredHashIndex, storedHashIndex } from "./hash.js";

export interface Tile {
  /** Height, 1..30. */
  readonly h: number;
  /** Level in the tiling, -1 (data) .. 63. */
  readonly l: number;
  /** Number within the level. */
  readonly n: number;
  /** Width, 1..2^h (2^h is a complete tile). */
  readonly w: number;
}

export function tile(h: number, l: number, n: number, w: number): Tile {
  return Object.freeze({ h, l, n, w });
}

/** A string key for maps. */
export function tileKey(t: Tile): string {
  return `${t.h}/${t.l}/${t.n}/${t.w}`;
}

function tileForIndexRange(h: number, index: number): [Tile, number, number] {
  let [level, n] = splitStoredHashIndex(index);
  const l = Math.floor(level / h);
  level -= l * h;
  const tn = shr(n * pow2(level), h);
  n -= shr(tn * pow2(h), level);
  const w = (n + 1) * pow2(level);
  return [tile(h, l, tn, w), n * pow2(level) * HASH_SIZE, (n + 1) * pow2(level) * HASH_SIZE];
}

/** tlog.TileForIndex: the smallest tile of height h holding stored hash `index`. */
export function tileForIndex(h: number, index: number): Tile {
  if (h <= 0) throw new Error(`TileForIndex: invalid height ${h}`);
  return tileForIndexRange(h, index)[0];
}

/** The hash of a run of tile data: a subtree hash (tlog's tileHash). */
export function tileDataHash(data: Uint8Array): Hash {
  if (data.length === 0) throw new Error("bad math in tileHash");
  if (data.length === HASH_SIZE) return data.slice();
  const n = data.length / 2;
  return nodeHash(tileDataHash(data.subarray(0, n)), tileDataHash(data.subarray(n)));
}

/** tlog.HashFromTile: stored hash `index` computed from the tile's data. */
export function hashFromTile(t: Tile, data: Uint8Array, index: number): Hash {
  if (t.h < 1 || t.h > 30 || t.l < 0 || t.l >= 64 || t.w < 1 || t.w > pow2(t.h)) throw new Error(`invalid tile ${tilePath(t)}`);
  if (data.length < t.w * HASH_SIZE) throw new Error(`data len ${data.length} too short for tile ${tilePath(t)}`);
  const [t1, start, end] = tileForIndexRange(t.h, index);
  if (t.l !== t1.l || t.n !== t1.n || t.w < t1.w) throw new Error(`index ${index} is in ${tilePath(t1)} not ${tilePath(t)}`);
  return tileDataHash(data.subarray(start, end));
}

/** tlog.NewTiles: the tiles that change when a tree grows from oldSize to newSize records. */
export function newTiles(h: number, oldSize: number, newSize: number): Tile[] {
  if (h <= 0) throw new Error(`NewTiles: invalid height ${h}`);
  const tiles: Tile[] = [];
  for (let level = 0; shr(newSize, h * level) > 0; level++) {
    const oldN = shr(oldSize, h * level);
    const newN = shr(newSize, h * level);
    if (oldN === newN) continue;
    for (let n = shr(oldN, h); n < shr(newN, h); n++) tiles.push(tile(h, level, n, pow2(h)));
    const n = shr(newN, h);
    const w = newN - n * pow2(h);
    if (w > 0) tiles.push(tile(h, level, n, w));
  }
  return tiles;
}

/** tlog.ReadTileData: a tile's bytes built from stored hashes. */
export async function readTileData(t: Tile, r: HashReader): Promise<Uint8Array> {
  const size = t.w === 0 ? pow2(t.h) : t.w;
  const start = t.n * pow2(t.h);
  const indexes: number[] = [];
  for (let i = 0; i < size; i++) indexes.push(storedHashIndex(t.h * t.l, start + i));
  const hashes = await r(indexes);
  if (hashes.length !== indexes.length) throw new Error(`tlog: ReadHashes(${indexes.length} indexes) = ${hashes.length} hashes`);
  const out = new Uint8Array(size * HASH_SIZE);
  hashes.forEach((h, i) => out.set(h, i * HASH_SIZE));
  return out;
}

const PATH_BASE = 1000;

/** Tile.Path. */
export function tilePath(t: Tile): string {
  let n = t.n;
  let nStr = String(n % PATH_BASE).padStart(3, "0");
  while (n >= PATH_BASE) {
    n = Math.floor(n / PATH_BASE);
    nStr = `x${String(n % PATH_BASE).padStart(3, "0")}/${nStr}`;
  }
  const p = t.w !== pow2(t.h) ? `.p/${t.w}` : "";
  const l = t.l === -1 ? "data" : String(t.l);
  return `tile/${t.h}/${l}/${nStr}${p}`;
}

/** A path ParseTilePath rejects. */
export class BadTilePathError extends Error {
  override readonly name = "BadTilePathError";
  constructor(readonly path: string) {
    super(`malformed tile path ${JSON.stringify(path)}`);
  }
}

/** strconv.Atoi as far as tile paths need it: optional sign, decimal digits. */
function atoi(s: string): number | null {
  return /^[+-]?[0-9]+$/.test(s) ? Number(s) : null;
}

/** tlog.ParseTilePath: accepts only the canonical path of a tile. */
export function parseTilePath(path: string): Tile {
  let f = path.split("/");
  if (f.length < 4 || f[0] !== "tile") throw new BadTilePathError(path);
  const h = atoi(f[1] as string);
  let isData = false;
  if (f[2] === "data") {
    isData = true;
    f[2] = "0";
  }
  let l = atoi(f[2] as string);
  if (h === null || l === null || h < 1 || l < 0 || h > 30) throw new BadTilePathError(path);
  let w = pow2(h);
  const dotP = f[f.length - 2] as string;
  if (dotP.endsWith(".p")) {
    const ww = atoi(f[f.length - 1] as string);
    if (ww === null || ww <= 0 || ww >= w) throw new BadTilePathError(path);
    w = ww;
    f[f.length - 2] = dotP.slice(0, -2);
    f = f.slice(0, -1);
  }
  let n = 0;
  for (const s of f.slice(3)) {
    const nn = atoi(s.startsWith("x") ? s.slice(1) : s);
    if (nn === null || nn < 0 || nn >= PATH_BASE) throw new BadTilePathError(path);
    n = n * PATH_BASE + nn;
  }
  if (isData) l = -1;
  const t = tile(h, l, n, w);
  if (path !== tilePath(t)) throw new BadTilePathError(path);
  return t;
}
