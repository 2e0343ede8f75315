/**
 * I/O for `goship doctor`: streams a log file or stdin into a Diagnoser in
 * 1 MiB chunks, gunzipping on the fly when the input starts with the gzip
 * magic bytes (several gzip members are read as one stream), and reports
 * progress (bytes read of the file's size) to a callback. Constant memory
 * whatever the input size. Leaves out other compressions (zstd, xz).
 */
import { createReadStream, statSync } from "node:fs";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { Diagnoser, type DiagnoseOptions } from "./engine.js";
import type { DoctorResult } from "./types.js";

const CHUNK = 1 << 20;

export interface SourceOptions extends DiagnoseOptions {
  /** Called now and then with input bytes read so far (compressed bytes for gzip). */
  readonly onProgress?: (read: number) => void;
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

/** Diagnoses one file; progress is reported against its size on disk. */
export async function diagnoseFile(path: string, opts: SourceOptions & { readonly onSize?: (size: number) => void } = {}): Promise<DoctorResult> {
  const size = statSync(path).size;
  opts.onSize?.(size);
  return diagnoseStream(createReadStream(path, { highWaterMark: CHUNK }), opts);
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
