/**
 * Turns a staged folder into one OCI image layer: a reproducible tar (GNU tar:
 * sorted names, numeric owners, one fixed mtime) compressed with gzip, with
 * the diff ID (sha256 of the tar) and digest (sha256 of the gzip) computed in
 * the same pass. Leaves out whiteouts: stand-in layers only add files.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createWriteStream, readdirSync, renameSync, statSync } from "node:fs";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";
import { createGzip } from "node:zlib";

export interface Layer {
  readonly digest: string;
  readonly diffId: string;
  readonly size: number;
  readonly mediaType: "application/vnd.oci.image.layer.v1.tar+gzip";
}

/** 2000-01-01T00:00:00Z, the mtime of every file in a stand-in layer. */
export const LAYER_EPOCH = 946684800;

function hashing(hash: ReturnType<typeof createHash>): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      cb(null, chunk);
    },
  });
}

/** Writes the layer into blobsDir/<hex> and returns its descriptor data. */
export async function layerFromDir(stage: string, blobsDir: string): Promise<Layer> {
  const members = readdirSync(stage).sort();
  const tar = spawn(
    "tar",
    ["--create", "--file=-", `--directory=${stage}`, "--sort=name", "--numeric-owner", `--mtime=@${LAYER_EPOCH}`, "--format=gnu", "--", ...members],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let stderr = "";
  tar.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
  const tarDone = new Promise<number>((resolve) => tar.on("close", (code) => resolve(code ?? 1)));
  const diff = createHash("sha256");
  const comp = createHash("sha256");
  const tmp = join(blobsDir, `.layer-${process.pid}-${Date.now()}`);
  await pipeline(tar.stdout, hashing(diff), createGzip({ level: 1 }), hashing(comp), createWriteStream(tmp));
  const code = await tarDone;
  if (code !== 0) throw new Error(`tar of ${stage} failed (${code}): ${stderr}`);
  const hex = comp.digest("hex");
  renameSync(tmp, join(blobsDir, hex));
  return {
    digest: `sha256:${hex}`,
    diffId: `sha256:${diff.digest("hex")}`,
    size: statSync(join(blobsDir, hex)).size,
    mediaType: "application/vnd.oci.image.layer.v1.tar+gzip",
  };
}
