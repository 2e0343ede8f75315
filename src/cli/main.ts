/**
 * The goship command line: builds the commander program, runs one command and
 * turns every outcome into an exit code. No analysis lives here: commands
 * parse flags, call the library, print through src/report and return a code.
 *
 * User errors (LocatedError, UsageError, bad flags) print one line and exit 2;
 * an unexpected exception prints a one-line "internal error" (the stack only
 * with GOSHIP_DEBUG=1) and exits 2 too, so no stack trace reaches a user.
 */
import { Command, CommanderError } from "commander";
import { LocatedError, UsageError } from "../diagnostic/located-error.js";
import { VERSION } from "../version.js";
import { EXIT_USAGE } from "./exit-code.js";
import { errColors, processIo, type Io } from "./io.js";
import { registerCommands } from "./commands/index.js";

/** Runs goship with `argv` (without node and script) and resolves to the exit code. */
export async function run(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let code = 0;
  const setCode = (c: number): void => {
    code = c;
  };
  const program = new Command("goship")
    .description("Correct, small, secure and diagnosable container builds of Go services.")
    .version(VERSION, "-V, --version", "print goship's version")
    .helpOption("-h, --help", "show help")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      outputError: (s, write) => write(errColors(io).red(s)),
    });
  program.addHelpText(
    "after",
    "\nExit codes: 0 ok, 1 findings at or above the failure threshold, 2 usage or input error.\n" +
      "Run `goship <command> --help` for a command's flags.\n",
  );
  registerCommands(program, io, setCode);

  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (err) {
    return exitCodeFor(err, io);
  }
}

function exitCodeFor(err: unknown, io: Io): number {
  const c = errColors(io);
  if (err instanceof CommanderError) {
    // help and version "errors" are successful exits; commander printed them.
    if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help") {
      return 0;
    }
    return err.exitCode === 0 ? 0 : EXIT_USAGE;
  }
  if (err instanceof LocatedError) {
    io.stderr.write(`${c.red("error")}: ${err.format()}\n`);
    return EXIT_USAGE;
  }
  if (err instanceof UsageError) {
    io.stderr.write(`${c.red("error")}: ${err.message}\n`);
    return EXIT_USAGE;
  }
  const e = err as NodeJS.ErrnoException;
  if (e && typeof e.code === "string" && typeof e.path === "string") {
    // A filesystem error on a path the user gave (ENOENT, EACCES, EISDIR...).
    io.stderr.write(`${c.red("error")}: ${e.path}: ${fsReason(e.code, e.message)}\n`);
    return EXIT_USAGE;
  }
  const msg = err instanceof Error ? err.message : String(err);
  io.stderr.write(`${c.red("internal error")}: ${msg}\n`);
  if (io.env.GOSHIP_DEBUG === "1" && err instanceof Error && err.stack) io.stderr.write(err.stack + "\n");
  else io.stderr.write("(set GOSHIP_DEBUG=1 for details, and please report it)\n");
  return EXIT_USAGE;
}

function fsReason(code: string, message: string): string {
  switch (code) {
    case "ENOENT":
      return "no such file or directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory";
    case "ENOTDIR":
      return "not a directory";
    default:
      return message;
  }
}
