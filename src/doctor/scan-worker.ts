/**
 * The worker thread of the pipelined reader (pipeline.ts): reads a log file
 * (gunzipping it when it starts with the gzip magic bytes) into a ring of
 * SLOTS buffers of SLOT_SIZE bytes, each holding whole lines (the partial
 * last line is carried to the next buffer), runs the stateless pre-filter
 * scan (line-scan.ts) on each, and hands buffer and records to the main
 * thread, which reads region k while this thread reads and scans region k+1.
 * A share of the regions goes to the main thread unscanned and it scans them
 * itself: the share grows when the main thread is found idle and shrinks
 * when it falls behind (no buffer free), so the scan, most of the work,
 * splits between the two threads by itself. Buffers are transferred, not copied, and
 * come back once read.
 *
 * A line longer than a whole buffer is handed over in buffer-sized pieces,
 * each read as a line (as Diagnoser.push does with a line over MAX_LINE that
 * fills a chunk).
 *
 * Messages to the main thread: `region`, `end`, `error` (ScanMessage).
 */
import { closeSync, createReadStream, openSync, readSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { createGunzip } from "node:zlib";
import { ScanRecords, scanRegion } from "./line-scan.js";

/** What the main thread passes (workerData). */
export interface ScanWorkerData {
  readonly path: string;
  readonly slotSize: number;
  readonly slots: number;
}

export type ScanMessage =
  | {
      readonly t: "region";
      /** The region's bytes: buf[0, to). */
      readonly buf: ArrayBuffer;
      readonly to: number;
      /** The region's last line ends at `to` without a newline. */
      readonly unterminated: boolean;
      /** Whether this thread scanned the region (else the main thread does). */
      readonly scanned: boolean;
      /** Int32Array buffer of scanRegion records (when scanned). */
      readonly recs: ArrayBuffer;
      readonly count: number;
      readonly newlines: number;
      /** Input bytes read so far (compressed bytes for gzip). */
      readonly read: number;
    }
  | { readonly t: "end" }
  | { readonly t: "error"; readonly message: string; readonly code?: string };

/** What the main thread sends back: a buffer and its records' buffer, read. */
export interface FreeMessage {
  readonly buf: ArrayBuffer;
  readonly recs: ArrayBuffer;
}

interface Slot {
  buf: Buffer;
  readonly recs: ScanRecords;
}

const port = parentPort;
if (port === null) throw new Error("scan-worker.js runs as a worker thread");
const { path, slotSize, slots } = workerData as ScanWorkerData;

const free: Slot[] = [];
for (let i = 0; i < slots; i++) free.push({ buf: Buffer.alloc(slotSize), recs: new ScanRecords(1 << 14) });
let waiting: ((s: Slot) => void) | undefined;
/** Regions handed over and not yet given back. */
let inFlight = 0;
port.on("message", (m: FreeMessage) => {
  inFlight--;
  const slot: Slot = { buf: Buffer.from(m.buf), recs: new ScanRecords(0) };
  slot.recs.data = new Int32Array(m.recs);
  if (waiting !== undefined) {
    const w = waiting;
    waiting = undefined;
    w(slot);
  } else free.push(slot);
});

function take(): Promise<Slot> | Slot {
  const s = free.pop();
  if (s !== undefined) return s;
  return new Promise((resolve) => (waiting = resolve));
}

/** The share of regions this thread scans (the main thread scans the others), adjusted as it goes. */
let share = 0.75;
const STEP = 1 / 32;
let due = 0;
let read = 0;
let cur: Slot = await take();
let fill = 0;

/** Hands buf[0, to) of the current slot over; the bytes past `to` start the next slot. */
async function emit(to: number, unterminated: boolean): Promise<void> {
  const slot = cur;
  // Take in the buffers given back so far (messages wait for the event loop), so the counts below are current.
  await new Promise<void>((resolve) => setImmediate(resolve));
  // The main thread idle: it takes a bigger share of the scanning.
  if (inFlight === 0) share = Math.max(0, share - STEP);
  due += share;
  const scanned = due >= 1;
  if (scanned) {
    due -= 1;
    scanRegion(slot.buf, 0, to, slot.recs);
  }
  // No buffer free: the main thread is behind, this one scans more.
  if (free.length === 0) share = Math.min(1, share + STEP);
  const next = await take();
  const carry = fill - to;
  if (carry > 0) slot.buf.copy(next.buf, 0, to, fill);
  const msg: ScanMessage = { t: "region", buf: slot.buf.buffer as ArrayBuffer, to, unterminated, scanned, recs: slot.recs.data.buffer as ArrayBuffer, count: slot.recs.count, newlines: slot.recs.newlines, read };
  port?.postMessage(msg, [slot.buf.buffer as ArrayBuffer, slot.recs.data.buffer as ArrayBuffer]);
  inFlight++;
  cur = next;
  fill = carry;
}

/** The current slot is full: hands over its whole lines (or all of it when it holds no newline). */
async function flushFull(): Promise<void> {
  const last = cur.buf.lastIndexOf(10, fill - 1);
  if (last >= 0) await emit(last + 1, false);
  else await emit(fill, true);
}

async function readPlain(fd: number): Promise<void> {
  for (;;) {
    const n = readSync(fd, cur.buf, fill, slotSize - fill, null);
    if (n === 0) return;
    read += n;
    fill += n;
    if (fill === slotSize) await flushFull();
  }
}

async function readGzip(): Promise<void> {
  const rs = createReadStream(path, { highWaterMark: 1 << 20 });
  const gz = createGunzip({ chunkSize: 1 << 20 });
  rs.on("error", (e) => gz.destroy(e));
  rs.pipe(gz);
  for await (const c of gz as AsyncIterable<Buffer>) {
    read = rs.bytesRead;
    for (let off = 0; off < c.length; ) {
      const n = Math.min(c.length - off, slotSize - fill);
      c.copy(cur.buf, fill, off, off + n);
      fill += n;
      off += n;
      if (fill === slotSize) await flushFull();
    }
  }
}

try {
  const fd = openSync(path, "r");
  try {
    const head = Buffer.alloc(2);
    const gzip = readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
    if (gzip) await readGzip();
    else await readPlain(fd);
  } finally {
    closeSync(fd);
  }
  if (fill > 0) await emit(fill, cur.buf[fill - 1] !== 10);
  port.postMessage({ t: "end" } satisfies ScanMessage);
} catch (e) {
  const err = e as NodeJS.ErrnoException;
  port.postMessage({ t: "error", message: err.message, ...(err.code !== undefined ? { code: err.code } : {}) } satisfies ScanMessage);
}
