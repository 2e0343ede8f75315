#!/usr/bin/env node
// goship's executable: a thin shim over the compiled CLI.
import { run } from "../dist/src/cli/main.js";

// A reader that stops early (`goship lint | head`) closes the pipe: that is
// not an error of goship's, so end quietly instead of crashing on EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
}

process.exitCode = await run(process.argv.slice(2));
