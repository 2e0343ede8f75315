/**
 * Seeded mutations of Dockerfiles aimed at BuildKit's build checks: keyword,
 * AS and stage-name casing; ARG/ENV declarations added or removed (global
 * and in stages, with and without defaults); variable uses in FROM, COPY,
 * WORKDIR, ENV, LABEL, USER, RUN --mount; duplicate stage names; shell-form
 * and repeated CMD/ENTRYPOINT/HEALTHCHECK; SHELL; relative WORKDIR;
 * MAINTAINER; legacy `ENV key value`; ONBUILD triggers; goship, hadolint
 * and `# check=` comments. Edits are made at instruction
 * boundaries (never inside a continuation or heredoc) so most mutants still
 * parse. Leaves out: mutations of the parser's own syntax (the parser
 * differential test does those).
 */
import { parseDockerfile } from "../../src/dockerfile/index.js";
import type { Rng } from "../support/random.js";

const NAMES = ["FOO", "TARGETARCH", "TARGETOS", "BUILDPLATFORM", "TARGETPLATFORM", "GOPATH", "GO_VERSION", "VERSION", "APP", "HTTP_PROXY", "PATH", "HOME", "foo", "GOOS", "CGO_ENABLED", "BASE", "TAG"];
const STAGES = ["build", "Build", "BUILD", "builder", "base", "Base", "runtime", "deps", "final", "bUiLd"];
const IMAGES = ["golang:1.22", "alpine:3.19", "scratch", "gcr.io/distroless/static:nonroot", "debian:bookworm", "node:20", "example.com/custom/img:1", "ubuntu"];
const AS_FORMS = ["AS", "as", "As", "aS"];

/** A variable reference in one of the forms the expander knows. */
function ref(rng: Rng, name: string): string {
  return rng.pick([`$${name}`, `\${${name}}`, `\${${name}:-x}`, `\${${name}:+y}`, `"$${name}"`, `\\$${name}`]);
}

function casing(rng: Rng, word: string): string {
  switch (rng.int(4)) {
    case 0:
      return word.toLowerCase();
    case 1:
      return word.toUpperCase();
    case 2:
      return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
    default:
      return [...word].map((c) => (rng.next() < 0.5 ? c.toLowerCase() : c.toUpperCase())).join("");
  }
}

/** Line extents (0-based, inclusive) of the instructions: from goship's parser, or a line heuristic when the text does not parse. */
function instructionExtents(lines: readonly string[]): { readonly start: number; readonly end: number }[] {
  try {
    return parseDockerfile(lines.join("\n")).instructions.map((i) => ({ start: i.startLine - 1, end: i.endLine - 1 }));
  } catch {
    return lines.flatMap((l, i) => (/^\s*[A-Za-z]+(\s|$)/.test(l) ? [{ start: i, end: i }] : []));
  }
}

/** A random instruction to insert. */
function newInstruction(rng: Rng): string {
  const n = rng.pick(NAMES);
  switch (rng.int(16)) {
    case 0:
      return `ARG ${n}`;
    case 1:
      return `ARG ${n}=${rng.pick(["1", "v1.2", ref(rng, rng.pick(NAMES)), '""'])}`;
    case 2:
      return `ENV ${n}=${rng.pick(["1", "/go", ref(rng, rng.pick(NAMES)), '"a b"'])}`;
    case 3:
      return `ENV ${n} ${rng.pick(["1", "a b", ref(rng, rng.pick(NAMES)), '"q"'])}`;
    case 4:
      return `${rng.pick(["CMD", "ENTRYPOINT", "cmd"])} ${rng.pick(["./app", "/app --flag", "echo $HOME", "exec /app", '["/app"]', '["/app", "x"]'])}`;
    case 5:
      return `WORKDIR ${rng.pick(["app", "./src", "/src", "src/x", ref(rng, n), `${ref(rng, n)}/x`, '"/q"', "'rel'", "C:\\x"])}`;
    case 6:
      return `MAINTAINER ${rng.pick(["me <me@example.com>", "x", "a $b"])}`;
    case 7:
      return `COPY ${rng.pick(["", "--chown=" + ref(rng, n) + " ", "--from=build "])}${rng.pick([ref(rng, n), "bin/" + ref(rng, n) + "/app", "."])} ${rng.pick(["/dst", ref(rng, n)])}`;
    case 8:
      return `LABEL ${rng.pick(["a", ref(rng, n)])}=${ref(rng, n)}`;
    case 9:
      return `USER ${ref(rng, n)}`;
    case 10:
      return `RUN --mount=type=cache,target=/cache/${ref(rng, n)} echo $${n}`;
    case 11:
      return `HEALTHCHECK ${rng.pick(["CMD curl -f http://localhost/", "NONE", 'CMD ["/app", "health"]'])}`;
    case 12:
      return `SHELL ["/bin/bash", "-c"]`;
    case 13:
      return rng.pick([`${casing(rng, "run")} echo hi`, `${casing(rng, "copy")} . /x`, `${casing(rng, "env")} A=b`, `${casing(rng, "workdir")} /a`, `${casing(rng, "arg")} A`, `${casing(rng, "user")} app`, `${casing(rng, "expose")} 8080`, `${casing(rng, "label")} k=v`]);
    case 14:
      return `STOPSIGNAL ${rng.pick(["SIGTERM", `\${${n}:-SIGINT}`])}`;
    default:
      return `VOLUME /data${ref(rng, n)}`;
  }
}

/** Multi-line pieces for the trickier scope and casing rules. */
function newBlock(rng: Rng): string {
  const n = rng.pick(NAMES);
  const m = rng.pick(NAMES);
  const stage = rng.pick(STAGES);
  switch (rng.int(19)) {
    case 18:
      return rng.pick(["# hadolint ignore=DL3025\nCMD serve it", "# goship ignore=GS608\nWORKDIR rel", "# goship ignore=GS613,GS609\nENV K v", "# check=skip=JSONArgsRecommended\nCMD serve", "# hadolint global ignore=DL4000\nMAINTAINER x"]);
    case 0:
      return `FROM alpine:3.19 ${rng.pick(AS_FORMS)} ${stage}\nARG ${n}=1\nENV ${m}=/x\nFROM ${stage.toLowerCase()}\nRUN echo\nCOPY ${ref(rng, n)} ${ref(rng, m)}`;
    case 1:
      return `ARG ${n}\nENV A=${ref(rng, n)} B=${ref(rng, "A")} ${m}=${ref(rng, "B")}`;
    case 2:
      return `ARG A=1 B=${ref(rng, "A")} C=${ref(rng, n)}\nLABEL x=${ref(rng, "C")} y=${ref(rng, "B")}`;
    case 3:
      return `COPY ${rng.pick(["<<EOF", "<<'EOF'", '<<"EOF"', "<<-EOF"])} /dst\n${rng.pick(["", "\t"])}${ref(rng, n)} and ${ref(rng, m)}\n${rng.pick(["EOF", "\tEOF"])}`;
    case 4:
      return `ADD ${rng.pick(["--checksum=" + ref(rng, n), "--chmod=" + ref(rng, n), "--chown=" + ref(rng, n) + ":" + ref(rng, m)])} https://example.com/a /a`;
    case 5:
      return `ONBUILD ${rng.pick(["RUN echo $" + n, "COPY $" + n + " /x", "CMD echo hi", "WORKDIR rel", "ENV " + n + " legacy"])}`;
    case 6:
      return `EXPOSE ${ref(rng, n)}\nSHELL ["/bin/sh", "-c"]\nCMD echo $${m}`;
    case 7:
      return `RUN --mount=type=bind,from=${rng.pick(["build", ref(rng, n)])},target=/m,source=${ref(rng, m)} true`;
    case 8:
      return `ENV ${n}='${"$"}${m}' ${m}="${"$"}${n}"\nWORKDIR '${"$"}${n}'`;
    case 9:
      return `FROM scratch ${rng.pick(AS_FORMS)} ${stage}\nFROM scratch ${rng.pick(AS_FORMS)} ${casing(rng, stage)}`;
    case 10:
      return `${casing(rng, "from")} alpine ${rng.pick(AS_FORMS)} ${stage}\n${casing(rng, "cmd")} ["a"]`;
    case 11:
      return `ENV ${n} \\\n  ${ref(rng, m)}\n${rng.pick(["maintainer", "MAINTAINER", "Maintainer"])} someone`;
    case 12:
      return `HEALTHCHECK CMD echo ${ref(rng, n)}\nHEALTHCHECK NONE\nENTRYPOINT /app\nENTRYPOINT ["/app"]`;
    case 13:
      return `FROM golang:1.22 ${rng.pick(AS_FORMS)} ${stage}\nSHELL ["/bin/bash", "-c"]\nWORKDIR /src\nFROM ${stage.toLowerCase()}\nWORKDIR rel\nCMD run it`;
    case 14:
      return `ARG ${n}\nUSER ${ref(rng, n)}:${ref(rng, m)}\nVOLUME ["/v/${"$"}${m}"]`;
    case 15:
      return `ENV ${"$"}${n}=1 ${ref(rng, m)}=2`;
    case 16:
      return `STOPSIGNAL ${"$"}{${n}:-SIG${"$"}{${m}:-TERM}}\nWORKDIR ${"$"}{${n}:-${"$"}{${m}}}/x`;
    default:
      return `onbuild ${rng.pick(["run", "RUN"])} echo\n${casing(rng, "onbuild")} ${rng.pick(["COPY", "copy"])} a /b`;
  }
}

function newFrom(rng: Rng): string {
  const from = casing(rng, "FROM");
  const plat = rng.next() < 0.25 ? `--platform=${rng.pick(["$BUILDPLATFORM", "${TARGETPLATFORM}", "${FOO:-linux/arm64}", "linux/amd64", "$FOO"])} ` : "";
  const img = rng.next() < 0.3 ? rng.pick(["golang:${GO_VERSION}", "golang:${GO_VERSION:-1.22}", "${BASE:-alpine}", "alpine:${TAG:-3}", "${BASE:-debian}:${TAG:-12}", "build", "$BASE"]) : rng.pick(IMAGES);
  const named = rng.next() < 0.7 ? ` ${rng.pick(AS_FORMS)} ${rng.pick(STAGES)}` : "";
  return `${from} ${plat}${img}${named}`;
}

/** One mutant of `text`: 1 to 4 edits. */
export function mutate(text: string, rng: Rng): string {
  const lines = text.split("\n");
  const edits = 1 + rng.int(4);
  for (let k = 0; k < edits; k++) {
    const ext = instructionExtents(lines);
    const pickExt = ext.length > 0 ? rng.pick(ext) : { start: 0, end: 0 };
    const at = pickExt.start;
    const line = lines[at] ?? "";
    const single = pickExt.start === pickExt.end;
    // Stage instructions go after the first FROM; only ARG may come before it.
    const firstFrom = ext.find((e) => /^\s*from\s/i.test(lines[e.start] ?? ""));
    const insertAt = (): number => {
      const where = rng.next() < 0.5 ? pickExt.start : pickExt.end + 1;
      return firstFrom && where <= firstFrom.start ? firstFrom.end + 1 : where;
    };
    switch (rng.int(14)) {
      case 0:
        // Keyword casing.
        lines[at] = line.replace(/^(\s*)([A-Za-z]+)/, (_m, sp: string, kw: string) => sp + casing(rng, kw));
        break;
      case 1:
        // AS keyword and stage name casing.
        lines[at] = line.replace(/(\s)(as)(\s+)([A-Za-z0-9_.-]+)/i, (_m, a: string, _as: string, b: string, name: string) => `${a}${rng.pick(AS_FORMS)}${b}${rng.next() < 0.6 ? casing(rng, name) : name}`);
        break;
      case 2:
      case 3:
        lines.splice(insertAt(), 0, newInstruction(rng));
        break;
      case 4: {
        // Remove an ARG or ENV.
        const decl = ext.filter((e) => /^\s*(arg|env)\s/i.test(lines[e.start] ?? ""));
        if (decl.length > 0) {
          const d = rng.pick(decl);
          lines.splice(d.start, d.end - d.start + 1);
        }
        break;
      }
      case 5: {
        // Duplicate a FROM line (same stage name twice) or add a new stage.
        const froms = ext.filter((e) => e.start === e.end && /^\s*from\s/i.test(lines[e.start] ?? ""));
        const to = rng.next() < 0.5 ? pickExt.end + 1 : lines.length;
        if (froms.length > 0 && rng.next() < 0.5) lines.splice(to, 0, lines[rng.pick(froms).start]!);
        else lines.splice(to, 0, newFrom(rng));
        break;
      }
      case 6:
        // JSON CMD/ENTRYPOINT to shell form; RUN to CMD/ENTRYPOINT.
        if (single) {
          lines[at] = line
            .replace(/^(\s*(?:cmd|entrypoint)\s+)\[(.*)\]\s*$/i, (_m, kw: string, body: string) => kw + body.split(",").map((w) => w.trim().replace(/^"|"$/g, "")).join(" "))
            .replace(/^(\s*)(run)(\s)/i, (_m, sp: string, _r: string, sep: string) => `${sp}${rng.pick(["CMD", "ENTRYPOINT"])}${sep}`);
        }
        break;
      case 7: {
        // A global ARG (FROM can use it; stages cannot without redeclaring it).
        const n = rng.pick(["GO_VERSION", "BASE", "TAG", "FOO", "HTTP_PROXY", "TARGETARCH"]);
        lines.splice(0, 0, rng.next() < 0.5 ? `ARG ${n}` : `ARG ${n}=${n === "BASE" ? "alpine" : "1"}`);
        break;
      }
      case 8:
        // A variable use in an existing instruction's arguments.
        if (single && /^\s*(copy|add|workdir|env|label|user|from)\s/i.test(line) && !/\sas\s/i.test(line)) lines[at] = `${line}${rng.pick(["", "/"])}${ref(rng, rng.pick(NAMES))}`;
        break;
      case 9:
        lines.splice(rng.next() < 0.5 ? pickExt.end + 1 : lines.length, 0, newFrom(rng));
        break;
      case 10:
        // Legacy ENV from key=value, or the reverse.
        lines[at] = /^\s*env\s+[^\s=]+=/i.test(line) ? line.replace(/^(\s*env\s+)([^\s=]+)=/i, "$1$2 ") : line.replace(/^(\s*env\s+)([^\s=]+)\s+/i, "$1$2=");
        break;
      case 12:
      case 13:
        lines.splice(insertAt(), 0, ...newBlock(rng).split("\n"));
        break;
      default:
        // Remove a whole instruction.
        lines.splice(pickExt.start, pickExt.end - pickExt.start + 1);
        break;
    }
  }
  return lines.join("\n");
}
