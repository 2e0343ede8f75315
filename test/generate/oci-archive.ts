/**
 * Reads what a test needs from an OCI image archive (buildctl --output
 * type=oci): the image config (User, ExposedPorts, Labels, Entrypoint), the
 * compressed size (sum of the manifest's layer sizes), the uncompressed
 * size (sum of the layer tars) and the size of one file in the image.
 * Extracts blobs with `tar -xOf`. Leaves out multi-manifest indexes (the
 * lab builds one platform).
 */
import { execFileSync } from "node:child_process";
import { gunzipSync } from "node:zlib";

export interface OciImageFacts {
  readonly config: {
    readonly User?: string;
    readonly ExposedPorts?: Record<string, unknown>;
    readonly Labels?: Record<string, string>;
    readonly Entrypoint?: string[];
  };
  readonly compressedBytes: number;
  readonly uncompressedBytes: number;
  /** Size of each regular file by path (later layers win), e.g. "usr/local/bin/greeter". */
  readonly files: ReadonlyMap<string, number>;
}

function blob(archive: string, digest: string): Buffer {
  return execFileSync("tar", ["-xOf", archive, `blobs/${digest.replace(":", "/")}`], { maxBuffer: 1 << 30 });
}

/** Regular files of an uncompressed layer tar (ustar/GNU headers; PAX size records honoured). */
function tarFiles(tar: Buffer, into: Map<string, number>): void {
  let off = 0;
  let paxSize: number | null = null;
  let paxPath: string | null = null;
  while (off + 512 <= tar.length) {
    const h = tar.subarray(off, off + 512);
    if (h.every((b) => b === 0)) break;
    const str = (a: number, b: number): string => h.subarray(a, b).toString("utf8").replace(/\0.*$/s, "");
    let name = str(0, 100);
    const prefix = str(345, 500);
    if (prefix) name = `${prefix}/${name}`;
    let size = parseInt(str(124, 136).trim() || "0", 8);
    const type = String.fromCharCode(h[156] ?? 48);
    const dataStart = off + 512;
    if (type === "x") {
      const rec = tar.subarray(dataStart, dataStart + size).toString("utf8");
      const s = /\d+ size=(\d+)\n/.exec(rec);
      const p = /\d+ path=([^\n]+)\n/.exec(rec);
      paxSize = s ? Number(s[1]) : null;
      paxPath = p ? (p[1] as string) : null;
    } else {
      if (paxSize !== null) size = paxSize;
      if (paxPath !== null) name = paxPath;
      if (type === "0" || type === "\0") into.set(name.replace(/^\.\//, ""), size);
      paxSize = null;
      paxPath = null;
    }
    off = dataStart + Math.ceil(size / 512) * 512;
  }
}

export function readOciArchive(archive: string): OciImageFacts {
  const index = JSON.parse(execFileSync("tar", ["-xOf", archive, "index.json"]).toString("utf8")) as { manifests: { digest: string }[] };
  const manifest = JSON.parse(blob(archive, index.manifests[0]!.digest).toString("utf8")) as {
    config: { digest: string };
    layers: { digest: string; size: number; mediaType: string }[];
  };
  const config = (JSON.parse(blob(archive, manifest.config.digest).toString("utf8")) as { config: OciImageFacts["config"] }).config;
  let uncompressed = 0;
  const files = new Map<string, number>();
  for (const l of manifest.layers) {
    const raw = blob(archive, l.digest);
    const tar = l.mediaType.includes("gzip") ? gunzipSync(raw) : raw;
    uncompressed += tar.length;
    tarFiles(tar, files);
  }
  return { config, compressedBytes: manifest.layers.reduce((s, l) => s + l.size, 0), uncompressedBytes: uncompressed, files };
}

/** "#12 CACHED" for the step whose title contains `needle` in a BuildKit plain log. */
export function stepCached(log: string, needle: string): { found: boolean; cached: boolean; title: string } {
  const lines = log.split("\n");
  for (const line of lines) {
    const m = /^#(\d+) (\[.*)$/.exec(line);
    if (m && (m[2] as string).includes(needle)) {
      const id = m[1] as string;
      return { found: true, cached: lines.some((l) => l === `#${id} CACHED`), title: m[2] as string };
    }
  }
  return { found: false, cached: false, title: "" };
}
