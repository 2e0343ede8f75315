/**
 * `goship sign --key KEY IMAGE` and `goship verify-image --key PUB IMAGE`:
 * cosign-compatible signatures (the classic `sha256-<hex>.sig` tag, simple
 * signing payload, ECDSA P-256) made and checked with a local key file, no
 * transparency log. sign prints the signed `repo@digest` and the signature
 * tag; verify-image prints the verified payload's digest, exit 1 when no
 * signature verifies with the key. Key and registry problems (missing or
 * non-P-256 key, wrong COSIGN_PASSWORD, unreachable registry, no such
 * image) are input errors: exit 2.
 */
import { resolve } from "node:path";
import { Command } from "commander";
import { LocatedError, UsageError } from "../../diagnostic/located-error.js";
import { EXIT_FINDINGS, EXIT_OK } from "../exit-code.js";
import { errColors, type Io } from "../io.js";

interface SignFlags {
  key: string;
  insecureRegistry: string[];
  annotation: string[];
}

const collect = (v: string, prev: string[]): string[] => [...prev, v];

export function signCommand(io: Io, setCode: (c: number) => void): Command {
  return new Command("sign")
    .description("Sign a pushed image with a local ECDSA P-256 key, in the format `cosign verify --key` checks (signature at tag sha256-<hex>.sig; no transparency log).")
    .argument("<image>", "image reference (registry/repo:tag or @sha256:…); a tag is resolved to its digest first")
    .requiredOption("--key <file>", "private key: PEM PKCS#8 / EC, or cosign.key (password from $COSIGN_PASSWORD)")
    .option("-a, --annotation <key=value>", "extra claim in the payload's optional section (repeatable)", collect, [])
    .option("--insecure-registry <host:port>", "plain HTTP for this registry (loopback only; repeatable)", collect, [])
    .addHelpText("after", "\nExamples:\n  COSIGN_PASSWORD=… goship sign --key cosign.key registry.example/team/api:v1\n  cosign verify --key cosign.pub --insecure-ignore-tlog registry.example/team/api:v1\n")
    .action(async (image: string, flags: SignFlags) => {
      setCode(await runSign(image, flags, io));
    });
}

export function verifyImageCommand(io: Io, setCode: (c: number) => void): Command {
  return new Command("verify-image")
    .description("Check an image's cosign signatures (tag sha256-<hex>.sig) against a public key; exit 1 when none verifies.")
    .argument("<image>", "image reference (registry/repo:tag or @sha256:…)")
    .requiredOption("--key <file>", "public key (PEM, cosign.pub) or a private key file")
    .option("--insecure-registry <host:port>", "plain HTTP for this registry (loopback only; repeatable)", collect, [])
    .action(async (image: string, flags: SignFlags) => {
      setCode(await runVerifyImage(image, flags, io));
    });
}

async function setup(image: string, flags: SignFlags, io: Io) {
  const { parseImageRef } = await import("../../oci/reference.js");
  const { clientFor } = await import("../../oci/remote/client-for.js");
  const ref = parseImageRef(image);
  if (ref === null) throw new UsageError(`not an image reference: ${JSON.stringify(image)}`);
  const client = clientFor(ref.registry, { insecureRegistries: flags.insecureRegistry, env: io.env });
  return { ref, client };
}

/** Runs `f`, turning key and registry errors into input errors (exit 2). */
async function asInputErrors<T>(f: () => Promise<T>): Promise<T> {
  const { KeyError } = await import("../../sign/keys.js");
  const { RegistryError } = await import("../../oci/remote/transport.js");
  const { DigestError } = await import("../../oci/digest.js");
  try {
    return await f();
  } catch (e) {
    if (e instanceof KeyError) throw new LocatedError(e.message, e.file);
    if (e instanceof RegistryError || e instanceof DigestError) throw new UsageError(e.message);
    throw e;
  }
}

async function runSign(image: string, flags: SignFlags, io: Io): Promise<number> {
  const s = await import("../../sign/index.js");
  const c = errColors(io);
  const optional: Record<string, string> = {};
  for (const a of flags.annotation) {
    const eq = a.indexOf("=");
    if (eq <= 0) throw new UsageError(`--annotation must be key=value, not ${JSON.stringify(a)}`);
    optional[a.slice(0, eq)] = a.slice(eq + 1);
  }
  return asInputErrors(async () => {
    const key = s.readPrivateKey(resolve(io.cwd, flags.key), io.env);
    const { ref, client } = await setup(image, flags, io);
    const r = await s.signImage(client, ref, key, Object.keys(optional).length > 0 ? { annotations: optional } : {});
    io.stdout.write(`${ref.registry}/${ref.path}@${r.digest}\n`);
    io.stderr.write(`${c.dim("sign:")} signature at ${r.signatureRef} (${r.signatures} signature${r.signatures === 1 ? "" : "s"}, manifest ${r.signatureDigest})\n`);
    return EXIT_OK;
  });
}

async function runVerifyImage(image: string, flags: SignFlags, io: Io): Promise<number> {
  const s = await import("../../sign/index.js");
  const c = errColors(io);
  return asInputErrors(async () => {
    const key = s.readPublicKey(resolve(io.cwd, flags.key), io.env);
    const { ref, client } = await setup(image, flags, io);
    const r = await s.verifyImage(client, ref, key);
    for (const f of r.failures) io.stderr.write(`${c.yellow("warning")}: ${f}\n`);
    if (r.verified === 0) {
      io.stderr.write(`${c.red("error")}: no signature of ${ref.registry}/${ref.path}@${r.digest} verifies with ${flags.key}\n`);
      return EXIT_FINDINGS;
    }
    io.stdout.write(`${ref.registry}/${ref.path}@${r.digest}: ${r.verified} signature${r.verified === 1 ? "" : "s"} verified\n`);
    return EXIT_OK;
  });
}
