/**
 * The module-info text inside a Go binary, both ways, as Go 1.26's
 * runtime/debug does it: `parseModInfo` is debug.ParseBuildInfo (path, mod,
 * dep, `=>` and quoted `build` lines, same error texts), `formatModInfo` is
 * BuildInfo.String(), and `formatGoVersionM` is what `go version -m FILE`
 * prints. Pure.
 */
import { goQuote } from "../golang/strconv-quote.js";
import { goUnquoteBytes } from "../golang/strconv-unquote.js";
import type { GoBuildInfo, GoBuildSetting, GoModule } from "./types.js";

export class ModInfoError extends Error {
  override readonly name = "ModInfoError";
}

const EMPTY: GoModule = Object.freeze({ path: "", version: "", sum: "" });

function quoteKey(key: string): boolean {
  return key.length === 0 || /[= \t\r\n"`]/.test(key);
}

function quoteValue(value: string): boolean {
  return /[ \t\r\n"`]/.test(value);
}

/** strconv.Unquote on UTF-8 text (goUnquoteBytes works on byte strings). */
function unquote(s: string): string | null {
  const r = goUnquoteBytes(Buffer.from(s, "utf8").toString("latin1"));
  return r === null ? null : Buffer.from(r, "latin1").toString("utf8");
}

/** strconv.QuotedPrefix: the quoted literal `s` starts with, or null. */
function quotedPrefix(s: string): string | null {
  const q = s[0];
  if (q === "`") {
    const end = s.indexOf("`", 1);
    return end < 0 ? null : s.slice(0, end + 1);
  }
  for (let i = 1; i < s.length; i++) {
    const c = s[i];
    if (c === "\n") return null;
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === q) {
      const lit = s.slice(0, i + 1);
      return unquote(lit) === null ? null : lit;
    }
  }
  return null;
}

function readModuleLine(elem: string[]): GoModule {
  if (elem.length !== 2 && elem.length !== 3) throw new Error(`expected 2 or 3 columns; got ${elem.length}`);
  return { path: elem[0]!, version: elem[1]!, sum: elem[2] ?? "" };
}

function parseBuildLine(kv: string): GoBuildSetting {
  if (kv.length < 1) throw new Error("build line missing '='");
  let key: string;
  let rawValue: string;
  if (kv[0] === "=") throw new Error("build line with missing key");
  if (kv[0] === "`" || kv[0] === '"') {
    const rawKey = quotedPrefix(kv);
    if (rawKey === null) throw new Error("invalid quoted key in build line");
    if (kv.length === rawKey.length) throw new Error("build line missing '=' after quoted key");
    const c = kv[rawKey.length]!;
    if (c !== "=") throw new Error(`unexpected character after quoted key: ${goQuote(c).replace(/^"|"$/g, "'")}`);
    key = unquote(rawKey) ?? "";
    rawValue = kv.slice(rawKey.length + 1);
  } else {
    const eq = kv.indexOf("=");
    if (eq < 0) throw new Error("build line missing '=' after key");
    key = kv.slice(0, eq);
    rawValue = kv.slice(eq + 1);
    if (quoteKey(key)) throw new Error(`unquoted key ${goQuote(key)} must be quoted`);
  }
  let value = "";
  if (rawValue.length > 0) {
    if (rawValue[0] === "`" || rawValue[0] === '"') {
      const v = unquote(rawValue);
      if (v === null) throw new Error("invalid quoted value in build line");
      value = v;
    } else {
      value = rawValue;
      if (quoteValue(value)) throw new Error(`unquoted value ${goQuote(value)} must be quoted`);
    }
  }
  return { key, value };
}

/** debug.ParseBuildInfo(text) with `goVersion` set, as debug/buildinfo.Read does. Throws ModInfoError. */
export function parseModInfo(text: string, goVersion = ""): GoBuildInfo {
  let path = "";
  let main: GoModule = EMPTY;
  const deps: GoModule[] = [];
  const settings: GoBuildSetting[] = [];
  // `last` names the module a `=>` line replaces: "main", a dep index, or none.
  let last: "main" | number | undefined;
  let lineNum = 1;
  let data = text;
  try {
    while (data.length > 0) {
      const nl = data.indexOf("\n");
      if (nl < 0) break;
      const line = data.slice(0, nl);
      data = data.slice(nl + 1);
      if (line.startsWith("path\t")) {
        path = line.slice(5);
      } else if (line.startsWith("mod\t")) {
        last = "main";
        main = readModuleLine(line.slice(4).split("\t"));
      } else if (line.startsWith("dep\t")) {
        last = deps.length;
        deps.push(EMPTY);
        deps[last] = readModuleLine(line.slice(4).split("\t"));
      } else if (line.startsWith("=>\t")) {
        const elem = line.slice(3).split("\t");
        if (elem.length !== 3) throw new Error(`expected 3 columns for replacement; got ${elem.length}`);
        if (last === undefined) throw new Error("replacement with no module on previous line");
        const replace: GoModule = { path: elem[0]!, version: elem[1]!, sum: elem[2]! };
        if (last === "main") main = { ...main, replace };
        else deps[last] = { ...deps[last]!, replace };
        last = undefined;
      } else if (line.startsWith("build\t")) {
        settings.push(parseBuildLine(line.slice(6)));
      }
      lineNum++;
    }
  } catch (e) {
    throw new ModInfoError(`could not parse Go build info: line ${lineNum}: ${(e as Error).message}`);
  }
  return { goVersion, path, main, deps, settings };
}

function formatMod(word: string, m: GoModule): string {
  let s = `${word}\t${m.path}\t${m.version}`;
  s += m.replace === undefined ? `\t${m.sum}` : `\n${formatMod("=>", m.replace)}`;
  return s + "\n";
}

function isEmpty(m: GoModule): boolean {
  return m.path === "" && m.version === "" && m.sum === "" && m.replace === undefined;
}

/** BuildInfo.String(): the text form of build info (the `go` line only when goVersion is set). */
export function formatModInfo(bi: GoBuildInfo): string {
  let out = "";
  if (bi.goVersion !== "") out += `go\t${bi.goVersion}\n`;
  if (bi.path !== "") out += `path\t${bi.path}\n`;
  if (!isEmpty(bi.main)) out += formatMod("mod", bi.main);
  for (const d of bi.deps) out += formatMod("dep", d);
  for (const s of bi.settings) {
    const key = quoteKey(s.key) ? goQuote(s.key) : s.key;
    const value = quoteValue(s.value) ? goQuote(s.value) : s.value;
    out += `build\t${key}=${value}\n`;
  }
  return out;
}

/** The output of `go version -m FILE` for a binary with this build info. */
export function formatGoVersionM(file: string, bi: GoBuildInfo): string {
  const mod = formatModInfo({ ...bi, goVersion: "" });
  let out = `${file}: ${bi.goVersion}\n`;
  if (mod.length > 0) out += `\t${mod.slice(0, -1).replaceAll("\n", "\n\t")}\n`;
  return out;
}
