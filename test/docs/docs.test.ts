import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { lintText } from "../../src/lint/engine.js";
import { parseConfig } from "../../src/config/load.js";
import { RULES } from "../../src/lint/rules/index.js";
import { ROOT } from "../support/paths.js";

function script(name: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [join(ROOT, "scripts", name), ...args], { cwd: ROOT, encoding: "utf8" });
}

test("docs/commands and the hadolint table are what scripts/gen-command-docs.mjs generates (run it after changing a command)", () => {
  const r = script("gen-command-docs.mjs", ["--check"]);
  assert.equal(r.status, 0, r.stderr + r.stdout);
});

test("docs/configuration-reference.md is what scripts/gen-config-docs.mjs generates from the schema (run it after changing the schema)", () => {
  const r = script("gen-config-docs.mjs", ["--check"]);
  assert.equal(r.status, 0, r.stderr + r.stdout);
});

test("gen-command-docs --check fails on a stale page and on an orphan page", () => {
  const root = mkdtempSync(join(tmpdir(), "goship-cmddocs-"));
  try {
    for (const d of ["bin", "dist", "node_modules", "package.json"]) symlinkSync(join(ROOT, d), join(root, d));
    cpSync(join(ROOT, "docs"), join(root, "docs"), { recursive: true });
    const check = (): { status: number | null; stdout: string; stderr: string } =>
      spawnSync(process.execPath, [join(ROOT, "scripts", "gen-command-docs.mjs"), "--check", "--root", root], { encoding: "utf8" });
    const clean = check();
    assert.equal(clean.status, 0, clean.stderr);
    const page = join(root, "docs", "commands", "lint.md");
    writeFileSync(page, readFileSync(page, "utf8").replace("--fix", "--fixx"));
    writeFileSync(join(root, "docs", "commands", "gone.md"), "# goship gone\n");
    const r = check();
    assert.equal(r.status, 1);
    assert.match(r.stderr, /drift: docs\/commands\/lint\.md/);
    assert.match(r.stderr, /drift: docs\/commands\/gone\.md/);
    const table = join(root, "docs", "migrate", "from-hadolint.md");
    writeFileSync(page, readFileSync(join(ROOT, "docs", "commands", "lint.md"), "utf8"));
    rmSync(join(root, "docs", "commands", "gone.md"));
    writeFileSync(table, readFileSync(table, "utf8").replace("| DL3006 |", "| DL3099 |"));
    assert.match(check().stderr, /drift: docs\/migrate\/from-hadolint\.md/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("every command of goship --help has its page, with the command's whole --help text", () => {
  const index = readFileSync(join(ROOT, "docs", "commands", "README.md"), "utf8");
  const top = spawnSync(process.execPath, [join(ROOT, "bin", "goship.js"), "--help"], { encoding: "utf8", env: { PATH: process.env.PATH ?? "" } }).stdout;
  const names = [...top.matchAll(/^  ([a-z][a-z-]*) /gm)].map((m) => m[1]!).filter((n) => n !== "help");
  assert.ok(names.includes("ci") && names.includes("lint"), names.join(" "));
  for (const n of names) {
    assert.ok(index.includes(`(${n}.md)`), `index links ${n}`);
    const page = readFileSync(join(ROOT, "docs", "commands", `${n}.md`), "utf8");
    const help = spawnSync(process.execPath, [join(ROOT, "bin", "goship.js"), n, "--help"], { encoding: "utf8", env: { PATH: process.env.PATH ?? "" } }).stdout;
    assert.ok(page.includes(help.trimEnd()), `${n}.md holds goship ${n} --help`);
  }
});

test("gen-config-docs renders any schema generically: nested objects, arrays of objects, enums, maps, oneOf, $ref", async () => {
  const mod = (await import(pathToFileURL(join(ROOT, "scripts", "gen-config-docs.mjs")).href)) as { renderConfigDocs(s: unknown): string };
  const md = mod.renderConfigDocs({
    title: "t",
    description: "top",
    type: "object",
    additionalProperties: false,
    definitions: { platform: { type: "string", pattern: "^[a-z]+/[a-z0-9]+$", description: "os/arch" } },
    properties: {
      build: {
        type: "object",
        description: "Build settings.",
        additionalProperties: false,
        properties: {
          base: { type: "string", default: "gcr.io/distroless/static", description: "Base image." },
          platforms: { type: "array", items: { $ref: "#/definitions/platform" }, uniqueItems: true },
          mode: { enum: ["push", "layout"], description: "Where | to" },
          overrides: {
            type: "array",
            items: { type: "object", required: ["target"], properties: { target: { type: "string" }, env: { type: "object", additionalProperties: { type: "string" } } } },
          },
          port: { oneOf: [{ type: "integer", minimum: 1 }, { type: "object", additionalProperties: { type: "integer" } }] },
          targets: { type: "object", additionalProperties: { type: "object", properties: { base: { type: "string" } } } },
        },
      },
    },
  });
  assert.match(md, /^## build$/m);
  assert.match(md, /^Build settings\.$/m);
  assert.match(md, /^\| `base` \| string \| `gcr\.io\/distroless\/static` \| {2}\| Base image\. \|$/m);
  assert.match(md, /^\| `platforms` \| list of string \(unique\) \| {2}\| each: pattern `\^\[a-z\]\+\/\[a-z0-9\]\+\$` \| {2}\|$/m);
  assert.match(md, /^\| `mode` \| one of `push`, `layout` \| {2}\| {2}\| Where \\\| to \|$/m);
  assert.match(md, /^### build\.overrides\[\]$/m);
  assert.match(md, /^\| `target` \(required\) \| string \|/m);
  assert.match(md, /^\| `env` \| map of string → string \|/m);
  assert.match(md, /^\| `port` \| integer or map of string → integer \|/m);
  assert.match(md, /^### build\.targets\.&lt;key&gt;$/m);
  assert.match(md, /^\| `target` \(required\)/m);
  assert.match(md, /^Other keys are an error\.$/m);
});

test("gen-config-docs --check fails when the schema changed and the page did not", () => {
  const dir = mkdtempSync(join(tmpdir(), "goship-cfgdocs-"));
  try {
    const schema = JSON.parse(readFileSync(join(ROOT, "schema", "goship.schema.json"), "utf8")) as { properties: Record<string, { properties?: Record<string, unknown> }> };
    schema.properties.lint!.properties!.newKey = { type: "boolean", description: "A new key." };
    writeFileSync(join(dir, "schema.json"), JSON.stringify(schema));
    const r = script("gen-config-docs.mjs", ["--check", "--schema", join(dir, "schema.json"), "--out", join(ROOT, "docs", "configuration-reference.md")]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /drift/);
    const w = script("gen-config-docs.mjs", ["--schema", join(dir, "schema.json"), "--out", join(dir, "ref.md")]);
    assert.equal(w.status, 0, w.stderr);
    assert.match(readFileSync(join(dir, "ref.md"), "utf8"), /^\| `newKey` \| boolean \|/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("from-hadolint.md: every mapped DL code is honoured by # hadolint ignore= and lint.ignore, and the not-covered list maps nothing", () => {
  const doc = readFileSync(join(ROOT, "docs", "migrate", "from-hadolint.md"), "utf8");
  // The pragma example of the page works as it says.
  const bare = lintText("FROM golang\nRUN go build -o /app .\n").findings.filter((f) => f.ruleId === "GS205");
  assert.equal(bare.length, 1);
  for (const pragma of ["# hadolint ignore=DL3006,DL3008", "# goship ignore=GS205"]) {
    const res = lintText(`${pragma}\nFROM golang\nRUN go build -o /app .\n`);
    assert.equal(res.findings.filter((f) => f.ruleId === "GS205").length, 0, pragma);
  }
  const global = lintText("FROM golang\n# hadolint global ignore=DL3006\nRUN go build -o /app .\n");
  assert.equal(global.findings.filter((f) => f.ruleId === "GS205").length, 0);
  const cfg = parseConfig("lint:\n  ignore: [DL3006]\n", ".goship.yaml");
  assert.equal(lintText("FROM golang\n", { config: cfg.lint }).findings.filter((f) => f.ruleId === "GS205").length, 0);
  // Codes listed as "goship does not have" are in no rule's metadata.
  const section = doc.slice(doc.indexOf("### hadolint checks goship does not have"));
  const listed = new Set<string>();
  for (const m of section.matchAll(/DL(\d{4})(?:–DL(\d{4}))?/g)) {
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    for (let n = a; n <= b; n++) listed.add(`DL${n}`);
  }
  const mapped = new Set(RULES.flatMap((r) => r.meta.hadolint));
  assert.deepEqual([...listed].filter((c) => mapped.has(c)), [], "a code goship now covers is still listed as not covered");
});

test("links between the docs pages this area owns resolve", () => {
  const pages = [
    "docs/getting-started.md",
    "docs/library.md",
    "docs/configuration-reference.md",
    ...readdirSync(join(ROOT, "docs", "commands")).map((f) => `docs/commands/${f}`),
    ...readdirSync(join(ROOT, "docs", "migrate")).map((f) => `docs/migrate/${f}`),
  ];
  const broken: string[] = [];
  for (const p of pages) {
    const text = readFileSync(join(ROOT, p), "utf8");
    for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1]!;
      if (/^[a-z]+:/.test(target) || target.startsWith("#")) continue;
      const file = resolve(dirname(join(ROOT, p)), target.split("#")[0]!);
      if (!existsSync(file)) broken.push(`${p}: ${target}`);
    }
  }
  assert.deepEqual(broken, []);
});

test("from-ko.md: its .goship.yaml example is a valid configuration with the keys the table names", () => {
  const doc = readFileSync(join(ROOT, "docs", "migrate", "from-ko.md"), "utf8");
  const block = [...doc.matchAll(/```yaml\n(# \.goship\.yaml\n[\s\S]*?)```/g)].map((m) => m[1]!);
  assert.equal(block.length, 1);
  const cfg = parseConfig(block[0]!, ".goship.yaml") as unknown as { build?: { base?: string; targets?: Record<string, { base?: string }> } };
  assert.equal(cfg.build?.base, "cgr.dev/chainguard/static");
  assert.ok(JSON.stringify(cfg.build).includes("gcr.io/distroless/base-debian12"));
});

test("getting-started.md: the quickstart audit of examples/greeter passes with info-level findings only, as the page says", () => {
  const doc = readFileSync(join(ROOT, "docs", "getting-started.md"), "utf8");
  assert.match(doc, /npx goship audit examples\/greeter --offline/);
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "goship.js"), "audit", "examples/greeter", "--offline", "--json"], { cwd: ROOT, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout) as { counts: Record<string, number> };
  assert.equal(report.counts.error ?? 0, 0);
  assert.equal(report.counts.warning ?? 0, 0);
  assert.ok((report.counts.info ?? 0) > 0);
});
