/**
 * tlog.TileHashReader (golang.org/x/mod/sumdb/tlog v0.43.0): a HashReader
 * for the tree `tree` that reads stored hashes through tiles, and
 * authenticates every tile before using it: the tiles covering the tree's
 * complete subtrees must hash to the signed tree hash, and every other tile
 * must hash to the entry its parent tile holds. A tile that fails either
 * check is InconsistentTileError (evidence: the tile's path). Authenticated
 * tiles are handed to the TileReader's saveTiles, so a cache only ever holds
 * proven data.
 */
import { HASH_SIZE, type Hash, type HashReader, hashEqual, nodeHash, pow2, shr, storedHashIndex } from "./hash.js";
import { hashFromTile, type Tile, tile as mkTile, tileDataHash, tileForIndex, tileKey, tilePath } from "./tile.js";
import { treeHashIndexes } from "./proof.js";

/** A signed tree head's content: size and root hash. */
export interface Tree {
  readonly n: number;
  readonly hash: Hash;
}

/** Where tiles come from (tlog.TileReader). */
export interface TileReader {
  height(): number;
  /** Returns each tile's data (w*32 bytes), in order; tiles are not yet authenticated. */
  readTiles(tiles: readonly Tile[]): Promise<readonly Uint8Array[]>;
  /** Called with tiles after they were authenticated. */
  saveTiles(tiles: readonly Tile[], data: readonly Uint8Array[]): void | Promise<void>;
}

/** A tile's data disagrees with the signed tree head or with its parent tile. */
export class InconsistentTileError extends Error {
  override readonly name = "InconsistentTileError";
  constructor(
    /** Path of the tile that failed authentication. */
    readonly tilePath: string,
  ) {
    super("downloaded inconsistent tile");
  }
}

function tileParent(t: Tile, k: number, n: number): Tile | null {
  const l = t.l + k;
  const tn = shr(t.n, k * t.h);
  let w = pow2(t.h);
  const max = shr(n, l * t.h);
  if (tn * pow2(t.h) + w >= max) {
    if (tn * pow2(t.h) >= max) return null;
    w = max - tn * pow2(t.h);
  }
  return mkTile(t.h, l, tn, w);
}

export function tileHashReader(tree: Tree, tr: TileReader): HashReader {
  return async (indexes) => {
    const h = tr.height();
    const order = new Map<string, number>();
    const tiles: Tile[] = [];
    const stx = treeHashIndexes(tree.n);
    const stxOrder: number[] = [];
    for (const x of stx) {
      const t = tileParent(tileForIndex(h, x), 0, tree.n) as Tile;
      const j = order.get(tileKey(t));
      if (j !== undefined) {
        stxOrder.push(j);
        continue;
      }
      stxOrder.push(tiles.length);
      order.set(tileKey(t), tiles.length);
      tiles.push(t);
    }
    const indexOrder: number[] = new Array<number>(indexes.length);
    const limit = storedHashIndex(0, tree.n);
    indexes.forEach((x, i) => {
      if (x >= limit) throw new Error("indexes not in tree");
      const t = tileForIndex(h, x);
      let k = 0;
      for (; ; k++) {
        const p = tileParent(t, k, tree.n);
        const j = p === null ? undefined : order.get(tileKey(p));
        if (j !== undefined) {
          if (k === 0) indexOrder[i] = j;
          break;
        }
      }
      for (k--; k >= 0; k--) {
        const p = tileParent(t, k, tree.n) as Tile;
        if (p.w !== pow2(p.h)) throw new Error(`bad math in tileHashReader: ${tree.n} ${x} ${tilePath(p)}`);
        order.set(tileKey(p), tiles.length);
        if (k === 0) indexOrder[i] = tiles.length;
        tiles.push(p);
      }
    });

    const data = await tr.readTiles(tiles);
    if (data.length !== tiles.length) throw new Error(`TileReader returned bad result slice (len=${data.length}, want ${tiles.length})`);
    tiles.forEach((t, i) => {
      if ((data[i] as Uint8Array).length !== t.w * HASH_SIZE) {
        throw new InconsistentTileError(tilePath(t));
      }
    });

    // The tiles holding the tree's complete subtrees must give the signed hash.
    let th: Hash | undefined;
    for (let i = stx.length - 1; i >= 0; i--) {
      const j = stxOrder[i] as number;
      const hh = hashFromTile(tiles[j] as Tile, data[j] as Uint8Array, stx[i] as number);
      th = th === undefined ? hh : nodeHash(hh, th);
    }
    if (th !== undefined && !hashEqual(th, tree.hash)) {
      throw new InconsistentTileError(tiles.slice(0, (stxOrder[stxOrder.length - 1] ?? 0) + 1).map(tilePath).join(", "));
    }
    // Every other tile must hash to the entry of its parent.
    for (let i = (stxOrder[stx.length - 1] ?? -1) + 1; i < tiles.length; i++) {
      const t = tiles[i] as Tile;
      const p = tileParent(t, 1, tree.n);
      const j = p === null ? undefined : order.get(tileKey(p));
      if (p === null || j === undefined) throw new Error(`bad math in tileHashReader ${tree.n}: lost parent of ${tilePath(t)}`);
      const want = hashFromTile(p, data[j] as Uint8Array, storedHashIndex(p.l * p.h, t.n));
      if (!hashEqual(want, tileDataHash(data[i] as Uint8Array))) throw new InconsistentTileError(tilePath(t));
    }
    await tr.saveTiles(tiles, data);
    return indexes.map((x, i) => hashFromTile(tiles[indexOrder[i] as number] as Tile, data[indexOrder[i] as number] as Uint8Array, x));
  };
}
