/**
 * Tree hashes and the two Merkle proofs of golang.org/x/mod/sumdb/tlog
 * (v0.43.0), RFC 6962 section 2.1: TreeHash(n) over the stored hashes;
 * a record proof (record n is leaf n of the tree of size t) and a tree
 * proof (the tree of size n is a prefix of the tree of size t), each a list
 * of hashes in the order x/mod produces and checks them. Check functions
 * throw ProofFailedError ("invalid transparency proof") and return nothing
 * when the proof holds.
 */
import { EMPTY_TREE_HASH, type Hash, type HashReader, hashEqual, maxpow2, nodeHash, shr, storedHashIndex } from "./hash.js";

/** The proof does not lead to the expected tree hash. */
export class ProofFailedError extends Error {
  override readonly name = "ProofFailedError";
  constructor() {
    super("invalid transparency proof");
  }
}

function subTreeIndex(lo: number, hi: number, need: number[]): number[] {
  while (lo < hi) {
    const [k, level] = maxpow2(hi - lo + 1);
    if (lo % k !== 0) throw new Error("tlog: bad math in subTreeIndex");
    need.push(storedHashIndex(level, shr(lo, level)));
    lo += k;
  }
  return need;
}

function subTreeHash(lo: number, hi: number, hashes: readonly Hash[]): [Hash, readonly Hash[]] {
  let numTree = 0;
  while (lo < hi) {
    const [k] = maxpow2(hi - lo + 1);
    if (lo % k !== 0 || lo >= hi) throw new Error("tlog: bad math in subTreeHash");
    numTree++;
    lo += k;
  }
  if (hashes.length < numTree) throw new Error("tlog: bad index math in subTreeHash");
  let h = hashes[numTree - 1] as Hash;
  for (let i = numTree - 2; i >= 0; i--) h = nodeHash(hashes[i] as Hash, h);
  return [h, hashes.slice(numTree)];
}

async function read(r: HashReader, indexes: readonly number[]): Promise<readonly Hash[]> {
  const hashes = await r(indexes);
  if (hashes.length !== indexes.length) throw new Error(`tlog: ReadHashes(${indexes.length} indexes) = ${hashes.length} hashes`);
  return hashes;
}

/** The stored-hash indexes TreeHash(n) reads (the complete subtrees of a tree of size n). */
export function treeHashIndexes(n: number): number[] {
  return subTreeIndex(0, n, []);
}

/** tlog.TreeHash. */
export async function treeHash(n: number, r: HashReader): Promise<Hash> {
  if (n === 0) return EMPTY_TREE_HASH;
  const indexes = subTreeIndex(0, n, []);
  const hashes = await read(r, indexes);
  const [h, rest] = subTreeHash(0, n, hashes);
  if (rest.length !== 0) throw new Error("tlog: bad index math in TreeHash");
  return h;
}

function leafProofIndex(lo: number, hi: number, n: number, need: number[]): number[] {
  if (!(lo <= n && n < hi)) throw new Error("tlog: bad math in leafProofIndex");
  if (lo + 1 === hi) return need;
  const [k] = maxpow2(hi - lo);
  if (n < lo + k) {
    leafProofIndex(lo, lo + k, n, need);
    subTreeIndex(lo + k, hi, need);
  } else {
    subTreeIndex(lo, lo + k, need);
    leafProofIndex(lo + k, hi, n, need);
  }
  return need;
}

function leafProof(lo: number, hi: number, n: number, hashes: readonly Hash[]): [Hash[], readonly Hash[]] {
  if (!(lo <= n && n < hi)) throw new Error("tlog: bad math in leafProof");
  if (lo + 1 === hi) return [[], hashes];
  let p: Hash[];
  let th: Hash;
  const [k] = maxpow2(hi - lo);
  if (n < lo + k) {
    [p, hashes] = leafProof(lo, lo + k, n, hashes);
    [th, hashes] = subTreeHash(lo + k, hi, hashes);
  } else {
    [th, hashes] = subTreeHash(lo, lo + k, hashes);
    [p, hashes] = leafProof(lo + k, hi, n, hashes);
  }
  p.push(th);
  return [p, hashes];
}

/** tlog.ProveRecord: the proof that record n is in the tree of size t. */
export async function proveRecord(t: number, n: number, r: HashReader): Promise<Hash[]> {
  if (t < 0 || n < 0 || n >= t) throw new Error("tlog: invalid inputs in ProveRecord");
  const indexes = leafProofIndex(0, t, n, []);
  if (indexes.length === 0) return [];
  const [p, rest] = leafProof(0, t, n, await read(r, indexes));
  if (rest.length !== 0) throw new Error("tlog: bad index math in ProveRecord");
  return p;
}

function runRecordProof(p: readonly Hash[], lo: number, hi: number, n: number, leaf: Hash): Hash {
  if (!(lo <= n && n < hi)) throw new Error("tlog: bad math in runRecordProof");
  if (lo + 1 === hi) {
    if (p.length !== 0) throw new ProofFailedError();
    return leaf;
  }
  if (p.length === 0) throw new ProofFailedError();
  const [k] = maxpow2(hi - lo);
  const last = p[p.length - 1] as Hash;
  if (n < lo + k) return nodeHash(runRecordProof(p.slice(0, -1), lo, lo + k, n, leaf), last);
  return nodeHash(last, runRecordProof(p.slice(0, -1), lo + k, hi, n, leaf));
}

/** tlog.CheckRecord: throws unless `p` proves that record n (hash h) is in the tree of size t with hash th. */
export function checkRecord(p: readonly Hash[], t: number, th: Hash, n: number, h: Hash): void {
  if (t < 0 || n < 0 || n >= t) throw new Error("tlog: invalid inputs in CheckRecord");
  if (!hashEqual(runRecordProof(p, 0, t, n, h), th)) throw new ProofFailedError();
}

function treeProofIndex(lo: number, hi: number, n: number, need: number[]): number[] {
  if (!(lo < n && n <= hi)) throw new Error("tlog: bad math in treeProofIndex");
  if (n === hi) return lo === 0 ? need : subTreeIndex(lo, hi, need);
  const [k] = maxpow2(hi - lo);
  if (n <= lo + k) {
    treeProofIndex(lo, lo + k, n, need);
    subTreeIndex(lo + k, hi, need);
  } else {
    subTreeIndex(lo, lo + k, need);
    treeProofIndex(lo + k, hi, n, need);
  }
  return need;
}

function treeProof(lo: number, hi: number, n: number, hashes: readonly Hash[]): [Hash[], readonly Hash[]] {
  if (!(lo < n && n <= hi)) throw new Error("tlog: bad math in treeProof");
  if (n === hi) {
    if (lo === 0) return [[], hashes];
    const [th, rest] = subTreeHash(lo, hi, hashes);
    return [[th], rest];
  }
  let p: Hash[];
  let th: Hash;
  const [k] = maxpow2(hi - lo);
  if (n <= lo + k) {
    [p, hashes] = treeProof(lo, lo + k, n, hashes);
    [th, hashes] = subTreeHash(lo + k, hi, hashes);
  } else {
    [th, hashes] = subTreeHash(lo, lo + k, hashes);
    [p, hashes] = treeProof(lo + k, hi, n, hashes);
  }
  p.push(th);
  return [p, hashes];
}

/** tlog.ProveTree: the proof that the tree of size n is a prefix of the tree of size t. */
export async function proveTree(t: number, n: number, r: HashReader): Promise<Hash[]> {
  if (t < 1 || n < 1 || n > t) throw new Error("tlog: invalid inputs in ProveTree");
  const indexes = treeProofIndex(0, t, n, []);
  if (indexes.length === 0) return [];
  const [p, rest] = treeProof(0, t, n, await read(r, indexes));
  if (rest.length !== 0) throw new Error("tlog: bad index math in ProveTree");
  return p;
}

function runTreeProof(p: readonly Hash[], lo: number, hi: number, n: number, old: Hash): [Hash, Hash] {
  if (!(lo < n && n <= hi)) throw new Error("tlog: bad math in runTreeProof");
  if (n === hi) {
    if (lo === 0) {
      if (p.length !== 0) throw new ProofFailedError();
      return [old, old];
    }
    if (p.length !== 1) throw new ProofFailedError();
    return [p[0] as Hash, p[0] as Hash];
  }
  if (p.length === 0) throw new ProofFailedError();
  const [k] = maxpow2(hi - lo);
  const last = p[p.length - 1] as Hash;
  if (n <= lo + k) {
    const [oh, th] = runTreeProof(p.slice(0, -1), lo, lo + k, n, old);
    return [oh, nodeHash(th, last)];
  }
  const [oh, th] = runTreeProof(p.slice(0, -1), lo + k, hi, n, old);
  return [nodeHash(last, oh), nodeHash(last, th)];
}

/** tlog.CheckTree: throws unless `p` proves the tree (n, h) is a prefix of the tree (t, th). */
export function checkTree(p: readonly Hash[], t: number, th: Hash, n: number, h: Hash): void {
  if (t < 1 || n < 1 || n > t) throw new Error("tlog: invalid inputs in CheckTree");
  const [h2, th2] = runTreeProof(p, 0, t, n, h);
  if (!hashEqual(th2, th) || !hashEqual(h2, h)) throw new ProofFailedError();
}
