/**
 * Package manager calls in a Dockerfile's RUNs, as GS4xx rules read them:
 * apt-get, apt, aptitude, apk (and tonistiigi/xx's xx-apk / xx-apt-get),
 * yum, dnf, microdnf, with their action (`install`, `add`, `update`...), the
 * options wherever they are written (`apt-get -qq -y install`, `apk --no-cache
 * add`, option values such as `-o Dpkg::Options::=...` or `--virtual .deps`
 * kept apart from package names), and the packages. Calls are found in the
 * parsed shell of each RUN (shell form, heredoc body, exec form), behind the
 * wrappers `sudo`, `env`, `time`, `nice`, `nohup`, `exec`.
 * Also: whether a stage ends up in the final image, cache mounts of a RUN,
 * and `rm` of a path prefix in a RUN (apt lists, apk cache).
 * Leaves out calls hidden in scripts, `sh -c "..."` strings, and package
 * managers named by variables.
 */
import type { Range } from "../../diagnostic/located-error.js";
import type { RunInstruction } from "../../dockerfile/instructions/types.js";
import type { SimpleCommand, Word } from "../../shell/ast.js";
import type { LintModel, StageModel } from "../model/model.js";
import { runScripts, type ScriptInRun } from "./go-run-scripts.js";
import { baseName, commandIndex } from "./shell-facts.js";

export type PkgTool = "apt-get" | "apt" | "aptitude" | "apk" | "yum" | "dnf" | "microdnf";

export interface PkgOption {
  /** The option as written up to `=` (`-y`, `--no-cache`, `-o`). */
  readonly name: string;
  /** Its value (`-o X`, `--virtual=.deps`); null for a bare flag or a value with expansions. */
  readonly value: string | null;
  readonly word: Word;
}

export interface PkgInvocation {
  readonly stage: StageModel;
  readonly run: RunInstruction;
  readonly script: ScriptInRun;
  readonly call: SimpleCommand;
  readonly tool: PkgTool;
  /** The word naming the tool (`apt-get`, `/sbin/apk`, `xx-apk`). */
  readonly toolWord: Word;
  /** The action (`install`, `add`, `update`, `dist-upgrade`...); null when none or not literal. */
  readonly action: string | null;
  readonly actionWord: Word | null;
  readonly options: readonly PkgOption[];
  /** Non-option words after the action. */
  readonly packages: readonly Word[];
  /** True when script offsets map one to one onto the file (shell form), so text edits are safe. */
  readonly editable: boolean;
}

const TOOLS: Record<string, PkgTool> = {
  "apt-get": "apt-get",
  apt: "apt",
  aptitude: "aptitude",
  apk: "apk",
  yum: "yum",
  dnf: "dnf",
  microdnf: "microdnf",
  "xx-apk": "apk",
  "xx-apt-get": "apt-get",
  "xx-apt": "apt",
};

/** Options that take the next word as their value, per tool family. */
const VALUE_OPTIONS: Record<"apt" | "apk" | "rpm", ReadonlySet<string>> = {
  apt: new Set(["-o", "--option", "-c", "--config-file", "-t", "--target-release", "--default-release", "-a", "--host-architecture"]),
  apk: new Set(["-X", "--repository", "-p", "--root", "--arch", "--cache-dir", "--keys-dir", "--repositories-file", "--progress-fd", "--virtual", "-t", "--wait", "--timeout"]),
  rpm: new Set(["-c", "--config", "--installroot", "--releasever", "--enablerepo", "--disablerepo", "--setopt", "-x", "--exclude", "-d", "--debuglevel", "-e", "--errorlevel", "--repo", "--repoid", "--repofrompath", "--forcearch", "--downloaddir", "--destdir"]),
};


function family(tool: PkgTool): "apt" | "apk" | "rpm" {
  return tool === "apk" ? "apk" : tool === "yum" || tool === "dnf" || tool === "microdnf" ? "rpm" : "apt";
}

/** Reads one call as a package manager invocation, or null. */
export function readInvocation(call: SimpleCommand): Omit<PkgInvocation, "stage" | "run" | "script" | "editable"> | null {
  const at = commandIndex(call.args);
  const toolWord = call.args[at];
  const toolName = toolWord?.literal;
  if (!toolWord || !toolName) return null;
  const tool = TOOLS[baseName(toolName)];
  if (!tool) return null;
  const takesValue = VALUE_OPTIONS[family(tool)];
  const options: PkgOption[] = [];
  const packages: Word[] = [];
  let action: string | null = null;
  let actionWord: Word | null = null;
  const words = call.args.slice(at + 1);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const a = w.literal;
    if (a !== null && a.length > 1 && a.startsWith("-")) {
      const eq = a.indexOf("=");
      if (eq > 0) {
        options.push({ name: a.slice(0, eq), value: a.slice(eq + 1), word: w });
      } else if (takesValue.has(a) && !(family(tool) === "apk" && a === "-t" && action !== "add")) {
        const v = words[i + 1];
        options.push({ name: a, value: v?.literal ?? null, word: w });
        i++;
      } else options.push({ name: a, value: null, word: w });
      continue;
    }
    if (actionWord === null) {
      actionWord = w;
      action = a;
      // dnf/yum groups and modules: `dnf group install x`
      if ((a === "group" || a === "module") && family(tool) === "rpm" && words[i + 1]?.literal) {
        action = `${a} ${words[i + 1]!.literal}`;
        i++;
      }
    } else packages.push(w);
  }
  return { call, tool, toolWord, action, actionWord, options, packages };
}

const cache = new WeakMap<LintModel, readonly PkgInvocation[]>();

/** Every package manager call in the file's RUNs, in file order. */
export function pkgInvocations(model: LintModel): readonly PkgInvocation[] {
  let out = cache.get(model);
  if (out) return out;
  const list: PkgInvocation[] = [];
  for (const stage of model.stages) {
    for (const run of stage.stage.commands) {
      if (run.kind !== "RUN") continue;
      for (const script of runScripts(model, run)) {
        const editable = script.script !== null && script.script === model.script(run);
        for (const call of script.calls) {
          const inv = readInvocation(call);
          if (inv) list.push({ ...inv, stage, run, script, editable });
        }
      }
    }
  }
  out = list;
  cache.set(model, out);
  return out;
}

/** File range of a word of an invocation. */
export function wordRange(inv: PkgInvocation, w: Word): Range {
  return inv.script.range(w.start, w.end);
}

/** True when some option is one of `names` (long or short as written, before any `=`). */
export function hasOption(inv: PkgInvocation, ...names: string[]): boolean {
  return inv.options.some((o) => names.includes(o.name));
}

/** True when a bundle of short options (`-yq`, `-qqy`) holds `letter`. */
export function hasShort(inv: PkgInvocation, letter: string): boolean {
  return inv.options.some((o) => /^-[a-zA-Z]+$/.test(o.name) && o.name.includes(letter));
}

/** Actions that install packages. */
export function installs(inv: PkgInvocation): boolean {
  if (inv.tool === "apk") return inv.action === "add";
  return inv.action === "install" || inv.action === "group install" || inv.action === "groupinstall";
}

/** Actions that upgrade the whole system. */
export function upgradesSystem(inv: PkgInvocation): boolean {
  return family(inv.tool) === "apt" && (inv.action === "upgrade" || inv.action === "dist-upgrade" || inv.action === "full-upgrade");
}

/** Actions that ask for confirmation unless `-y` is given (apt-get, apt, yum, dnf). */
export function asksConfirmation(inv: PkgInvocation): boolean {
  const a = inv.action;
  if (a === null) return false;
  switch (inv.tool) {
    case "apt-get":
    case "apt":
      return ["install", "upgrade", "dist-upgrade", "full-upgrade", "remove", "purge", "autoremove", "reinstall", "build-dep"].includes(a);
    case "yum":
    case "dnf":
      return ["install", "groupinstall", "group install", "module install", "update", "upgrade", "remove", "erase", "reinstall", "autoremove", "downgrade", "distro-sync"].includes(a);
    default:
      return false;
  }
}

/** `-y` or an equivalent (`--yes`, `--assume-yes`, `-qq`, `-q=2`, `-o APT::Get::Assume-Yes=true`). */
export function assumesYes(inv: PkgInvocation): boolean {
  if (hasShort(inv, "y") || hasOption(inv, "--yes", "--assume-yes", "--assumeyes", "--force-yes")) return true;
  if (family(inv.tool) !== "apt") return false;
  if (inv.options.some((o) => /^-[a-zA-Z]*q[a-zA-Z]*q/.test(o.name) || (o.name === "-q" || o.name === "--quiet") && o.value === "2")) return true;
  return inv.options.some((o) => o.value !== null && /Assume-Yes\s*=\s*(true|1|yes)/i.test(o.value));
}

/** `--no-install-recommends` or `-o APT::Install-Recommends=false|0`. */
export function skipsRecommends(inv: PkgInvocation): boolean {
  if (hasOption(inv, "--no-install-recommends")) return true;
  return inv.options.some((o) => o.value !== null && /Install-Recommends\s*=\s*(false|0|no)/i.test(o.value));
}

/**
 * True when an earlier RUN of the stage (or the stages it builds on), or this
 * one, writes an apt configuration setting named `setting` (e.g. a word
 * holding `APT::Install-Recommends "0";` echoed into /etc/apt/apt.conf.d/).
 */
export function aptConfigured(model: LintModel, inv: PkgInvocation, setting: "Install-Recommends" | "Assume-Yes"): boolean {
  for (const stage of chain(model, inv.stage)) {
    for (const run of stage.stage.commands) {
      if (run.kind !== "RUN" || (stage === inv.stage && run.startLine > inv.run.startLine)) continue;
      for (const s of runScripts(model, run)) {
        for (const c of s.calls) if (c.args.some((w) => (w.literal ?? w.raw).includes(setting))) return true;
      }
    }
  }
  return false;
}

/** The stage and the stages it builds FROM, nearest first. */
export function chain(model: LintModel, stage: StageModel): StageModel[] {
  const out: StageModel[] = [];
  for (let s: StageModel | undefined = stage; s && !out.includes(s); s = s.parent !== null ? model.stages[s.parent] : undefined) out.push(s);
  return out;
}

/** True when the stage's layers end up in the final image (the final stage or one it builds FROM). */
export function inFinalImage(model: LintModel, stage: StageModel): boolean {
  return model.final !== null && chain(model, model.final).includes(stage);
}

/** True when the RUN mounts a cache or tmpfs at one of `paths` (or below/above it). */
export function mountsOver(run: RunInstruction, paths: readonly string[]): boolean {
  return run.mounts.some((m) => {
    const mount = m.mount as { type?: string; target?: string } | undefined;
    const type = mount?.type ?? /(?:^|,)type=([^,]+)/.exec(m.spec)?.[1];
    const target = mount?.target ?? /(?:^|,)(?:target|dst|destination)=([^,]+)/.exec(m.spec)?.[1];
    if (!target || (type !== "cache" && type !== "tmpfs")) return false;
    const t = target.replace(/\/+$/, "");
    return paths.some((p) => t === p || p.startsWith(t + "/") || t.startsWith(p + "/"));
  });
}

/** True when the RUN removes something under `prefix` (`rm -rf /var/lib/apt/lists/*`, `find <prefix> -delete`). */
export function removesUnder(model: LintModel, run: RunInstruction, prefix: string): boolean {
  for (const s of runScripts(model, run)) {
    for (const c of s.calls) {
      const at = commandIndex(c.args);
      const name = c.args[at]?.literal;
      if (name !== "rm" && name !== "find") continue;
      const args = c.args.slice(at + 1).map((w) => w.literal ?? w.raw);
      if (name === "find" && !args.includes("-delete") && !args.includes("-exec")) continue;
      if (args.some((a) => covers(a, prefix))) return true;
    }
  }
  return false;
}

/** True when removing `arg` (a path, maybe ending in `/*`) removes `path` or something below it. */
function covers(arg: string, path: string): boolean {
  const a = arg.replace(/\/?\*$/, "").replace(/\/+$/, "");
  if (a.length <= 1 || !a.startsWith("/")) return false;
  return a === path || path.startsWith(a + "/");
}
