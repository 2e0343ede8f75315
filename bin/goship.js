#!/usr/bin/env node
// goship's executable: a thin shim over the compiled CLI.
import { loadCliBundle } from "../dist/src/cli/bundle.js";

// A reader that stops early (`goship lint | head`) closes the pipe: that is
// not an error of goship's, so end quietly instead of crashing on EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const argv = process.argv.slice(2);
// `goship lint` (start-up bound: editors and pre-commit call it per file) runs
// from the one-file bundle and its V8 code cache when the build made them
// (scripts/build-cli-bundle.mjs); everything else runs from the ES modules.
const bundled = argv[0] === "lint" ? loadCliBundle() : null;
const { run } = bundled ?? (await import("../dist/src/cli/main.js"));
process.exitCode = await run(argv);
