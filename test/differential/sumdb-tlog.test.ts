/**
 * src/sumdb/tlog against golang.org/x/mod/sumdb/tlog (oracle-sumdb): stored
 * hash numbering (also for large indexes), tree hashes of every prefix of a
 * random log, record and tree proofs for random pairs, tile data and
 * NewTiles, tile path parsing (canonical paths and mutations), proof checks
 * on mutated proofs, tree notes and lookup records.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  checkRecord, checkTree, formatHash, formatTree, memoryHashReader, newTiles, parseHash, parseRecord, parseTilePath, parseTree,
  proveRecord, proveTree, readTileData, splitStoredHashIndex, storedHashCount, storedHashes, storedHashIndex, tileForIndex, tilePath,
  treeHash, type Hash,
} from "../../src/sumdb/tlog/index.js";
import { runOracle } from "../support/oracle.js";
import { rngFromEnv, type Rng } from "../support/random.js";

const b64 = (b: Uint8Array): string => Buffer.from(b).toString("base64");
const errOf = (f: () => unknown): string => {
  try {
    f();
    return "";
  } catch (e) {
    return (e as Error).message;
  }
};

test("stored hash index math and tile-for-index agree, up to 2^40", async () => {
  const rng = rngFromEnv();
  console.log(`seed ${rng.seed}`);
  const reqs: { level: number; n: number; index: number; height: number }[] = [];
  for (let i = 0; i < 3000; i++) {
    const big = rng.int(4) === 0;
    const n = big ? Math.floor(rng.next() * 2 ** 40) : rng.int(5000);
    reqs.push({ level: rng.int(big ? 8 : 20), n, index: big ? Math.floor(rng.next() * 2 ** 41) : rng.int(20000), height: rng.pick([1, 2, 8, 10, 30]) });
  }
  const want = await runOracle<typeof reqs[number], Record<string, unknown>>("sumdb", "tlog-index", reqs);
  reqs.forEach((r, i) => {
    const [level, n] = splitStoredHashIndex(r.index);
    const got = { stored: storedHashIndex(r.level, r.n), count: storedHashCount(r.n), splitLevel: level, splitN: n, tile: tilePath(tileForIndex(r.height, r.index)) };
    assert.deepEqual(got, want[i], JSON.stringify(r));
  });
  console.log(`index math: ${reqs.length} agree`);
});

test("tree hashes, record and tree proofs, tiles of random logs agree", async () => {
  const rng = rngFromEnv();
  console.log(`seed ${rng.seed}`);
  let checked = 0;
  for (const size of [1, 2, 3, 7, 8, 9, 100, 255, 256, 257, 700]) {
    const records = Array.from({ length: size }, (_, i) => Buffer.from(`example.com/m${i} v1.0.${i} h1:${"x".repeat(rng.int(20))}\n`));
    const stored: Hash[] = [];
    for (let i = 0; i < size; i++) stored.push(...(await storedHashes(i, records[i] as Uint8Array, memoryHashReader(stored))));
    const r = memoryHashReader(stored);
    const treeSizes = Array.from({ length: Math.min(size + 1, 60) }, () => rng.int(size + 1));
    const recordProofs = Array.from({ length: 40 }, () => [size, rng.int(size)] as [number, number]);
    const treeProofs = Array.from({ length: 40 }, () => [size, 1 + rng.int(size)] as [number, number]);
    const tilesWanted = new Set<string>();
    for (const h of [1, 2, 8]) for (const t of newTiles(h, rng.int(size), size)) tilesWanted.add(tilePath(t));
    const tiles = [...tilesWanted];
    const newTileQs = Array.from({ length: 10 }, () => [rng.pick([1, 2, 8]), rng.int(size), size] as [number, number, number]);
    const [w] = await runOracle<object, { stored: string[]; storedCount: number; treeHashes: string[]; recordProofs: string[][]; treeProofs: string[][]; tiles: string[]; newTiles: string[][] }>(
      "sumdb",
      "tlog-log",
      [{ records: records.map(b64), treeSizes, recordProofs, treeProofs, tiles, newTiles: newTileQs }],
    );
    assert.ok(w);
    assert.deepEqual(stored.map(formatHash), w.stored, `stored hashes of ${size}`);
    assert.equal(storedHashCount(size), w.storedCount);
    for (const [i, n] of treeSizes.entries()) assert.equal(formatHash(await treeHash(n, r)), w.treeHashes[i], `TreeHash(${n})`);
    const root = await treeHash(size, r);
    for (const [i, [t, n]] of recordProofs.entries()) {
      const p = await proveRecord(t, n, r);
      assert.deepEqual(p.map(formatHash), w.recordProofs[i], `ProveRecord(${t}, ${n})`);
      checkRecord(p, t, root, n, stored[storedHashIndex(0, n)] as Hash);
      checked++;
    }
    for (const [i, [t, n]] of treeProofs.entries()) {
      const p = await proveTree(t, n, r);
      assert.deepEqual(p.map(formatHash), w.treeProofs[i], `ProveTree(${t}, ${n})`);
      checkTree(p, t, root, n, await treeHash(n, r));
      checked++;
    }
    for (const [i, path] of tiles.entries()) assert.equal(b64(await readTileData(parseTilePath(path), r)), w.tiles[i], `tile ${path}`);
    for (const [i, [h, o, n]] of newTileQs.entries()) assert.deepEqual(newTiles(h, o, n).map(tilePath), w.newTiles[i], `NewTiles(${h}, ${o}, ${n})`);
  }
  console.log(`logs: ${checked} proofs agree and verify`);
});

test("proof checks reject the same mutated proofs as CheckRecord / CheckTree", async () => {
  const rng = rngFromEnv();
  console.log(`seed ${rng.seed}`);
  const size = 300;
  const stored: Hash[] = [];
  for (let i = 0; i < size; i++) stored.push(...(await storedHashes(i, Buffer.from(`r${i}\n`), memoryHashReader(stored))));
  const r = memoryHashReader(stored);
  const reqs: { kind: string; proof: string[]; t: number; th: string; n: number; h: string }[] = [];
  for (let i = 0; i < 600; i++) {
    const kind = rng.pick(["record", "tree"]);
    const t = 1 + rng.int(size);
    const n = kind === "record" ? rng.int(t) : 1 + rng.int(t);
    const th = await treeHash(t, r);
    const h = kind === "record" ? (stored[storedHashIndex(0, n)] as Hash) : await treeHash(n, r);
    let proof = (kind === "record" ? await proveRecord(t, n, r) : await proveTree(t, n, r)).map(formatHash);
    let nn = n;
    switch (rng.int(5)) {
      case 0:
        break; // honest
      case 1:
        if (proof.length > 0) proof = proof.slice(0, -1);
        break;
      case 2:
        if (proof.length > 0) {
          const k = rng.int(proof.length);
          const bytes = parseHash(proof[k] as string) as Hash;
          const at = rng.int(32);
          bytes[at] = (bytes[at] as number) ^ (1 << rng.int(8));
          proof[k] = formatHash(bytes);
        }
        break;
      case 3:
        proof = [...proof, formatHash(stored[0] as Hash)];
        break;
      default:
        nn = kind === "record" ? rng.int(t) : 1 + rng.int(t);
    }
    reqs.push({ kind, proof, t, th: formatHash(th), n: nn, h: formatHash(h) });
  }
  const want = await runOracle<typeof reqs[number], { err: string }>("sumdb", "tlog-check", reqs);
  let rejected = 0;
  reqs.forEach((q, i) => {
    const p = q.proof.map((s) => parseHash(s) as Hash);
    const th = parseHash(q.th) as Hash;
    const h = parseHash(q.h) as Hash;
    const got = errOf(() => (q.kind === "record" ? checkRecord(p, q.t, th, q.n, h) : checkTree(p, q.t, th, q.n, h)));
    assert.equal(got, want[i]?.err, JSON.stringify(q));
    if (got !== "") rejected++;
  });
  console.log(`proof checks: ${reqs.length} agree (${rejected} rejected by both)`);
});

test("tile paths parse as ParseTilePath does, canonical and mutated", async () => {
  const rng = rngFromEnv();
  console.log(`seed ${rng.seed}`);
  const paths = ["tile/8/0/000", "tile/8/data/x001/234.p/5", "tile/8/1/x123/x456/789", "tile/30/63/000.p/1", "tile/8/0/256", "tile/8/0/x000/001", "tile/08/0/001", "tile/8/-1/001", "tile/8/0/001.p/256", "tile/8/0/+01", "tile/31/0/001", "tile/8/0/001.p/0", "tile/8/0/001.p"];
  for (let i = 0; i < 500; i++) {
    const t = { h: 1 + rng.int(30), l: rng.int(3) - (rng.int(4) === 0 ? 1 : 0), n: rng.int(4) === 0 ? rng.int(10 ** 9) : rng.int(3000), w: 0 };
    t.w = 1 + rng.int(2 ** Math.min(t.h, 12));
    let p = tilePath(t);
    if (rng.int(2) === 0) {
      const j = rng.int(p.length);
      p = p.slice(0, j) + rng.pick(["x", "/", "0", ".p", "-", "+", "9", ""]) + p.slice(j + 1);
    }
    paths.push(p);
  }
  const want = await runOracle<{ path: string }, Record<string, unknown>>("sumdb", "tile-path", paths.map((path) => ({ path })));
  paths.forEach((path, i) => {
    let got: Record<string, unknown>;
    try {
      const t = parseTilePath(path);
      got = { err: "", h: t.h, l: t.l, n: t.n, w: t.w, path: tilePath(t) };
    } catch (e) {
      got = { err: (e as Error).message };
    }
    assert.deepEqual(got, want[i], path);
  });
  console.log(`tile paths: ${paths.length} agree`);
});

test("tree notes and lookup records parse as ParseTree / ParseRecord do", async () => {
  const rng = rngFromEnv();
  console.log(`seed ${rng.seed}`);
  const hash = formatHash(new Uint8Array(32).fill(7));
  const trees = [formatTree({ n: 5, hash: parseHash(hash) as Hash }), `go.sum database tree\n0\n${hash}\n`, `go.sum database tree\n05\n${hash}\n`, `go.sum database tree\n-1\n${hash}\n`, `go.sum database tree\n12\n${hash}\nextra\n`, `go.sum database tree\n12\n${hash}`, `go.sum database tree\n12\nAAAA\n`];
  for (let i = 0; i < 300; i++) {
    const t = rng.pick(trees);
    const j = rng.int(t.length);
    trees.push(t.slice(0, j) + rng.pick(["\n", "1", "+", " ", "", "="]) + t.slice(j + 1));
  }
  const tw = await runOracle<{ text: string }, Record<string, unknown>>("sumdb", "tree-parse", trees.map((text) => ({ text })));
  trees.forEach((text, i) => {
    let got: Record<string, unknown>;
    try {
      const t = parseTree(text);
      got = { err: "", n: t.n, hash: formatHash(t.hash), format: formatTree(t) };
    } catch (e) {
      got = { err: (e as Error).message };
    }
    assert.deepEqual(got, tw[i], JSON.stringify(text));
  });
  const recs = ["12\nexample.com/m v1.0.0 h1:abc=\nexample.com/m v1.0.0/go.mod h1:def=\n\ngo.sum database tree\n", "007\na\n\n", "+3\na\n\nrest", "x\na\n\n", "3\n\n\n", "3\na", "-2\nb\n\n"];
  for (let i = 0; i < 300; i++) {
    const t = rng.pick(recs);
    const j = rng.int(t.length);
    recs.push(t.slice(0, j) + rng.pick(["\n", "\n\n", "1", "\u0001", " ", ""]) + t.slice(j + 1));
  }
  const rw = await runOracle<{ msg: string }, Record<string, unknown>>("sumdb", "record-parse", recs.map((r) => ({ msg: Buffer.from(r).toString("base64") })));
  recs.forEach((r, i) => {
    let got: Record<string, unknown>;
    try {
      const p = parseRecord(Buffer.from(r));
      got = { err: "", id: p.id, text: b64(p.text), rest: b64(p.rest) };
    } catch (e) {
      got = { err: (e as Error).message };
    }
    assert.deepEqual(got, rw[i], JSON.stringify(r));
  });
  console.log(`tree notes: ${trees.length} agree; records: ${recs.length} agree`);
});
