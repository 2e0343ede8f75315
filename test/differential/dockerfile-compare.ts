/**
 * Comparison of goship's normalized answer with BuildKit's, shared by the
 * differential tests. One known, unavoidable difference is tolerated: when
 * several options are equally close, BuildKit's "did you mean X?" picks one in
 * Go map order (random per run); any equally close option is accepted.
 */
import { isDeepStrictEqual } from "node:util";
import { closestOptions } from "../../src/dockerfile/index.js";

export interface ErrorAnswer {
  readonly error: { readonly line: number; readonly message: string };
}

const INSTRUCTIONS = ["ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR"];

/** Is `b` an equally good suggestion in place of `a` for this message? */
function sameSuggestion(goMsg: string, tsMsg: string): boolean {
  const re = /^(.*) \(did you mean (.*)\?\)$/s;
  const g = re.exec(goMsg);
  const t = re.exec(tsMsg);
  if (!g || !t || g[1] !== t[1]) return false;
  const prefix = g[1] as string;
  let m: RegExpExecArray | null;
  if ((m = /unknown instruction: (.*)$/s.exec(prefix))) {
    const opts = closestOptions(m[1] as string, INSTRUCTIONS, false);
    return opts.includes(g[2] as string) && opts.includes(t[2] as string);
  }
  // Flags, mount types, sharing modes and keys: every candidate BuildKit could offer is a lower-case word;
  // check that both are at the same (minimal) distance from the value in the message.
  if ((m = /unknown flag: --(.*)$/s.exec(prefix)) || (m = /unexpected key '(.*?)' in /s.exec(prefix)) ||
      (m = /unsupported (?:mount type|sharing value) "(.*)"$/s.exec(prefix))) {
    const opts = closestOptions(m[1] as string, [g[2] as string, t[2] as string], true);
    return opts.includes(g[2] as string) && opts.includes(t[2] as string);
  }
  return false;
}

export type Verdict = { readonly ok: true } | { readonly ok: false; readonly why: string };

export function compareAnswers(goAns: unknown, tsAns: unknown): Verdict {
  if (isDeepStrictEqual(goAns, tsAns)) return { ok: true };
  const g = goAns as Partial<ErrorAnswer>;
  const t = tsAns as Partial<ErrorAnswer>;
  if (g.error && t.error && g.error.line === t.error.line && sameSuggestion(g.error.message, t.error.message)) {
    return { ok: true };
  }
  return { ok: false, why: firstDifference(goAns, tsAns, "$") ?? "differs" };
}

function firstDifference(a: unknown, b: unknown, path: string): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (a && b && typeof a === "object" && typeof b === "object" && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
  }
  return `${path}: buildkit=${JSON.stringify(a)?.slice(0, 400)} goship=${JSON.stringify(b)?.slice(0, 400)}`;
}
