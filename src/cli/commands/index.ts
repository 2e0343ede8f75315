/** The commands of the goship CLI, in the order `goship --help` lists them. */
import type { Command } from "commander";
import type { Io } from "../io.js";
import { buildCommand } from "./build.js";
import { contextCommand } from "./context.js";
import { doctorCommand } from "./doctor.js";
import { initCommand } from "./init.js";
import { lintCommand } from "./lint.js";
import { runCommandCli } from "./run.js";
import { secretsCommand } from "./secrets.js";
import { preflightCommand } from "./preflight.js";
import { verifyCommand } from "./verify.js";

export function registerCommands(program: Command, io: Io, setCode: (c: number) => void): void {
  for (const cmd of [lintCommand(io, setCode), doctorCommand(io, setCode), runCommandCli(io, setCode), initCommand(io, setCode), contextCommand(io, setCode), secretsCommand(io, setCode), verifyCommand(io, setCode), preflightCommand(io, setCode), buildCommand(io, setCode)]) {
    // addCommand does not pass on exitOverride/configureOutput: copy them so a
    // bad flag becomes exit 2 through run(), never a process.exit.
    cmd.copyInheritedSettings(program);
    program.addCommand(cmd);
  }
}
