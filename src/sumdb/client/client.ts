/**
 * The checksum database client of golang.org/x/mod/sumdb (v0.43.0,
 * client.go), over a ClientOps port so it never touches the network or disk
 * itself:
 *
 * - init: parse the verifier key ("key"), start from the empty tree, merge
 *   the last signed tree head seen ("<name>/latest").
 * - lookup(path, version): GET /lookup/<escaped path>@<escaped version>
 *   (or the cache), split "<id>\n<record text>\n<signed tree note>", verify
 *   the note with the key, prove that the new tree head and the one already
 *   known lie on one timeline (a fork is SecurityError, with both notes and
 *   the proof), then prove the record is leaf <id> of that tree by reading
 *   its hash through authenticated tiles (tile/8/...). Only then is the
 *   record cached and returned: the go.sum lines for that version.
 * - a tree head newer than the stored one is written back with
 *   compare-and-swap (retried on WriteConflictError), so the next run checks
 *   consistency from there.
 * - refreshLatest: the same for GET /latest (x/mod's client never fetches it;
 *   goship does once per run, so every lookup is checked against one head).
 *
 * After a SecurityError every call fails with it. Leaves out
 * SetTileHeight-after-use panics (height is a constructor option).
 */
import { openNote } from "../note/note.js";
import { parseVerifierKey, verifierList, type Verifiers } from "../note/key.js";
import { matchPrefixPatterns } from "../../gomod/prefix-patterns.js";
import { EMPTY_TREE_HASH, formatHash, hashEqual, recordHash, storedHashIndex } from "../tlog/hash.js";
import { checkTree, proveTree, treeHash } from "../tlog/proof.js";
import { pow2 } from "../tlog/hash.js";
import { type Tile, tile as mkTile, tileKey, tilePath } from "../tlog/tile.js";
import { tileHashReader, type TileReader, type Tree } from "../tlog/tile-hash-reader.js";
import { parseRecord, parseTree } from "../tlog/tree-note.js";
import { GonosumdbError, LookupError, RecordAuthenticationError, SecurityError, TreeNoteError, WriteConflictError } from "./errors.js";
import { escapeModulePath, escapeModuleVersion } from "./module-escape.js";
import type { ClientOps } from "./ops.js";

export interface ClientOptions {
  /** Tile height (the checksum database uses 8). */
  readonly tileHeight?: number;
  /** GONOSUMDB patterns: lookups of matching paths throw GonosumdbError. */
  readonly gonosumdb?: string;
}

const PAST = 1;
const NOW = 2;
const FUTURE = 3;

const td = new TextDecoder();

export class SumdbClient {
  private readonly height: number;
  private readonly nosumdb: string;
  private initPromise: Promise<void> | undefined;
  private verifiers!: Verifiers;
  /** The database's name (the verifier key's name). */
  name = "";
  private latest: Tree = Object.freeze({ n: 0, hash: EMPTY_TREE_HASH });
  private latestMsg: Uint8Array = new Uint8Array(0);
  private readonly records = new Map<string, Promise<Uint8Array>>();
  private readonly tiles = new Map<string, Promise<Uint8Array>>();
  private readonly tileSaved = new Set<string>();
  private security: SecurityError | undefined;
  private readonly tileReader: TileReader;

  constructor(
    private readonly ops: ClientOps,
    opts: ClientOptions = {},
  ) {
    this.height = opts.tileHeight ?? 8;
    this.nosumdb = opts.gonosumdb ?? "";
    this.tileReader = {
      height: () => this.height,
      readTiles: (tiles) => Promise.all(tiles.map((t) => this.readTile(t))),
      saveTiles: (tiles, data) => this.saveTiles(tiles, data),
    };
  }

  /** The latest signed tree head this client has verified, and its note. */
  latestTree(): { readonly tree: Tree; readonly note: string } {
    return { tree: this.latest, note: td.decode(this.latestMsg) };
  }

  init(): Promise<void> {
    this.initPromise ??= this.initWork().catch((e: unknown) => {
      const err = e instanceof Error ? e : new Error(String(e));
      throw Object.assign(new Error(`initializing sumdb.Client: ${err.message}`), { cause: err });
    });
    return this.initPromise;
  }

  private async initWork(): Promise<void> {
    const vkey = td.decode(await this.ops.readConfig("key")).trim();
    const v = parseVerifierKey(vkey);
    this.verifiers = verifierList(v);
    this.name = v.name;
    await this.mergeLatest(await this.ops.readConfig(`${this.name}/latest`));
  }

  /** Fetches /latest and merges it (a fork from the stored head is SecurityError). */
  async refreshLatest(): Promise<Tree> {
    await this.init();
    this.throwIfInsecure();
    await this.mergeLatest(await this.ops.readRemote("/latest"));
    return this.latest;
  }

  /** Client.Lookup: the go.sum lines of the database for path@vers (vers may end in "/go.mod"). */
  async lookup(path: string, vers: string): Promise<readonly string[]> {
    if (matchPrefixPatterns(this.nosumdb, path)) throw new GonosumdbError();
    try {
      await this.init();
      this.throwIfInsecure();
      const epath = escapeModulePath(path);
      const evers = escapeModuleVersion(vers.endsWith("/go.mod") ? vers.slice(0, -"/go.mod".length) : vers);
      const remotePath = `/lookup/${epath}@${evers}`;
      const file = this.name + remotePath;
      let p = this.records.get(file);
      if (p === undefined) {
        p = this.fetchRecord(file, remotePath);
        this.records.set(file, p);
      }
      const text = td.decode(await p);
      const prefix = `${path} ${vers} `;
      return text.split("\n").filter((l) => l.startsWith(prefix));
    } catch (e) {
      throw new LookupError(path, vers, e instanceof Error ? e : new Error(String(e)));
    }
  }

  private throwIfInsecure(): void {
    if (this.security) throw this.security;
  }

  private async fetchRecord(file: string, remotePath: string): Promise<Uint8Array> {
    let data = await this.ops.readCache(file);
    const fromCache = data !== undefined;
    if (data === undefined) data = await this.ops.readRemote(remotePath);
    const rec = parseRecord(data);
    await this.mergeLatest(rec.rest);
    await this.checkRecord(rec.id, rec.text);
    if (!fromCache) await this.ops.writeCache(file, data);
    return rec.text;
  }

  private async mergeLatest(msg: Uint8Array): Promise<void> {
    const when = await this.mergeLatestMem(msg);
    if (when !== FUTURE) return;
    for (;;) {
      const stored = await this.ops.readConfig(`${this.name}/latest`);
      const w = await this.mergeLatestMem(stored);
      if (w !== PAST) return;
      try {
        await this.ops.writeConfig(`${this.name}/latest`, stored, this.latestMsg);
        return;
      } catch (e) {
        if (!(e instanceof WriteConflictError)) throw e;
      }
    }
  }

  private async mergeLatestMem(msg: Uint8Array): Promise<number> {
    if (msg.length === 0) return this.latest.n === 0 ? NOW : PAST;
    const msgText = td.decode(msg);
    let text: string;
    try {
      text = openNote(msg, this.verifiers).text;
    } catch (e) {
      throw new TreeNoteError(msgText, e as Error, "reading tree note");
    }
    let tree: Tree;
    try {
      tree = parseTree(text);
    } catch (e) {
      throw new TreeNoteError(text, e as Error, "reading tree");
    }
    let latest = this.latest;
    let latestMsg = this.latestMsg;
    for (;;) {
      if (tree.n <= latest.n) {
        await this.checkTrees(tree, msg, latest, latestMsg);
        return tree.n < latest.n ? PAST : NOW;
      }
      await this.checkTrees(latest, latestMsg, tree, msg);
      if (this.latest === latest) {
        this.latest = tree;
        this.latestMsg = msg;
        return FUTURE;
      }
      latest = this.latest;
      latestMsg = this.latestMsg;
    }
  }

  /** Proves that `older` is a prefix of `newer`; a mismatch is SecurityError. */
  private async checkTrees(older: Tree, olderNote: Uint8Array, newer: Tree, newerNote: Uint8Array): Promise<void> {
    const thr = tileHashReader(newer, this.tileReader);
    let h;
    try {
      h = await treeHash(older.n, thr);
    } catch (e) {
      const err = e as Error;
      const what = older.n === newer.n ? `checking tree#${older.n}` : `checking tree#${older.n} against tree#${newer.n}`;
      throw Object.assign(new Error(`${what}: ${err.message}`), { cause: err });
    }
    if (hashEqual(h, older.hash)) return;
    let proof: readonly Uint8Array[] = [];
    try {
      proof = await proveTree(newer.n, older.n, thr);
      checkTree(proof, newer.n, newer.hash, older.n, h);
    } catch {
      proof = [];
    }
    this.security = new SecurityError(td.decode(olderNote), td.decode(newerNote), older, newer, h, proof);
    throw this.security;
  }

  private async checkRecord(id: number, text: Uint8Array): Promise<void> {
    const latest = this.latest;
    const t = td.decode(text);
    if (id < 0 || id >= latest.n) throw new RecordAuthenticationError(id, t, `cannot validate record ${id} in tree of size ${latest.n}`);
    const [leaf] = await tileHashReader(latest, this.tileReader)([storedHashIndex(0, id)]);
    if (leaf === undefined || !hashEqual(leaf, recordHash(text))) {
      throw new RecordAuthenticationError(
        id,
        t,
        `cannot authenticate record data in server response (record ${id}: log has ${leaf ? formatHash(leaf) : "?"}, served text hashes to ${formatHash(recordHash(text))})`,
      );
    }
  }

  private readTile(t: Tile): Promise<Uint8Array> {
    const key = tileKey(t);
    let p = this.tiles.get(key);
    if (p === undefined) {
      p = this.readTileWork(t);
      this.tiles.set(key, p);
    }
    return p;
  }

  private async readTileWork(t: Tile): Promise<Uint8Array> {
    const cached = await this.ops.readCache(`${this.name}/${tilePath(t)}`);
    if (cached !== undefined) {
      this.tileSaved.add(tileKey(t));
      return cached;
    }
    const full = mkTile(t.h, t.l, t.n, pow2(t.h));
    const partial = t.w !== full.w;
    if (partial) {
      const c = await this.ops.readCache(`${this.name}/${tilePath(full)}`);
      if (c !== undefined) {
        this.tileSaved.add(tileKey(t));
        return c.subarray(0, Math.floor(c.length / full.w) * t.w);
      }
    }
    try {
      return await this.ops.readRemote(`/${tilePath(t)}`);
    } catch (e) {
      if (partial) {
        try {
          const d = await this.ops.readRemote(`/${tilePath(full)}`);
          return d.subarray(0, Math.floor(d.length / full.w) * t.w);
        } catch {
          // report the error of the requested tile
        }
      }
      throw e;
    }
  }

  private async saveTiles(tiles: readonly Tile[], data: readonly Uint8Array[]): Promise<void> {
    const writes: Promise<void>[] = [];
    tiles.forEach((t, i) => {
      const k = tileKey(t);
      if (this.tileSaved.has(k)) return;
      this.tileSaved.add(k);
      writes.push(this.ops.writeCache(`${this.name}/${tilePath(t)}`, data[i] as Uint8Array).catch(() => undefined));
    });
    await Promise.all(writes);
  }
}
