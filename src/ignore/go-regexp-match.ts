/**
 * Matching for regexps parsed by go-regexp-parse: Go's MatchString (does the
 * regexp match anywhere in the text?) over Unicode code points, as RE2 does.
 *
 * The tree is compiled to a Thompson NFA and run as a state set, so time is
 * linear in the text times the program size: no backtracking, no pattern
 * can make a match hang (BuildKit's RE2 has the same guarantee). Programs
 * over Go's size limit are refused as Go refuses them ("expression too
 * large"); counted repeats are expanded as Go expands them. Only the
 * yes/no answer is computed; submatches and leftmost-first choice are left
 * out because patternmatcher only asks whether a path matches.
 */
import { GoRegexpError, type RegexNode, parseGoRegexp } from "./go-regexp-parse.js";

const enum Kind {
  Set,
  Split,
  Assert,
  Match,
}

type AssertKind = "begin" | "end" | "word" | "nonword";

interface State {
  kind: Kind;
  test?: (cp: number) => boolean;
  assert?: AssertKind;
  out: number;
  out2: number;
}

/** A compiled Go regexp: `test(text)` answers regexp.MatchString. */
export interface GoRegexp {
  readonly source: string;
  test(text: string): boolean;
  testCodePoints(cps: readonly number[]): boolean;
}

class Builder {
  readonly states: State[] = [];

  add(s: State): number {
    this.states.push(s);
    return this.states.length - 1;
  }

  /** Compiles `n` so that it continues at `next`; returns its entry state. */
  build(n: RegexNode, next: number): number {
    switch (n.op) {
      case "empty":
        return next;
      case "cap":
        return this.build(n.sub, next);
      case "repeat": {
        // x{n,m} = n copies of x, then m-n nested optional copies (x{n,} ends in x*).
        let entry: number;
        if (n.max === -1) {
          entry = this.build({ op: "star", sub: n.sub }, next);
        } else {
          entry = next;
          for (let i = n.max - n.min; i > 0; i--) {
            const body = this.build(n.sub, entry);
            entry = this.add({ kind: Kind.Split, out: body, out2: next });
          }
        }
        for (let i = 0; i < n.min; i++) entry = this.build(n.sub, entry);
        return entry;
      }
      case "lit": {
        const cp = n.cp;
        return this.add({ kind: Kind.Set, test: (c) => c === cp, out: next, out2: -1 });
      }
      case "set":
        return this.add({ kind: Kind.Set, test: n.test, out: next, out2: -1 });
      case "assert":
        return this.add({ kind: Kind.Assert, assert: n.kind, out: next, out2: -1 });
      case "cat": {
        let entry = next;
        for (let i = n.subs.length - 1; i >= 0; i--) entry = this.build(n.subs[i] as RegexNode, entry);
        return entry;
      }
      case "alt": {
        let entry = this.build(n.subs[n.subs.length - 1] as RegexNode, next);
        for (let i = n.subs.length - 2; i >= 0; i--) {
          const a = this.build(n.subs[i] as RegexNode, next);
          entry = this.add({ kind: Kind.Split, out: a, out2: entry });
        }
        return entry;
      }
      case "quest": {
        const body = this.build(n.sub, next);
        return this.add({ kind: Kind.Split, out: body, out2: next });
      }
      case "star": {
        const split = this.add({ kind: Kind.Split, out: -1, out2: next });
        (this.states[split] as State).out = this.build(n.sub, split);
        return split;
      }
      case "plus": {
        const split = this.add({ kind: Kind.Split, out: -1, out2: next });
        const body = this.build(n.sub, split);
        (this.states[split] as State).out = body;
        return body;
      }
    }
  }
}

const isWordChar = (c: number | undefined): boolean =>
  c !== undefined && ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f);

function assertHolds(kind: AssertKind, cps: readonly number[], i: number): boolean {
  switch (kind) {
    case "begin":
      return i === 0;
    case "end":
      return i === cps.length;
    case "word":
      return isWordChar(cps[i - 1]) !== isWordChar(cps[i]);
    case "nonword":
      return isWordChar(cps[i - 1]) === isWordChar(cps[i]);
  }
}

function toCodePoints(text: string): number[] {
  const cps: number[] = [];
  for (const ch of text) cps.push(ch.codePointAt(0) as number);
  return cps;
}

/** regexp/syntax maxSize: 128 MiB of 40-byte instructions. */
const MAX_PROGRAM_SIZE = Math.floor((128 << 20) / 40);

/** regexp/syntax calcSize: Go's estimate of the compiled program size. */
function programSize(n: RegexNode): number {
  let size: number;
  switch (n.op) {
    case "lit":
    case "set":
    case "assert":
    case "empty":
      size = 1;
      break;
    case "cap":
    case "star":
      size = 2 + programSize(n.sub);
      break;
    case "plus":
    case "quest":
      size = 1 + programSize(n.sub);
      break;
    case "cat":
      size = n.subs.reduce((t, s) => t + programSize(s), 0);
      break;
    case "alt":
      size = n.subs.reduce((t, s) => t + programSize(s), 0) + n.subs.length - 1;
      break;
    case "repeat": {
      const sub = programSize(n.sub);
      if (n.max === -1) size = n.min === 0 ? 2 + sub : 1 + n.min * sub;
      else size = n.max * sub + (n.max - n.min);
      break;
    }
  }
  return Math.max(1, size);
}

/** Compiles `source` with Go's rules; throws GoRegexpError where regexp.Compile fails. */
export function compileGoRegexp(source: string): GoRegexp {
  const tree = parseGoRegexp(source);
  // Go refuses programs over its size limit ("expression too large").
  if (programSize(tree) > MAX_PROGRAM_SIZE) throw new GoRegexpError("expression too large");
  const b = new Builder();
  const match = b.add({ kind: Kind.Match, out: -1, out2: -1 });
  const start = b.build(tree, match);
  const states = b.states;
  const mark = new Int32Array(states.length);

  const testCodePoints = (cps: readonly number[]): boolean => {
    mark.fill(-1);
    // Adds `s` and every state reachable from it without consuming input at
    // position i to `list`; states are marked with the position they were
    // added for. Returns true when the match state is reachable.
    const addState = (list: number[], s: number, i: number): boolean => {
      const stack = [s];
      while (stack.length > 0) {
        const id = stack.pop() as number;
        if (mark[id] === i) continue;
        mark[id] = i;
        const st = states[id] as State;
        switch (st.kind) {
          case Kind.Match:
            return true;
          case Kind.Set:
            list.push(id);
            break;
          case Kind.Split:
            stack.push(st.out2, st.out);
            break;
          case Kind.Assert:
            if (assertHolds(st.assert as AssertKind, cps, i)) stack.push(st.out);
            break;
        }
      }
      return false;
    };
    let cur: number[] = [];
    for (let i = 0; ; i++) {
      // Unanchored search: a new thread may start at every position.
      if (addState(cur, start, i)) return true;
      if (i === cps.length) return false;
      const c = cps[i] as number;
      const nxt: number[] = [];
      for (const id of cur) {
        const st = states[id] as State;
        if ((st.test as (cp: number) => boolean)(c) && addState(nxt, st.out, i + 1)) return true;
      }
      cur = nxt;
    }
  };

  return { source, testCodePoints, test: (text) => testCodePoints(toCodePoints(text)) };
}
