/**
 * The synthetic build logs of bench/doctor (and of the doctor's pipelined
 * reader test): the fixture logs (test/fixtures/logs, lab and hand-made)
 * repeated to a given size, either back to back ("fixtures": over half the
 * lines are step markers or errors, the worst case for the pre-filter) or
 * each followed by the verbose step output that makes real logs big
 * ("realistic": go test -v, go build -x, apt, layer pull progress; ~95% of
 * the bytes, about 1 line in 20 holds a keyword). Deterministic.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../test/support/paths.js";

const LOGS = join(ROOT, "test", "fixtures", "logs");

/** The fixture logs, in a fixed order. */
export function fixtures(): Buffer[] {
  const out: Buffer[] = [];
  for (const d of ["lab", "hand"]) {
    for (const f of readdirSync(join(LOGS, d)).sort()) if (f.endsWith(".log")) out.push(readFileSync(join(LOGS, d, f)));
  }
  return out;
}

/** Verbose but healthy step output, BuildKit-prefixed, deterministic. */
function filler(step: number, lines: number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const t = `${(i / 100).toFixed(3)}`;
    switch (i % 8) {
      case 0:
        out.push(`#${step} ${t} === RUN   TestHandler/case_${i}`);
        break;
      case 1:
        out.push(`#${step} ${t} --- PASS: TestHandler/case_${i} (0.00s)`);
        break;
      case 2:
        out.push(`#${step} ${t} mkdir -p $WORK/b${String(i % 997).padStart(3, "0")}/`);
        break;
      case 3:
        out.push(`#${step} ${t} cat >/tmp/go-build${i}/b001/importcfg << 'EOF' # internal`);
        break;
      case 4:
        out.push(`#${step} sha256:4a4550260e0bdaaf5058d588d7fa4468a53f76c821a54a2bfcf572b7df74e0fa ${(i % 82).toFixed(2)}MB / 82.03MB ${t}s`);
        break;
      case 5:
        out.push(`#${step} ${t} Get:${i % 90} http://deb.mirror.invalid/debian bookworm/main amd64 libc6-dev amd64 2.36-9+deb12u4 [1904 kB]`);
        break;
      case 6:
        out.push(`#${step} ${t} Setting up libgcc-12-dev:amd64 (12.2.0-14) ...`);
        break;
      default:
        out.push(`#${step} ${t} ok  \texample.com/service/internal/pkg${i % 50}\t0.0${i % 10}2s`);
    }
  }
  return out.join("\n") + "\n";
}

/** Writes a log of exactly `bytes` bytes to `path` (kept when one of that size is there). */
export function makeLog(path: string, bytes: number, realistic: boolean): void {
  if (existsSync(path) && statSync(path).size === bytes) return;
  const parts = fixtures().map((p) => (p[p.length - 1] === 10 ? p : Buffer.concat([p, Buffer.from("\n")])));
  const block = Buffer.concat(realistic ? parts.flatMap((p, i) => [p, Buffer.from(filler(900 + i, 850))]) : parts);
  const fd = openSync(path, "w");
  let written = 0;
  while (written < bytes) {
    const n = Math.min(block.length, bytes - written);
    writeSync(fd, block, 0, n);
    written += n;
  }
  closeSync(fd);
}
