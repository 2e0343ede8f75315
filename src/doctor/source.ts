/**
 * I/O for `goship doctor`: streams a log file or stdin into a Diagnoser in
 * 1 MiB chunks (a plain file through two reused buffers), gunzipping on the fly when the input starts with the gzip
 * magic bytes (several gzip members are read as one stream), and reports
 * progress (bytes read of the file's size) to a callback. Constant memory
 * whatever the input size. A file of PIPELINE_MIN bytes or more, with a
 * second CPU to run on, is read by the pipelined reader (pipeline.ts: the
 * pre-filter scan on a worker thread); the result is the same.
 * GOSHIP_DOCTOR_PIPELINE=on|off forces the choice for every file. Leaves out
 * other compressions (zstd, xz).
 */
import { createReadStream, statSync } from "node:fs";
import { open } from "node:fs/promises";
import { availableParallelism, loadavg } from "node:os";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { Diagnoser, type DiagnoseOptions } from "./engine.js";
import { diagnoseFilePipelined } from "./pipeline.js";
import type { DoctorResult } from "./types.js";

const CHUNK = 1 << 20;
/** Files this big or bigger (on disk) are read pipelined: below, a worker's start costs more than it saves. */
export const PIPELINE_MIN = 16 << 20;

export interface SourceOptions extends DiagnoseOptions {
  /** Called now and then with input bytes read so far (compressed bytes for gzip). */
  readonly onProgress?: (read: number) => void;
  /** Files only: scan on a worker thread (true), on this thread (false); default: by size, CPUs and load. */
  readonly pipelined?: boolean;
}

/** Diagnoses everything `src` yields. */
export async function diagnoseStream(src: Readable, opts: SourceOptions = {}): Promise<DoctorResult> {
  const d = new Diagnoser(opts);
  let read = 0;
  let lastReport = 0;
  const counted = async function* (): AsyncGenerator<Buffer> {
    for await (const c of src) {
      const b = typeof c === "string" ? Buffer.from(c) : (c as Buffer);
      read += b.length;
      if (opts.onProgress !== undefined && read - lastReport >= 16 * CHUNK) {
        lastReport = read;
        opts.onProgress(read);
      }
      yield b;
    }
  };
  for await (const chunk of maybeGunzip(counted())) d.push(chunk);
  return d.end();
}

/** Load average per CPU from which the pipelined reader is not used. */
const OVERLOAD = 4;

/**
 * Whether a second thread is worth starting: two CPUs or more, and a machine
 * not heavily oversubscribed (1-minute load average under OVERLOAD per CPU).
 * Past that, CPU time is shared per session and a second thread gains
 * nothing while its hand-offs wait for the scheduler.
 */
function spareCpu(): boolean {
  const cpus = availableParallelism();
  return cpus > 1 && (loadavg()[0] as number) < OVERLOAD * cpus;
}

/** Diagnoses one file; progress is reported against its size on disk. */
export async function diagnoseFile(path: string, opts: SourceOptions & { readonly onSize?: (size: number) => void } = {}): Promise<DoctorResult> {
  const size = statSync(path).size;
  opts.onSize?.(size);
  const env = process.env.GOSHIP_DOCTOR_PIPELINE;
  const forced = env === "on" ? true : env === "off" ? false : undefined;
  if (opts.pipelined ?? forced ?? (size >= PIPELINE_MIN && spareCpu())) return diagnoseFilePipelined(path, opts);
  return diagnosePlainFile(path, opts);
}

/**
 * A file on one thread: read in CHUNK pieces into two buffers used in turn
 * (the next piece is read while this one is diagnosed; nothing to collect);
 * gzip goes through the stream path.
 */
async function diagnosePlainFile(path: string, opts: SourceOptions): Promise<DoctorResult> {
  const fh = await open(path, "r");
  let closed = false;
  try {
    const bufs = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
    let k = 0;
    let { bytesRead } = await fh.read(bufs[0] as Buffer, 0, CHUNK, null);
    const head = bufs[0] as Buffer;
    if (bytesRead >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
      await fh.close();
      closed = true;
      return await diagnoseStream(createReadStream(path, { highWaterMark: CHUNK }), opts);
    }
    const d = new Diagnoser(opts);
    let read = 0;
    let lastReport = 0;
    while (bytesRead > 0) {
      const cur = bufs[k] as Buffer;
      k ^= 1;
      const next = fh.read(bufs[k] as Buffer, 0, CHUNK, null);
      read += bytesRead;
      d.push(cur.subarray(0, bytesRead));
      if (opts.onProgress !== undefined && read - lastReport >= 16 * CHUNK) {
        lastReport = read;
        opts.onProgress(read);
      }
      ({ bytesRead } = await next);
    }
    return d.end();
  } finally {
    if (!closed) await fh.close();
  }
}

async function* maybeGunzip(chunks: AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
  const first = await chunks.next();
  if (first.done === true) return;
  const head = first.value;
  const all = async function* (): AsyncGenerator<Buffer> {
    yield head;
    for await (const c of { [Symbol.asyncIterator]: () => chunks }) yield c;
  };
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
    const gunzip = createGunzip({ chunkSize: CHUNK });
    const feed = (async () => {
      for await (const c of all()) if (!gunzip.write(c)) await new Promise((r) => gunzip.once("drain", r));
      gunzip.end();
    })();
    feed.catch((e: unknown) => gunzip.destroy(e as Error));
    for await (const c of gunzip) yield c as Buffer;
    await feed;
  } else {
    yield* all();
  }
}
