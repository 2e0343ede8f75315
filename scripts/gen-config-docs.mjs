#!/usr/bin/env node
// Regenerates docs/configuration-reference.md from schema/goship.schema.json:
// one section per object of the schema (top-level sections, nested objects,
// objects inside arrays and maps), each with a table of its keys: type (enums,
// lists, maps via additionalProperties, oneOf/anyOf, $ref resolved), default,
// constraints and description. Knows no section by name, so new sections and
// keys appear by themselves.
//   node scripts/gen-config-docs.mjs            write the file
//   node scripts/gen-config-docs.mjs --check    exit 1 when the file differs
//   --schema FILE --out FILE                    other paths (tests)
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..");

const code = (v) => "`" + (typeof v === "string" ? v : JSON.stringify(v)) + "`";
/** Markdown-safe table cell: pipes escaped, and < > outside `code` spans (so <key> is not read as HTML). */
const cell = (s) =>
  String(s)
    .replace(/\n+/g, " ")
    .split("`")
    .map((part, i) => (i % 2 === 0 ? part.replace(/</g, "&lt;").replace(/>/g, "&gt;") : part))
    .join("`")
    .replace(/\|/g, "\\|");

function resolveRef(root, s) {
  let cur = s;
  const seen = new Set();
  while (cur && typeof cur === "object" && typeof cur.$ref === "string" && !seen.has(cur.$ref)) {
    seen.add(cur.$ref);
    if (!cur.$ref.startsWith("#/")) break;
    let t = root;
    for (const part of cur.$ref.slice(2).split("/")) t = t?.[part.replace(/~1/g, "/").replace(/~0/g, "~")];
    const { $ref: _r, ...rest } = cur;
    cur = { ...(t ?? {}), ...rest };
  }
  return cur ?? {};
}

function isObjectSchema(s) {
  return s && typeof s === "object" && (s.type === "object" || (Array.isArray(s.type) && s.type.includes("object")) || s.properties !== undefined);
}

/** A one-line type, naming child sections by path. */
export function typeOf(root, raw, path) {
  const s = resolveRef(root, raw);
  if (s === true || (typeof s === "object" && Object.keys(s).length === 0)) return "any";
  if (s.const !== undefined) return code(s.const);
  if (Array.isArray(s.enum)) return "one of " + s.enum.map(code).join(", ");
  for (const k of ["oneOf", "anyOf"]) if (Array.isArray(s[k])) return s[k].map((x, i) => typeOf(root, x, `${path}`)).join(" or ");
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const parts = types.map((t) => {
    if (t === "array") {
      const items = s.items === undefined ? "any" : typeOf(root, s.items, `${path}[]`);
      return `list of ${items}${s.uniqueItems ? " (unique)" : ""}`;
    }
    if (t === "object") {
      if (s.properties) return `object (see [${path}](#${anchor(path)}))`;
      if (s.additionalProperties && typeof s.additionalProperties === "object") {
        const key = s.propertyNames ? keyType(root, s.propertyNames) : "string";
        return `map of ${key} → ${typeOf(root, s.additionalProperties, `${path}.<key>`)}`;
      }
      return "object";
    }
    return t;
  });
  if (parts.length === 0 && s.properties) return `object (see [${path}](#${anchor(path)}))`;
  return parts.join(" or ") || "any";
}

function keyType(root, raw) {
  const s = resolveRef(root, raw);
  if (Array.isArray(s.enum)) return "one of " + s.enum.map(code).join(", ");
  if (s.pattern) return `key matching ${code(s.pattern)}`;
  return "string";
}

export function constraints(root, raw) {
  const s = resolveRef(root, raw);
  const out = [];
  for (const k of ["pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties", "format"]) {
    if (s[k] !== undefined) out.push(`${k} ${code(s[k])}`);
  }
  if (s.items) {
    const it = resolveRef(root, s.items);
    for (const k of ["pattern", "minLength", "maxLength", "minimum", "maximum"]) if (it[k] !== undefined) out.push(`each: ${k} ${code(it[k])}`);
  }
  return out.join("; ");
}

export function anchor(path) {
  return path.toLowerCase().replace(/[^a-z0-9 _-]/g, "").replace(/ /g, "-");
}

/** Every object section under `s` at `path`, depth first: [{ path, schema }]. */
function sections(root, raw, path, out) {
  const s = resolveRef(root, raw);
  if (isObjectSchema(s) && s.properties) out.push({ path, schema: s });
  for (const [k, v] of Object.entries(s.properties ?? {})) sections(root, v, path ? `${path}.${k}` : k, out);
  if (s.items && typeof s.items === "object") sections(root, s.items, `${path}[]`, out);
  if (s.additionalProperties && typeof s.additionalProperties === "object") sections(root, s.additionalProperties, `${path}.<key>`, out);
  for (const k of ["oneOf", "anyOf", "allOf"]) if (Array.isArray(s[k])) s[k].forEach((x) => sections(root, x, path, out));
  return out;
}

export function renderConfigDocs(schema) {
  const lines = [
    `# Configuration reference: ${schema.title ?? ".goship.yaml"}`,
    "",
    "<!-- Generated by scripts/gen-config-docs.mjs from schema/goship.schema.json; do not edit. -->",
    "",
    schema.description ?? "",
    "",
    "Editors that read JSON Schema validate and complete `.goship.yaml` with `schema/goship.schema.json` (in the npm package). A guide with examples: [configuration.md](configuration.md).",
    "",
  ];
  const secs = sections(schema, schema, "", []);
  const seen = new Set();
  for (const { path, schema: s } of secs) {
    const title = path === "" ? "Top level" : path;
    if (seen.has(title)) continue;
    seen.add(title);
    const depth = path === "" || !/[.[]/.test(path) ? 2 : 3;
    lines.push(`${"#".repeat(depth)} ${cell(title)}`, "");
    if (path !== "" && s.description) lines.push(cell(s.description), "");
    const req = new Set(s.required ?? []);
    lines.push("| key | type | default | constraints | description |", "| --- | --- | --- | --- | --- |");
    for (const [k, v] of Object.entries(s.properties)) {
      const p = path ? `${path}.${k}` : k;
      const r = resolveRef(schema, v);
      lines.push(
        `| \`${k}\`${req.has(k) ? " (required)" : ""} | ${cell(typeOf(schema, v, p))} | ${r.default !== undefined ? cell(code(r.default)) : ""} | ${cell(constraints(schema, v))} | ${cell(r.description ?? r.markdownDescription ?? "")} |`,
      );
    }
    lines.push("");
    const ap = s.additionalProperties;
    if (ap === false) lines.push("Other keys are an error.", "");
    else if (ap && typeof ap === "object") lines.push(`Other keys: ${typeOf(schema, ap, `${path}.<key>`)}.`, "");
    if (Array.isArray(s.examples)) for (const ex of s.examples) lines.push("```json", JSON.stringify(ex, null, 2), "```", "");
  }
  return lines.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}

function main(argv) {
  const opt = (name, def) => {
    const i = argv.indexOf(name);
    return i >= 0 ? resolve(argv[i + 1]) : def;
  };
  const schemaFile = opt("--schema", join(ROOT, "schema", "goship.schema.json"));
  const out = opt("--out", join(ROOT, "docs", "configuration-reference.md"));
  const text = renderConfigDocs(JSON.parse(readFileSync(schemaFile, "utf8")));
  const now = existsSync(out) ? readFileSync(out, "utf8") : null;
  if (argv.includes("--check")) {
    if (now !== text) {
      console.error(`drift: ${out} differs from ${schemaFile} (run node scripts/gen-config-docs.mjs)`);
      process.exit(1);
    }
    console.log(`${out}: up to date`);
    return;
  }
  if (now === text) return void console.log(`${out}: unchanged`);
  const tmp = `${out}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, out);
  console.log(`wrote ${out}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main(process.argv.slice(2));
