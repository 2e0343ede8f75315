#!/usr/bin/env node
// goship's executable: a thin shim over the compiled CLI.
import { run } from "../dist/src/cli/main.js";

process.exitCode = await run(process.argv.slice(2));
