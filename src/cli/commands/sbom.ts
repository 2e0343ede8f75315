/**
 * `goship sbom <target>`: the SBOM of a Go binary, a folder of binaries, an
 * OCI image layout or a registry image, from the binaries' Go build info
 * (src/sbom), as SPDX 2.3 or CycloneDX 1.6 JSON on stdout or, with -o, in a
 * file written atomically. Input errors (not a Go binary, unreachable
 * registry, bad flag) are exit 2 with one line and no output file.
 */
import { resolve } from "node:path";
import { Command, Option } from "commander";
import { UsageError } from "../../diagnostic/located-error.js";
import { EXIT_OK } from "../exit-code.js";
import { errColors, type Io } from "../io.js";

interface SbomFlags {
  format: "spdx" | "cyclonedx";
  output?: string;
  insecureRegistry: string[];
}

const collect = (v: string, prev: string[]): string[] => [...prev, v];

export function sbomCommand(io: Io, setCode: (c: number) => void): Command {
  return new Command("sbom")
    .description("Write the SBOM (SPDX 2.3 or CycloneDX 1.6 JSON) of Go binaries from their Go build info: main module, dependencies with versions and go.sum hashes, Go version, build settings, base image.")
    .argument("<target>", "a Go binary, a folder of binaries, an OCI layout folder (DIR or DIR:REF) or an image reference")
    .addOption(new Option("--format <format>", "document format").choices(["spdx", "cyclonedx"]).default("spdx"))
    .option("-o, --output <file>", "write the document to a file (atomically) instead of stdout")
    .option("--insecure-registry <host:port>", "plain HTTP for this registry (loopback only; repeatable)", collect, [])
    .addHelpText(
      "after",
      "\nThe module list is what `go version -m` prints for each binary (replacements applied).\n" +
        "Timestamps come from SOURCE_DATE_EPOCH (default 0) and ids from a content hash: same input, same bytes.\n\n" +
        "Examples:\n  goship sbom ./bin/api\n  goship sbom --format cyclonedx -o api.cdx.json ./bin/api\n" +
        "  goship sbom out/layout            # an OCI layout written by goship build --oci-layout\n" +
        "  goship sbom registry.example/team/api:v1.2.0 --format spdx -o api.spdx.json\n" +
        "  goship sbom --insecure-registry 127.0.0.1:5000 127.0.0.1:5000/greeter:latest\n",
    )
    .action(async (target: string, flags: SbomFlags) => {
      setCode(await runSbomCli(target, flags, io));
    });
}

async function runSbomCli(target: string, flags: SbomFlags, io: Io): Promise<number> {
  const [{ loadTarget, renderSbom }, { writeFileAtomic }] = await Promise.all([import("../../sbom/index.js"), import("../../io/atomic-write.js")]);
  const c = errColors(io);
  const loaded = await loadTarget(target, { cwd: io.cwd, insecureRegistries: flags.insecureRegistry, env: io.env }, { env: io.env });
  const doc = renderSbom(flags.format, loaded.binaries, loaded.options);
  const text = JSON.stringify(doc, null, 2) + "\n";
  if (flags.output) {
    try {
      writeFileAtomic(resolve(io.cwd, flags.output), text);
    } catch (e) {
      throw new UsageError(`${flags.output}: cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const mods = new Set(loaded.binaries.flatMap((b) => b.info.deps.map((d) => `${d.path}@${d.version}`))).size;
    io.stderr.write(`${c.dim("sbom:")} ${flags.output}: ${flags.format}, ${loaded.binaries.length} binar${loaded.binaries.length === 1 ? "y" : "ies"}, ${mods} modules\n`);
  } else {
    io.stdout.write(text);
  }
  return EXIT_OK;
}
