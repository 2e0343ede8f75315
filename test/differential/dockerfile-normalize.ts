/**
 * The normalized JSON of test/oracle/dockerfile/FORMAT.md, computed from
 * goship's parseDockerfile, so differential tests compare it field by field
 * with what BuildKit produced. Test code only: nothing in src depends on it.
 */
import { detectSyntax, DockerfileError, findDirective, parseDockerfile } from "../../src/dockerfile/index.js";
import type { FoundDirective, Instruction, Node } from "../../src/dockerfile/index.js";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function directive(d: FoundDirective | undefined): Json {
  return d ? { value: d.value, cmdline: d.cmdline, line: d.line } : null;
}

function node(n: Node, child: boolean): Json {
  return {
    cmd: n.cmd,
    value: n.keyword,
    flags: n.flags.map((f) => f.text),
    next: n.args.map((a): Json => (a.node ? { children: [node(a.node, true)] } : a.value)),
    json: n.json,
    heredocs: n.heredocs.map((h) => ({ name: h.name, fd: h.fileDescriptor, expand: h.expand, chomp: h.chomp, content: h.content })),
    startLine: child ? 0 : n.startLine,
    endLine: child ? 0 : n.endLine,
    original: n.original,
    comments: child ? [] : [...n.comments],
  };
}

function command(c: Instruction): { [k: string]: Json } {
  const o: { [k: string]: Json } = { name: c.keyword, startLine: c.startLine, endLine: c.endLine, code: c.original, kind: c.kind };
  const shellDep = (x: { cmdLine: readonly string[] | null; shell: boolean; heredocs: readonly { name: string; data: string; chomp: boolean }[] }) => {
    o.cmdLine = x.cmdLine ? [...x.cmdLine] : null;
    o.prependShell = x.shell;
    o.files = x.heredocs.map((h) => ({ name: h.name, data: h.data, chomp: h.chomp }));
  };
  switch (c.kind) {
    case "ENV":
    case "LABEL":
      o.pairs = c.pairs.map((p) => ({ key: p.key, value: p.value, noDelim: p.noDelim }));
      break;
    case "MAINTAINER":
      o.maintainer = c.maintainer;
      break;
    case "ADD":
    case "COPY":
      o.sources = [...c.sources];
      o.contents = c.contents.map((x) => ({ path: x.path, data: x.data, expand: x.expand }));
      o.dest = c.dest;
      o.chown = c.chown;
      o.chmod = c.chmod;
      o.link = c.link;
      o.excludes = [...c.excludes];
      if (c.kind === "ADD") {
        o.keepGitDir = c.keepGitDir ?? null;
        o.checksum = c.checksum;
        o.unpack = c.unpack ?? null;
      } else {
        o.from = c.from;
        o.parents = c.parents;
      }
      break;
    case "ONBUILD":
      o.expression = c.expression;
      break;
    case "WORKDIR":
      o.path = c.path;
      break;
    case "RUN": {
      shellDep(c);
      o.flagsUsed = [...c.flagsUsed].sort();
      o.network = c.network;
      o.security = c.security;
      o.devices = c.devices.map((d) => ({ name: d.name, required: d.required }));
      const bad = c.mounts.find((m) => m.error !== undefined);
      if (bad) o.mountError = bad.error as string;
      else {
        o.mounts = c.mounts.map((x) => {
          const m = x.mount;
          if (!m) throw new Error("mount without error or value");
          return {
            type: m.type, from: m.from, source: m.source, target: m.target, readOnly: m.readOnly, sizeLimit: m.sizeLimit,
            id: m.id, sharing: m.sharing, required: m.required, env: m.env ?? null, mode: m.mode ?? null,
            uid: m.uid ?? null, gid: m.gid ?? null,
          };
        });
      }
      break;
    }
    case "CMD":
    case "ENTRYPOINT":
      shellDep(c);
      break;
    case "HEALTHCHECK":
      o.test = [...c.test];
      o.interval = c.interval;
      o.timeout = c.timeout;
      o.startPeriod = c.startPeriod;
      o.startInterval = c.startInterval;
      o.retries = c.retries;
      break;
    case "EXPOSE":
      o.ports = [...c.ports];
      break;
    case "USER":
      o.user = c.user;
      break;
    case "VOLUME":
      o.volumes = [...c.volumes];
      break;
    case "STOPSIGNAL":
      o.signal = c.signal;
      break;
    case "ARG":
      o.args = c.args.map((a) => ({ key: a.key, value: a.value ?? null, docComment: a.docComment }));
      break;
    case "SHELL":
      o.shell = [...c.args];
      break;
    case "FROM":
      break;
  }
  return o;
}

/** goship's answer in the oracle's normalized form. Non-DockerfileError exceptions propagate (crashes). */
export function normalize(text: string): Json {
  let df;
  try {
    df = parseDockerfile(text);
  } catch (e) {
    if (e instanceof DockerfileError) return { error: { line: e.referenceLine, message: e.message } };
    throw e;
  }
  return {
    escape: df.escapeToken,
    directives: {
      syntax: directive(detectSyntax(text)),
      escape: directive(findDirective("escape", text)),
      check: directive(findDirective("check", text)),
    },
    warnings: df.warnings.map((w) => ({ short: w.short, detail: [...w.detail], url: w.url, line: w.line })),
    ast: df.ast.map((n) => node(n, false)),
    metaArgs: df.metaArgs.map(command),
    stages: df.stages.map((s) => ({
      name: s.name, baseName: s.baseName, platform: s.platform, origCmd: s.from.keyword, code: s.from.original,
      startLine: s.from.startLine, endLine: s.from.endLine, docComment: s.docComment, comments: [...s.from.comments],
      commands: s.commands.map(command),
    })),
  };
}
