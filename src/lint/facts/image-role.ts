/**
 * What an image is for, read from the runtime instructions of a stage and
 * the stages it builds FROM (ENTRYPOINT, CMD, COPY), so that rules about
 * images that run (GS401, GS101, GS605) keep quiet about images that are
 * never run as they are:
 * - "dev-box": ENTRYPOINT or CMD only keeps the container alive
 *   (`tail -f /dev/null`, `sleep infinity`, `while true; do sleep 1; done`),
 *   a container people `docker exec` into, typically with the source
 *   bind-mounted by compose;
 * - "artifacts": a `FROM scratch` stage with no ENTRYPOINT or CMD that only
 *   copies from other stages: the files `docker build --output` exports,
 *   not an image anyone runs;
 * - "runs": everything else, services and command-line tool images alike.
 * Telling a service from a command-line tool is left out on purpose: both
 * are mostly `ENTRYPOINT ["/app"]` with nothing else to go by (a Go service
 * needs no EXPOSE). ENTRYPOINT/CMD set by the base image are not known.
 */
import type { Instruction } from "../../dockerfile/instructions/types.js";
import type { LintModel, StageModel } from "../model/model.js";

export type ImageRole = "runs" | "dev-box" | "artifacts";

/** The words of a CMD/ENTRYPOINT: the exec-form arguments, or the shell-form command split on blanks. */
export function commandWords(ins: Instruction): readonly string[] {
  if (ins.kind !== "CMD" && ins.kind !== "ENTRYPOINT") return [];
  if (!ins.shell) return ins.args ?? [];
  return (ins.command ?? "").trim().split(/\s+/).filter((w) => w !== "");
}

/** True when the command does nothing but keep the container running (so PID 1 is a sleeper). */
export function isKeepAlive(ins: Instruction): boolean {
  if (ins.kind !== "CMD" && ins.kind !== "ENTRYPOINT") return false;
  let words = [...commandWords(ins)];
  // exec form through a shell: ["sh", "-c", "tail -f /dev/null"]
  if (words.length === 3 && /(^|\/)(ba|a|da)?sh$/.test(words[0]!) && words[1] === "-c") words = words[2]!.trim().split(/\s+/);
  if (words[0] === "exec") words = words.slice(1);
  const text = words.join(" ");
  if (/^(\S*\/)?tail( -[fF]| --follow(=\S+)?)+ \/dev\/null$/.test(text)) return true;
  if (/^(\S*\/)?sleep (infinity|inf)$/.test(text)) return true;
  return /^while (true|:) ?; ?do (\S*\/)?sleep \S+ ?; ?done;?$/.test(text);
}

/** The stage and the stages it builds FROM, the root first. */
function chainOf(model: LintModel, stage: StageModel): StageModel[] {
  const out: StageModel[] = [];
  for (let s: StageModel | undefined = stage; s && !out.includes(s); s = s.parent !== null ? model.stages[s.parent] : undefined) out.unshift(s);
  return out;
}

/** What the image built by `stage` is for. */
export function imageRole(model: LintModel, stage: StageModel): ImageRole {
  let entrypoint: Instruction | null = null;
  let cmd: Instruction | null = null;
  let localFiles = false;
  let copies = 0;
  const chain = chainOf(model, stage);
  for (const s of chain) {
    let cmdHere = false;
    for (const c of s.stage.commands) {
      if (c.kind === "ENTRYPOINT") {
        entrypoint = (c.cmdLine ?? []).length > 0 ? c : null;
        if (!cmdHere) cmd = null; // as in BuildKit: a new ENTRYPOINT drops the CMD inherited from the base
      } else if (c.kind === "CMD") {
        cmd = (c.cmdLine ?? []).length > 0 ? c : null;
        cmdHere = true;
      } else if (c.kind === "COPY" || c.kind === "ADD") {
        copies++;
        if (c.kind === "ADD" || c.from === "") localFiles = true;
      }
    }
  }
  if ((entrypoint && isKeepAlive(entrypoint)) || (cmd && isKeepAlive(cmd))) return "dev-box";
  if (!entrypoint && !cmd) {
    const root = chain[0]!;
    if (root.base.family === "scratch" && !root.dynamic && copies > 0 && !localFiles) return "artifacts";
  }
  return "runs";
}
