/**
 * A loopback HTTP proxy in front of a registry that misbehaves on a share of
 * requests, decided by a seeded PRNG: answers 500 without forwarding,
 * resets the connection without forwarding, or forwards and then resets
 * (the registry acted, the client never hears of it). Counts what it did.
 */
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Rng } from "../support/random.js";

export interface FaultProxy {
  readonly address: string;
  readonly counts: { requests: number; e500: number; resetBefore: number; resetAfter: number };
  /** Stop misbehaving (e.g. to read the result back). */
  heal(): void;
  close(): Promise<void>;
}

/**
 * `forced` fails requests by their 0-based number whatever the dice say
 * (so a run with few requests still meets every kind of fault).
 */
export async function startFaultProxy(target: string, rng: Rng, rate: number, forced: ReadonlyMap<number, "500" | "before" | "after"> = new Map()): Promise<FaultProxy> {
  const counts = { requests: 0, e500: 0, resetBefore: 0, resetAfter: 0 };
  let healed = false;
  const [host, port] = target.split(":") as [string, string];
  const server: Server = createServer((req, res) => {
    const n = counts.requests++;
    const dice = rng.next();
    const force = forced.get(n);
    const x = healed ? 1 : force === "500" ? 0 : force === "before" ? rate / 2 : force === "after" ? (rate * 5) / 6 : dice;
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (x < rate / 3) {
        counts.e500++;
        res.writeHead(500, { "content-type": "application/json" }).end('{"errors":[{"code":"UNKNOWN","message":"injected"}]}');
        return;
      }
      if (x < (2 * rate) / 3) {
        counts.resetBefore++;
        req.socket.destroy();
        return;
      }
      const up = request({ host, port: Number(port), method: req.method, path: req.url, headers: req.headers }, (r) => {
        if (x < rate) {
          counts.resetAfter++;
          r.resume();
          r.on("end", () => req.socket.destroy());
          return;
        }
        const headers = { ...r.headers };
        if (typeof headers.location === "string") headers.location = headers.location.replace(`//${target}/`, `//${req.headers.host}/`);
        res.writeHead(r.statusCode ?? 502, headers);
        r.pipe(res);
      });
      up.on("error", () => req.socket.destroy());
      up.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const a = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${a.port}`,
    counts,
    heal: () => void (healed = true),
    close: () => new Promise((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}
