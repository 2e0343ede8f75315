/**
 * BuildKit's ParseInstruction (instructions/parse.go): one syntax node to one
 * typed instruction, with the same checks, in the same order, and the same
 * messages: argument counts, flags per instruction, FROM stage names, ONBUILD
 * triggers, HEALTHCHECK options, heredocs as COPY/ADD sources, and unknown
 * keywords with a "did you mean" suggestion.
 *
 * Errors are thrown as SyntaxProblem (message only); the caller adds the
 * location. Leaves out: BuildKit's linter hooks (they only warn).
 */
import { SyntaxProblem } from "../parser/errors.js";
import { chompHeredocContent, mustParseHeredoc } from "../parser/heredoc.js";
import type { Node } from "../parser/node.js";
import { parseGoDuration, DurationError } from "../go/duration.js";
import { goQuote } from "../../golang/strconv-quote.js";
import { goParseInt32 } from "../../golang/strconv-parse.js";
import { goToLower, goToUpper, trimSpace } from "../../golang/strings.js";
import { FlagSet, type FlagValue } from "./bflags.js";
import { parseDevice, type Device } from "./run-device.js";
import { checkMountSyntax, parseMount, type Mount } from "./run-mount.js";
import { checkNetwork } from "./run-network.js";
import { checkSecurity } from "./run-security.js";
import { withSuggestion } from "./suggest.js";
import type {
  ArgDefinition, HeredocFile, Instruction, InstructionFlag, KeyValue, RunMount, SourceContent,
} from "./types.js";

/** strings.EqualFold(s, "as"): Go's case folding also takes U+017F (long s) for "s". */
function equalFoldAs(s: string): boolean {
  if (s.length !== 2) return false;
  const a = s[0];
  const b = s[1];
  return (a === "a" || a === "A") && (b === "s" || b === "S" || b === "\u017f");
}

const INSTRUCTION_NAMES: readonly string[] = [
  "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER",
  "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
];

const VALID_STAGE_NAME = /^[a-z][a-z0-9\-_.]*$/;
const ONBUILD_PREFIX = /^[\t\n\f\r ]*ONBUILD[\t\n\f\r ]*/i;

const fail = (msg: string, at?: { flag?: number; arg?: number }): never => {
  throw new SyntaxProblem(msg, at);
};

/** nodeArgs: the argument chain flattened (an ONBUILD trigger contributes its keyword and arguments). */
export function nodeArgs(node: Node): string[] {
  const out: string[] = [];
  for (const a of node.args) {
    if (a.node) out.push(a.node.keyword, ...nodeArgs(a.node));
    else out.push(a.value);
  }
  return out;
}

function instructionFlags(node: Node): InstructionFlag[] {
  return node.flags.map((f) => {
    const eq = f.text.indexOf("=");
    const name = (eq < 0 ? f.text : f.text.slice(0, eq)).replace(/^--/, "");
    return { name, value: eq < 0 ? undefined : f.text.slice(eq + 1), range: f.range };
  });
}

function parseKvps(args: readonly string[], cmd: string): KeyValue[] {
  if (args.length === 0) fail(`${cmd} requires at least one argument`);
  if (args.length % 3 !== 0) fail(`Bad input to ${cmd}, too many arguments`);
  const out: KeyValue[] = [];
  for (let j = 0; j < args.length; j += 3) {
    const key = args[j] as string;
    if (key.length === 0) fail(`${cmd} names can not be blank`);
    out.push({ key, value: args[j + 1] as string, noDelim: args[j + 2] === "" });
  }
  return out;
}

function docComment(comments: readonly string[], name: string): string {
  if (name === "") return "";
  for (const line of comments) if (line.startsWith(name + " ")) return line.slice(name.length + 1);
  return "";
}

/** handleJSONArgs: exec args as they are, shell words joined by one space. */
function cmdLineOf(args: readonly string[], json: boolean): string[] {
  if (args.length === 0) return [];
  if (json) return [...args];
  return [args.join(" ")];
}

/** Code point (= UTF-8 byte) order, as Go's sort.Strings. */
function compareGo(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

function sourcesAndDest(node: Node, args: readonly string[], cmd: string) {
  const srcs = args.slice(0, -1);
  const dest = args[args.length - 1] as string;
  if (mustParseHeredoc(dest)) fail(`${cmd} cannot accept a heredoc as a destination`);
  const byName = new Map(node.heredocs.map((h) => [h.name, h] as const));
  const sources: string[] = [];
  const contents: SourceContent[] = [];
  for (const src of srcs) {
    const h = mustParseHeredoc(src);
    if (h) {
      let data = byName.get(h.name)?.content ?? "";
      if (h.chomp) data = chompHeredocContent(data);
      contents.push({ path: h.name, data, expand: h.expand });
    } else sources.push(src);
  }
  return { sources, contents, dest };
}

function heredocFiles(node: Node): HeredocFile[] {
  return node.heredocs.map((h) => ({
    name: h.name, data: h.content, chomp: h.chomp, expand: h.expand, fileDescriptor: h.fileDescriptor, range: h.range,
  }));
}

function commandLine(node: Node, args: readonly string[], emptyAsNil: boolean) {
  const cl = cmdLineOf(args, node.json);
  const cmdLine = emptyAsNil && cl.length === 0 ? null : cl;
  const shell = !node.json;
  return {
    shell,
    ...(shell ? { command: cl[0] ?? "" } : { args: cl }),
    cmdLine,
    heredocs: heredocFiles(node),
  };
}

function interval(name: string, f: FlagValue): number {
  if (f.value === "") return 0;
  let d: bigint;
  try {
    d = parseGoDuration(f.value);
  } catch (e) {
    if (e instanceof DurationError) fail(e.message);
    throw e;
  }
  if (d === 0n) return 0;
  if (d < 1000000n) fail(`Interval ${goQuote(name)} cannot be less than 1ms`);
  return Number(d);
}

/** Runs f; a SyntaxProblem it raises is attributed to flag `flag`. */
function atFlag<T>(flag: number, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof SyntaxProblem && !e.at && flag >= 0) throw new SyntaxProblem(e.message, { flag });
    throw e;
  }
}

export interface InstructionSource {
  /** Physical lines of the file (for `source`). */
  readonly lines: readonly string[];
}

/** Parses one node; throws SyntaxProblem with BuildKit's (unprefixed) message. */
export function parseInstruction(node: Node, src: InstructionSource): Instruction {
  const args = nodeArgs(node);
  const flags = new FlagSet(node.flags.map((f) => f.text));
  const base = {
    keyword: node.keyword,
    range: node.range,
    startLine: node.startLine,
    endLine: node.endLine,
    original: trimSpace(node.original),
    source: src.lines.slice(node.startLine - 1, node.endLine).join("\n"),
    comments: node.comments,
    flags: instructionFlags(node),
    node,
  };
  switch (node.cmd) {
    case "env":
      flags.parse();
      return { kind: "ENV", ...base, pairs: parseKvps(args, "ENV") };
    case "maintainer":
      if (args.length !== 1) fail("MAINTAINER requires exactly one argument");
      flags.parse();
      return { kind: "MAINTAINER", ...base, maintainer: args[0] as string };
    case "label":
      flags.parse();
      return { kind: "LABEL", ...base, pairs: parseKvps(args, "LABEL") };
    case "add": {
      if (args.length < 2) fail("ADD requires at least two arguments, but only one was provided. Destination could not be determined");
      const chown = flags.addString("chown", "");
      const chmod = flags.addString("chmod", "");
      const link = flags.addBool("link", false);
      const keepGit = flags.addBool("keep-git-dir", false);
      const checksum = flags.addString("checksum", "");
      const unpack = flags.addBool("unpack", false);
      const exclude = flags.addStrings("exclude");
      flags.parse();
      const sd = sourcesAndDest(node, args, "ADD");
      return {
        kind: "ADD", ...base, ...sd,
        chown: chown.value, chmod: chmod.value, link: link.value === "true",
        ...(flags.isUsed("keep-git-dir") ? { keepGitDir: keepGit.value === "true" } : {}),
        checksum: checksum.value,
        ...(flags.isUsed("unpack") ? { unpack: unpack.value === "true" } : {}),
        excludes: exclude.values,
      };
    }
    case "copy": {
      if (args.length < 2) fail("COPY requires at least two arguments, but only one was provided. Destination could not be determined");
      const chown = flags.addString("chown", "");
      const from = flags.addString("from", "");
      const chmod = flags.addString("chmod", "");
      const link = flags.addBool("link", false);
      const exclude = flags.addStrings("exclude");
      const parents = flags.addBool("parents", false);
      flags.parse();
      const sd = sourcesAndDest(node, args, "COPY");
      return {
        kind: "COPY", ...base, ...sd,
        from: from.value, chown: chown.value, chmod: chmod.value, link: link.value === "true",
        parents: parents.value === "true", excludes: exclude.values,
      };
    }
    case "from": {
      let stageName = "";
      if (args.length === 3 && equalFoldAs(args[1] as string)) {
        stageName = goToLower(args[2] as string);
        if (!VALID_STAGE_NAME.test(stageName)) {
          fail(`invalid name for build stage: ${goQuote(args[2] as string)}, name can't start with a number or contain symbols`, { arg: 2 });
        }
      } else if (args.length !== 1) fail("FROM requires either one or three arguments");
      const platform = flags.addString("platform", "");
      flags.parse();
      return { kind: "FROM", ...base, image: args[0] as string, stageName, platform: platform.value };
    }
    case "onbuild": {
      if (args.length === 0) fail("ONBUILD requires at least one argument");
      flags.parse();
      const trigger = goToUpper(trimSpace(args[0] as string));
      if (trigger === "ONBUILD") fail("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
      if (trigger === "MAINTAINER" || trigger === "FROM") fail(`${trigger} isn't allowed as an ONBUILD trigger`);
      let expression = node.original.replace(ONBUILD_PREFIX, "");
      for (const h of node.heredocs) expression += "\n" + h.content + h.name;
      const sub = node.args[0]?.node;
      let parsed: Instruction | undefined;
      if (sub) {
        try {
          parsed = parseInstruction({ ...sub, heredocs: node.heredocs, range: node.range, comments: [] }, src);
        } catch (e) {
          if (!(e instanceof SyntaxProblem)) throw e;
        }
      }
      return { kind: "ONBUILD", ...base, expression, ...(parsed ? { trigger: parsed } : {}) };
    }
    case "workdir":
      if (args.length !== 1) fail("WORKDIR requires exactly one argument");
      flags.parse();
      return { kind: "WORKDIR", ...base, path: args[0] as string };
    case "run": {
      const device = flags.addStrings("device");
      const mount = flags.addStrings("mount");
      const network = flags.addString("network", "default");
      const security = flags.addString("security", "sandbox");
      flags.parse();
      const flagsUsed = [...flags.used()];
      const cl = commandLine(node, args, false);
      const flagIndex = (name: string, n: number): number => {
        let seen = -1;
        return base.flags.findIndex((f) => f.name === name && ++seen === n);
      };
      const devices: Device[] = device.values.map((v, n) => atFlag(flagIndex("device", n), () => parseDevice(v)));
      mount.values.forEach((m, n) => atFlag(flagIndex("mount", n), () => checkMountSyntax(m)));
      const net = checkNetwork(network.value);
      const sec = checkSecurity(security.value);
      const mountFlags = base.flags.filter((f) => f.name === "mount");
      const mounts: RunMount[] = mount.values.map((spec, i) => {
        const range = (mountFlags[i] ?? base.flags[0])?.range ?? node.range;
        try {
          const parsedMount: Mount = parseMount(spec);
          return { spec, range, mount: parsedMount };
        } catch (e) {
          if (e instanceof SyntaxProblem) return { spec, range, error: e.message };
          throw e;
        }
      });
      return { kind: "RUN", ...base, ...cl, mounts, network: net, security: sec, devices, flagsUsed };
    }
    case "cmd":
      flags.parse();
      return { kind: "CMD", ...base, ...commandLine(node, args, false) };
    case "entrypoint":
      flags.parse();
      return { kind: "ENTRYPOINT", ...base, ...commandLine(node, args, true) };
    case "healthcheck": {
      if (args.length === 0) fail("HEALTHCHECK requires at least one argument");
      let typ = goToUpper(args[0] as string);
      const rest = args.slice(1);
      const none = { interval: 0, timeout: 0, startPeriod: 0, startInterval: 0, retries: 0 };
      if (typ === "NONE") {
        if (rest.length !== 0) fail("HEALTHCHECK NONE takes no arguments");
        return { kind: "HEALTHCHECK", ...base, test: [typ], ...none };
      }
      const fInterval = flags.addString("interval", "");
      const fTimeout = flags.addString("timeout", "");
      const fStartPeriod = flags.addString("start-period", "");
      const fStartInterval = flags.addString("start-interval", "");
      const fRetries = flags.addString("retries", "");
      flags.parse();
      if (typ !== "CMD") fail(`Unknown type ${goQuote(typ)} in HEALTHCHECK (try CMD)`);
      const cmdSlice = cmdLineOf(rest, node.json);
      if (cmdSlice.length === 0) fail("Missing command after HEALTHCHECK CMD");
      if (!node.json) typ = "CMD-SHELL";
      const test = [typ, ...cmdSlice];
      const iv = interval("interval", fInterval);
      const to = interval("timeout", fTimeout);
      const sp = interval("start-period", fStartPeriod);
      const si = interval("start-interval", fStartInterval);
      let retries = 0;
      if (fRetries.value !== "") {
        try {
          retries = goParseInt32(fRetries.value);
        } catch (e) {
          fail((e as Error).message);
        }
        if (retries < 0) fail(`--retries cannot be negative (${retries})`);
      }
      return { kind: "HEALTHCHECK", ...base, test, interval: iv, timeout: to, startPeriod: sp, startInterval: si, retries };
    }
    case "expose":
      if (args.length === 0) fail("EXPOSE requires at least one argument");
      flags.parse();
      return { kind: "EXPOSE", ...base, ports: [...args].sort(compareGo) };
    case "user":
      if (args.length !== 1) fail("USER requires exactly one argument");
      flags.parse();
      return { kind: "USER", ...base, user: args[0] as string };
    case "volume": {
      if (args.length === 0) fail("VOLUME requires at least one argument");
      flags.parse();
      const volumes = args.map((v) => {
        const t = trimSpace(v);
        if (t === "") fail("VOLUME specified can not be an empty string");
        return t;
      });
      return { kind: "VOLUME", ...base, volumes };
    }
    case "stopsignal":
      if (args.length !== 1) fail("STOPSIGNAL requires exactly one argument");
      return { kind: "STOPSIGNAL", ...base, signal: args[0] as string };
    case "arg": {
      if (args.length < 1) fail("ARG requires at least one argument");
      const defs: ArgDefinition[] = args.map((a) => {
        const eq = a.indexOf("=");
        if (eq < 0) return { key: a, docComment: docComment(node.comments, a) };
        const key = a.slice(0, eq);
        if (key.length === 0) fail("ARG names can not be blank");
        return { key, value: a.slice(eq + 1), docComment: docComment(node.comments, key) };
      });
      return { kind: "ARG", ...base, args: defs };
    }
    case "shell": {
      flags.parse();
      const sh = cmdLineOf(args, node.json);
      if (sh.length === 0) fail("SHELL requires at least one argument");
      if (!node.json) fail("SHELL requires the arguments to be in JSON form");
      return { kind: "SHELL", ...base, args: sh };
    }
  }
  return fail(withSuggestion(`unknown instruction: ${node.keyword}`, node.keyword, INSTRUCTION_NAMES, false));
}
