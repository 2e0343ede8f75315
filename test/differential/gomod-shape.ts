/**
 * Shared by the go.mod differential tests: goship's GoMod/GoWork results in
 * the oracle's normalized JSON shape (test/oracle/gomod), so a comparison is
 * one deepEqual.
 */
import type { Range } from "../../src/diagnostic/located-error.js";
import { GoModSyntaxError } from "../../src/gomod/modfile-error.js";
import type { GoMod, GoModReplace } from "../../src/gomod/go-mod.js";
import type { GoWork } from "../../src/gomod/go-work.js";

export interface At {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

export function at(r: Range): At {
  return { line: r.start.line, col: r.start.column, endLine: r.end.line, endCol: r.end.column };
}

function replaceShape(r: GoModReplace): unknown {
  return { oldPath: r.old.path, oldVersion: r.old.version, newPath: r.new.path, newVersion: r.new.version, at: at(r.range) };
}

export function modShape(m: GoMod): unknown {
  return {
    module: m.module ? { path: m.module.path, deprecated: m.module.deprecated, at: at(m.module.range) } : null,
    go: m.go ? { version: m.go.version, at: at(m.go.range) } : null,
    toolchain: m.toolchain ? { name: m.toolchain.name, at: at(m.toolchain.range) } : null,
    godebug: m.godebug.map((g) => ({ key: g.key, value: g.value, at: at(g.range) })),
    require: m.require.map((r) => ({ path: r.path, version: r.version, indirect: r.indirect, at: at(r.range) })),
    exclude: m.exclude.map((r) => ({ path: r.path, version: r.version, at: at(r.range) })),
    replace: m.replace.map(replaceShape),
    retract: m.retract.map((r) => ({ low: r.low, high: r.high, rationale: r.rationale, at: at(r.range) })),
    tool: m.tool.map((t) => ({ path: t.path, at: at(t.range) })),
    ignore: m.ignore.map((t) => ({ path: t.path, at: at(t.range) })),
  };
}

export function workShape(w: GoWork): unknown {
  return {
    go: w.go ? { version: w.go.version, at: at(w.go.range) } : null,
    toolchain: w.toolchain ? { name: w.toolchain.name, at: at(w.toolchain.range) } : null,
    godebug: w.godebug.map((g) => ({ key: g.key, value: g.value, at: at(g.range) })),
    use: w.use.map((u) => ({ path: u.path, at: at(u.range) })),
    replace: w.replace.map(replaceShape),
  };
}

/** Runs a parser and returns its shape, or `{ error }` with x/mod's text. */
export function shapeOf<T>(parse: () => T, shape: (x: T) => unknown): unknown {
  try {
    return shape(parse());
  } catch (e) {
    if (e instanceof GoModSyntaxError) return { error: e.goText };
    throw e;
  }
}
