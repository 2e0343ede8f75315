/**
 * renderDockerignore: an allow-list .dockerignore for an InitPlan. `*`
 * first, then only what `go build` reads is let back in: go.mod, go.sum,
 * every .go file, other source files the packages have (.s, .c, .syso …),
 * vendor/, local replacement folders and the go:embed patterns; test files
 * go back out unless the test stage needs them. .git, .env files, keys,
 * *.local.* files and build output therefore never reach the builder, and
 * a new file is out until a pattern names it. Pure. Leaves out per-folder
 * exceptions for generated code the build writes itself.
 */
import type { InitPlan } from "./plan.js";

export function renderDockerignore(plan: InitPlan): string {
  const out: string[] = [
    "# Allow-list: everything stays out of the build context except what go build reads.",
    "*",
    "!go.mod",
  ];
  if (plan.hasGoSum) out.push("!go.sum");
  out.push("!**/*.go");
  for (const ext of plan.otherSourceExts) out.push(`!**/*${ext}`);
  if (plan.vendor) out.push("!vendor");
  if (plan.localReplaces.length > 0) {
    out.push("# Local replace directives (go.mod)");
    for (const d of plan.localReplaces) out.push(`!${d}`);
  }
  if (plan.embedPatterns.length > 0) {
    out.push("# go:embed patterns");
    for (const p of plan.embedPatterns) out.push(`!${p}`);
  }
  if (plan.withTests) {
    out.push("# Test data for the test stage", "!**/testdata");
  } else {
    out.push("# Tests are not part of the image", "**/*_test.go");
  }
  out.push("# Never, even where a pattern above lets files in", "**/.git", "**/.git/**", "**/.env", "**/*.local.*");
  return out.join("\n") + "\n";
}
