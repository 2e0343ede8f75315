/**
 * GS408: an SSH server in the image: `EXPOSE 22`, installing an SSH server
 * package (openssh-server, alpine's openssh, debian's ssh metapackage,
 * dropbear), or starting sshd in a RUN, CMD or ENTRYPOINT. A container is
 * reached with `docker exec` / `kubectl exec`; an sshd adds host keys baked
 * into the image, a listening root login surface and a second process.
 * Leaves out sshd started from scripts the image runs.
 */
import { parseShell } from "../../shell/parse.js";
import { simpleCommands } from "../../shell/ast.js";
import { defineRule } from "../rule.js";
import { installs, pkgInvocations, wordRange } from "../facts/pkg-invocations.js";
import { runScripts } from "../facts/go-run-scripts.js";

const SERVER_PACKAGES = /^(openssh-server|openssh-server-pam|dropbear|ssh|openssh)(=.*)?$/;

export default defineRule(
  {
    id: "GS408",
    title: "SSH server in the image",
    severity: "warning",
    category: "security",
    hadolint: [],
    buildkit: [],
    fixable: false,
  },
  ({ model, report }) => {
    const advice = "use `docker exec` / `kubectl exec` to get into a container instead";
    for (const inv of pkgInvocations(model)) {
      if (!installs(inv)) continue;
      for (const p of inv.packages) {
        const name = p.literal;
        if (name === null || !SERVER_PACKAGES.test(name)) continue;
        // `ssh` is the client on alpine, the client+server metapackage on debian
        if (name === "ssh" && inv.tool === "apk" || name.startsWith("openssh") && name !== "openssh-server" && name !== "openssh-server-pam" && inv.tool !== "apk") continue;
        report({ message: `installing ${name} puts an SSH server into the image: ${advice} (openssh-client is enough to fetch private modules over SSH)`, range: wordRange(inv, p) });
      }
    }
    for (const stage of model.stages) {
      for (const ins of stage.stage.commands) {
        if (ins.kind === "EXPOSE") {
          for (const [i, port] of ins.node.args.entries()) {
            if (!/^22(\/tcp)?$/i.test(port.value)) continue;
            report({ message: `EXPOSE ${port.value} announces an SSH port: ${advice}`, range: port.range ?? ins.node.args[i]?.range ?? ins.range });
          }
        } else if (ins.kind === "RUN") {
          for (const s of runScripts(model, ins)) {
            for (const call of s.calls) {
              const w = call.args.find((x) => startsSshd(x.literal, call.args.map((a) => a.literal)));
              if (w) report({ message: `this RUN starts an SSH server: ${advice}`, range: s.range(call.start, call.end) });
            }
          }
        } else if ((ins.kind === "CMD" || ins.kind === "ENTRYPOINT") && runsSshd(ins.shell ? ins.command ?? "" : null, ins.args ?? [])) {
          report({ message: `${ins.keyword.toUpperCase()} starts an SSH server: ${advice}`, range: ins.range });
        }
      }
    }
  },
);

function startsSshd(word: string | null, argv: readonly (string | null)[]): boolean {
  if (word === null) return false;
  if (/^(.*\/)?(sshd|dropbear)$/.test(word)) return argv[0] === word;
  // `service ssh start`, `rc-service sshd start`
  return (argv[0] === "service" || argv[0] === "rc-service") && word === argv[1] && /^(ssh|sshd|dropbear)$/.test(word) && argv[2] === "start";
}

function runsSshd(shellCommand: string | null, exec: readonly string[]): boolean {
  if (shellCommand === null) return exec.length > 0 && startsSshd(exec[0]!, exec);
  const script = parseShell(shellCommand).script;
  if (!script) return false;
  return simpleCommands(script).some((c) => {
    const argv = c.args.map((a) => a.literal);
    return argv.some((a) => startsSshd(a, argv));
  });
}
