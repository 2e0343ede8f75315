/**
 * src/sumdb/note against golang.org/x/mod/sumdb/note (oracle-sumdb):
 * verifier-key parsing (valid keys and random mutations of them), Open on
 * notes signed by one, two or unknown keys and on random byte mutations of
 * them (same text, signatures, error class), and Sign (byte-identical
 * output: Ed25519 is deterministic).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { generateNoteKey, NoteError, openNote, parseSignerKey, parseVerifierKey, signNote, verifierList } from "../../src/sumdb/note/index.js";
import { runOracle } from "../support/oracle.js";
import { rngFromEnv, type Rng } from "../support/random.js";

const b64 = (b: Uint8Array): string => Buffer.from(b).toString("base64");

function mutateString(rng: Rng, s: string): string {
  const i = rng.int(s.length + 1);
  const chars = "+/=ABCaz09 \n—x\u0000";
  switch (rng.int(3)) {
    case 0:
      return s.slice(0, i) + s.slice(i + 1);
    case 1:
      return s.slice(0, i) + rng.pick([...chars]) + s.slice(i);
    default:
      return s.slice(0, i) + rng.pick([...chars]) + s.slice(i + 1);
  }
}

function mutateBytes(rng: Rng, b: Uint8Array): Uint8Array {
  const out = Buffer.from(b);
  const i = rng.int(out.length);
  switch (rng.int(4)) {
    case 0:
      out[i] = (out[i] as number) ^ (1 << rng.int(8));
      return out;
    case 1:
      return Buffer.concat([out.subarray(0, i), out.subarray(i + 1)]);
    case 2:
      return Buffer.concat([out.subarray(0, i), Buffer.from([rng.pick([0x0a, 0x20, 0x00, 0xe2, 0x80, 0x94, 0x41])]), out.subarray(i)]);
    default:
      return Buffer.concat([out.subarray(0, i), Buffer.from("\n\n"), out.subarray(i)]);
  }
}

interface OpenAnswer {
  err: string;
  errType: string;
  text?: string;
  sigs?: { name: string; hash: number; base64: string }[];
  unverified?: { name: string; hash: number; base64: string }[];
}

function goshipOpen(msg: Uint8Array, keys: readonly string[]): OpenAnswer {
  try {
    const n = openNote(msg, verifierList(...keys.map(parseVerifierKey)));
    return { err: "", errType: "", text: n.text, sigs: [...n.sigs], unverified: [...n.unverifiedSigs] };
  } catch (e) {
    const err = e as NoteError & { note?: { text: string; sigs: readonly never[]; unverifiedSigs: readonly never[] } };
    const type = ["UnverifiedNoteError", "InvalidSignatureError", "UnknownVerifierError"].includes(err.name) ? err.name : "error";
    const out: OpenAnswer = { err: err.message, errType: type };
    if (err.name === "UnverifiedNoteError" && err.note) {
      out.text = err.note.text;
      out.sigs = [...err.note.sigs];
      out.unverified = [...err.note.unverifiedSigs];
    }
    return out;
  }
}

test("verifier keys: valid and mutated keys parse (or fail) as x/mod's NewVerifier", async () => {
  const rng = rngFromEnv();
  console.log(`seed ${rng.seed}`);
  const keys: string[] = [];
  for (const name of ["goship.test/sumdb", "a", "ex.example/x/y", "ünïcode"]) keys.push(generateNoteKey(name).verifierKey);
  const cases = [...keys, "", "a+b+c", "x+00000000+AQ==", keys[0] + "=", keys[0]!.replace("+", "++")];
  for (let i = 0; i < 400; i++) cases.push(mutateString(rng, rng.pick(keys)));
  const want = await runOracle<{ key: string }, { err: string; name?: string; hash?: number }>("sumdb", "note-verifier", cases.map((key) => ({ key })));
  let agree = 0;
  cases.forEach((key, i) => {
    let got: { err: string; name?: string; hash?: number };
    try {
      const v = parseVerifierKey(key);
      got = { err: "", name: v.name, hash: v.keyHash };
    } catch (e) {
      got = { err: (e as Error).message };
    }
    assert.deepEqual(got, want[i], `key ${JSON.stringify(key)}`);
    agree++;
  });
  console.log(`verifier keys: ${agree}/${cases.length} agree`);
});

test("openNote and signNote agree with note.Open / note.Sign, also on mutated notes", async () => {
  const rng = rngFromEnv();
  console.log(`seed ${rng.seed}`);
  const a = generateNoteKey("goship.test/a");
  const b = generateNoteKey("goship.test/b");
  const texts = ["go.sum database tree\n5\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n", "hello\n", "ünïcode text\nline two\n"];
  // Sign: byte-identical (Ed25519 signatures are deterministic).
  const signReqs = texts.flatMap((text) => [{ text, skeys: [a.signerKey] }, { text, skeys: [a.signerKey, b.signerKey] }, { text: "no newline", skeys: [a.signerKey] }]);
  const signed = await runOracle<{ text: string; skeys: string[] }, { err: string; msg: string }>("sumdb", "note-sign", signReqs);
  signReqs.forEach((r, i) => {
    let got: { err: string; msg: string };
    try {
      got = { err: "", msg: b64(signNote({ text: r.text }, ...r.skeys.map(parseSignerKey))) };
    } catch (e) {
      got = { err: (e as Error).message, msg: "" };
    }
    assert.deepEqual(got, signed[i], `sign ${JSON.stringify(r)}`);
  });
  // Open: originals with several key sets, then mutations.
  const msgs = signed.filter((s) => s.err === "").map((s) => new Uint8Array(Buffer.from(s.msg, "base64")));
  const keySets = [[a.verifierKey], [b.verifierKey], [a.verifierKey, b.verifierKey], [generateNoteKey("goship.test/a").verifierKey]];
  const reqs: { msg: string; keys: string[] }[] = [];
  for (const m of msgs) for (const keys of keySets) reqs.push({ msg: b64(m), keys });
  for (let i = 0; i < 1500; i++) {
    let m: Uint8Array = rng.pick(msgs);
    for (let k = rng.int(3) + 1; k > 0; k--) m = mutateBytes(rng, m);
    reqs.push({ msg: b64(m), keys: rng.pick(keySets) });
  }
  const want = await runOracle<{ msg: string; keys: string[] }, OpenAnswer>("sumdb", "note-open", reqs);
  const counts = { verified: 0, rejected: 0 };
  reqs.forEach((r, i) => {
    const got = goshipOpen(new Uint8Array(Buffer.from(r.msg, "base64")), r.keys);
    const w = want[i] as OpenAnswer;
    assert.deepEqual(got, { ...w, ...(w.sigs ? {} : {}) }, `open ${r.msg} with ${r.keys.join(",")}`);
    if (w.err === "") counts.verified++;
    else counts.rejected++;
  });
  console.log(`notes: ${reqs.length} agree (${counts.verified} verified, ${counts.rejected} rejected by both)`);
});
