/**
 * GS207: a download piped into a shell (`curl ... | sh`, `wget -O- ... |
 * bash`, `sh -c "$(curl ...)"`, `bash <(curl ...)`): the script runs
 * unreviewed and unpinned, as root, inside the build. Download to a file,
 * check its checksum, then run it.
 */
import { defineRule } from "../rule.js";
import type { Command, SimpleCommand } from "../../shell/ast.js";
import { runScripts } from "../facts/go-run-scripts.js";

const SHELLS = new Set(["sh", "bash", "zsh", "ash", "dash", "ksh", "/bin/sh", "/bin/bash", "/usr/bin/env", "python", "python3", "perl"]);
const FETCH = new Set(["curl", "wget"]);

export default defineRule(
  {
    id: "GS207",
    title: "download piped into a shell",
    severity: "warning",
    category: "supply-chain",
    hadolint: [],
    buildkit: [],
    fixable: false,
  },
  ({ model, report }) => {
    for (const stage of model.stages) {
      for (const ins of stage.stage.commands) {
        if (ins.kind !== "RUN") continue;
        for (const sr of runScripts(model, ins)) {
          if (!sr.script) continue;
          const visit = (c: Command | null): void => {
            if (!c) return;
            if (c.type === "binary") {
              if ((c.op === "|" || c.op === "|&") && fetches(c.left) && isShell(firstCall(c.right))) {
                const fetcher = lastCall(c.left)?.args[0]?.literal ?? "curl";
                const shell = shellName(firstCall(c.right)!);
                report({ message: `\`${fetcher} ... | ${shell}\` runs a downloaded script unverified: download it to a file, check its sha256, then run it`, range: sr.range(c.left.start, c.right.end) });
              }
              visit(c.left);
              visit(c.right);
            } else if (c.type === "compound") for (const s of c.body) visit(s.command);
            else if (isShell(c) && c.args.some((w) => /\$\(\s*(curl|wget)\b|<\(\s*(curl|wget)\b|`\s*(curl|wget)\b/.test(w.raw))) {
              report({ message: `\`${shellName(c)}\` runs a script fetched by curl/wget unverified: download it to a file, check its sha256, then run it`, range: sr.range(c.start, c.end) });
            }
          };
          for (const s of sr.script.statements) visit(s.command);
        }
      }
    }
  },
);

function calls(c: Command): SimpleCommand[] {
  if (c.type === "call") return [c];
  if (c.type === "binary") return [...calls(c.left), ...calls(c.right)];
  return c.body.flatMap((s) => (s.command ? calls(s.command) : []));
}

function fetches(c: Command): boolean {
  const last = lastCall(c);
  return last !== undefined && FETCH.has(unwrap(last)[0] ?? "");
}

function lastCall(c: Command): SimpleCommand | undefined {
  if (c.type === "binary") return c.op === "|" || c.op === "|&" ? lastCall(c.right) : lastCall(c.right);
  const all = calls(c);
  return all[all.length - 1];
}

function firstCall(c: Command): SimpleCommand | undefined {
  return calls(c)[0];
}

function unwrap(c: SimpleCommand): string[] {
  let w = c.args.map((a) => a.literal ?? "");
  while (w[0] === "sudo" || w[0] === "env" || w[0] === "time") w = w.slice(1).filter((x, i) => i > 0 || !x.startsWith("-"));
  return w;
}

function isShell(c: SimpleCommand | undefined): boolean {
  if (!c) return false;
  const w = unwrap(c);
  if (w[0] === "/usr/bin/env") return SHELLS.has(w[1] ?? "");
  return SHELLS.has(w[0] ?? "");
}

function shellName(c: SimpleCommand): string {
  const w = unwrap(c);
  return (w[0] === "/usr/bin/env" ? w[1] : w[0]) ?? "sh";
}
