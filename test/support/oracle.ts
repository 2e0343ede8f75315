/**
 * Calls a Go oracle (test/oracle/<area>): one process per batch, JSON lines
 * in, JSON lines out, in order. scripts/test.sh builds them into
 * .cache/oracle-<area>; a missing one is built here so a lone test file runs.
 * Set GOSHIP_ORACLE_REBUILD=1 to rebuild after editing the Go side.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { CACHE, ROOT } from "./paths.js";

const built = new Set<string>();

/** Path of the built oracle for `area` (a folder of test/oracle), building it if needed. */
export function ensureOracle(area: string): string {
  const bin = join(CACHE, `oracle-${area}`);
  const rebuild = process.env.GOSHIP_ORACLE_REBUILD === "1" && !built.has(area);
  if (rebuild || !existsSync(bin)) {
    mkdirSync(CACHE, { recursive: true });
    execFileSync("go", ["build", "-o", bin, `./${area}`], { cwd: join(ROOT, "test", "oracle"), stdio: "inherit" });
    built.add(area);
  }
  return bin;
}

/** Sends every request to `oracle-<area> <sub>` and returns the answers in order. */
export async function runOracle<Req, Res>(area: string, sub: string, requests: readonly Req[]): Promise<Res[]> {
  const bin = ensureOracle(area);
  const child = spawn(bin, [sub], { stdio: ["pipe", "pipe", "pipe"] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on("data", (b: Buffer) => out.push(b));
  child.stderr.on("data", (b: Buffer) => err.push(b));
  const done = new Promise<number>((res, rej) => {
    child.on("error", rej);
    child.on("close", (code) => res(code ?? 1));
  });
  for (const r of requests) {
    if (!child.stdin.write(JSON.stringify(r) + "\n")) {
      await new Promise<void>((res) => child.stdin.once("drain", () => res()));
    }
  }
  child.stdin.end();
  const code = await done;
  if (code !== 0) throw new Error(`oracle ${sub} exited ${code}: ${Buffer.concat(err).toString()}`);
  const lines = Buffer.concat(out).toString("utf8").split("\n").filter((l) => l !== "");
  if (lines.length !== requests.length) {
    throw new Error(`oracle ${sub}: ${requests.length} requests but ${lines.length} answers`);
  }
  return lines.map((l) => JSON.parse(l) as Res);
}
