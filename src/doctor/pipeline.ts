/**
 * The pipelined reader for big log files: a worker thread (scan-worker.ts)
 * reads the file (gunzipping it if need be) and runs the stateless
 * pre-filter scan on region k+1 while this thread runs the Diagnoser's
 * stateful part on region k, so the two halves of the work share the CPUs.
 * The result is the one Diagnoser.push gives for the same bytes (both go
 * through scanRegion and the same consuming code); only lines longer than a
 * whole region buffer (SLOT_SIZE) are cut at other places than in 1 MiB chunks.
 *
 * Leaves out stdin (read on one thread by source.ts).
 */
import { Worker } from "node:worker_threads";
import { Diagnoser, type DiagnoseOptions } from "./engine.js";
import { ScanRecords } from "./line-scan.js";
import type { FreeMessage, ScanMessage, ScanWorkerData } from "./scan-worker.js";
import type { DoctorResult } from "./types.js";

/** Bytes per region buffer (a whole number of lines, up to this). */
export const SLOT_SIZE = 4 << 20;
/** Region buffers in the ring (the worker reads ahead up to SLOTS - 1 of them). */
const SLOTS = 4;
const PROGRESS_EVERY = 16 << 20;

export interface PipelineOptions extends DiagnoseOptions {
  readonly onProgress?: (read: number) => void;
}

/** Diagnoses the file at `path` with the scan on a worker thread. */
export function diagnoseFilePipelined(path: string, opts: PipelineOptions = {}): Promise<DoctorResult> {
  return new Promise<DoctorResult>((resolve, reject) => {
    const d = new Diagnoser(opts);
    const data: ScanWorkerData = { path, slotSize: SLOT_SIZE, slots: SLOTS };
    const worker = new Worker(new URL("./scan-worker.js", import.meta.url), { workerData: data });
    let settled = false;
    let lastReport = 0;
    const own = new ScanRecords(1 << 14);
    const finish = (err: Error | undefined, result?: DoctorResult): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (err !== undefined) reject(err);
      else resolve(result as DoctorResult);
    };
    worker.on("message", (m: ScanMessage) => {
      if (settled) return;
      try {
        switch (m.t) {
          case "region": {
            const buf = Buffer.from(m.buf, 0, m.to);
            if (m.scanned) d.pushScanned(buf, m.to, m.unterminated, new Int32Array(m.recs), m.count, m.newlines);
            else d.pushRegion(buf, m.to, m.unterminated, own);
            const back: FreeMessage = { buf: m.buf, recs: m.recs };
            worker.postMessage(back, [m.buf, m.recs]);
            if (opts.onProgress !== undefined && m.read - lastReport >= PROGRESS_EVERY) {
              lastReport = m.read;
              opts.onProgress(m.read);
            }
            return;
          }
          case "end":
            finish(undefined, d.end());
            return;
          case "error":
            finish(Object.assign(new Error(m.message), m.code !== undefined ? { code: m.code } : {}));
            return;
        }
      } catch (e) {
        finish(e as Error);
      }
    });
    worker.on("error", (e) => finish(e));
    worker.on("exit", (code) => finish(new Error(`the doctor's scan worker stopped (exit code ${code})`)));
  });
}
