/**
 * `goship run [--dockerfile F] [--json out.json] [--no-fail-on-masked] -- <command...>`:
 * runs a build command with its output passed through unchanged, then prints
 * the doctor's summary on stderr. Exit: the command's code when it failed
 * (128+N for signal N), 127 when it could not start, 1 when it exited 0 but
 * masked a failure (GD2xx; off with --no-fail-on-masked), else 0.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Command } from "commander";
import { UsageError } from "../../diagnostic/located-error.js";
import { colorEnabled, colorsFor } from "../color.js";
import { errColors, type Io } from "../io.js";

interface RunFlags {
  dockerfile?: string;
  json?: string;
  failOnMasked: boolean;
  summary: boolean;
}

export function runCommandCli(io: Io, setCode: (c: number) => void): Command {
  return new Command("run")
    .description("Run a build command, pass its output through, diagnose it, and fail when it masked a failure.")
    .argument("<command...>", "the build command, after --")
    .option("--dockerfile <file>", "link findings to this Dockerfile's lines")
    .option("--json <file>", "also write the doctor JSON report to this file")
    .option("--no-fail-on-masked", "exit 0 even when a masked failure (GD2xx) is found")
    .option("--no-summary", "print no summary when nothing was found")
    .addHelpText(
      "after",
      "\nExit codes: the command's own code when it fails (128+N when killed by signal N),\n127 when it cannot start, 1 when it exits 0 but masked a failure (GD2xx), else 0.\n\nExample:\n  goship run --dockerfile Dockerfile --json doctor.json -- docker build -t app .\n",
    )
    .action(async (command: string[], flags: RunFlags) => {
      setCode(await runRun(command, flags, io));
    });
}

async function runRun(command: string[], flags: RunFlags, io: Io): Promise<number> {
  const [cmd, ...args] = command;
  if (cmd === undefined) throw new UsageError("goship run needs a command: goship run -- docker build .");
  const [{ runCommand }, doctor, { writeFileAtomic }] = await Promise.all([
    import("../../doctor/run/run-command.js"),
    import("../../doctor/index.js"),
    import("../../io/atomic-write.js"),
  ]);
  let df: import("../../dockerfile/index.js").Dockerfile | undefined;
  if (flags.dockerfile !== undefined) {
    const { parseDockerfile } = await import("../../dockerfile/index.js");
    df = parseDockerfile(readFileSync(resolve(io.cwd, flags.dockerfile), "utf8"), { file: flags.dockerfile });
  }
  // Bytes go straight through: process streams take Buffers.
  const sink = (s: Io["stdout"]): import("../../doctor/run/run-command.js").ByteSink => s as unknown as import("../../doctor/run/run-command.js").ByteSink;
  const out = await runCommand({ command: cmd, args, cwd: io.cwd, env: io.env, stdout: sink(io.stdout), stderr: sink(io.stderr), failOnMasked: flags.failOnMasked });
  const ce = errColors(io);
  if (out.spawnError !== undefined) {
    io.stderr.write(`${ce.red("error")}: goship run: cannot start ${cmd}: ${out.spawnError}\n`);
    return out.exitCode;
  }
  const result = df !== undefined ? doctor.linkDockerfile(out.result, df) : out.result;
  const named = [{ file: "build output", result }];
  if (flags.json !== undefined) writeFileAtomic(resolve(io.cwd, flags.json), doctor.formatDoctorJson(named));
  if (result.findings.length > 0 || flags.summary) {
    const useColor = colorEnabled(io.stderr, io.env);
    io.stderr.write("\n" + doctor.formatDoctorText(named, colorsFor({ isTTY: useColor }, useColor ? { FORCE_COLOR: "1" } : { NO_COLOR: "1" })));
  }
  if (out.masked) {
    io.stderr.write(
      flags.failOnMasked
        ? `${ce.red("goship run")}: the command exited 0 but masked a failure (GD2xx): exiting ${out.exitCode}\n`
        : `${ce.yellow("goship run")}: the command exited 0 but masked a failure (GD2xx); --no-fail-on-masked keeps exit 0\n`,
    );
  }
  return out.exitCode;
}
