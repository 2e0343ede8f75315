/**
 * Installs every pinned Go tool of test/support/go-tools.ts that is missing,
 * one after the other, printing how long each took (scripts/test.sh runs it
 * before the suite so the install time shows as its own step, not inside a
 * test's timeout).  node dist/test/support/install-go-tools.js [name...]
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { GO_TOOLS, GO_TOOLS_BIN, ensureGoTool, type GoTool } from "./go-tools.js";

const wanted = process.argv.slice(2);
const tools: GoTool[] = Object.values(GO_TOOLS).filter((t) => wanted.length === 0 || wanted.includes(t.name));
for (const t of tools) {
  const dest = join(GO_TOOLS_BIN, `${t.name}-${t.version}`);
  if (existsSync(dest)) console.log(`${t.name} ${t.version}: already in ${dest}`);
  else ensureGoTool(t);
}
