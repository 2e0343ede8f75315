/** The commands of the goship CLI, in the order `goship --help` lists them. */
import type { Command } from "commander";
import type { Io } from "../io.js";
import { auditCommand } from "./audit.js";
import { buildCommand } from "./build.js";
import { ciCommand } from "./ci.js";
import { contextCommand } from "./context.js";
import { doctorCommand } from "./doctor.js";
import { initCommand } from "./init.js";
import { lintCommand } from "./lint.js";
import { runCommandCli } from "./run.js";
import { sbomCommand } from "./sbom.js";
import { secretsCommand } from "./secrets.js";
import { signCommand, verifyImageCommand } from "./sign.js";
import { preflightCommand } from "./preflight.js";
import { verifyCommand } from "./verify.js";

type CommandFactory = (io: Io, setCode: (c: number) => void) => Command;

const FACTORIES: readonly CommandFactory[] = [
  auditCommand,
  lintCommand,
  doctorCommand,
  runCommandCli,
  initCommand,
  contextCommand,
  secretsCommand,
  verifyCommand,
  preflightCommand,
  buildCommand,
  sbomCommand,
  signCommand,
  verifyImageCommand,
  ciCommand,
];

export function registerCommands(program: Command, io: Io, setCode: (c: number) => void): void {
  for (const factory of FACTORIES) {
    const cmd = factory(io, setCode);
    // addCommand does not pass on exitOverride/configureOutput: copy them so a
    // bad flag becomes exit 2 through run(), never a process.exit.
    cmd.copyInheritedSettings(program);
    program.addCommand(cmd);
  }
}
