/**
 * Differential test against the real go command (GOTOOLCHAIN=local, GOFLAGS
 * empty, GOPROXY=off): `go mod edit -json` over every non-mutated go.mod
 * (corpus + fixtures) compared with parseGoMod (accept/reject, error text,
 * Module, Go, Toolchain, Godebug, Require, Exclude, Replace, Retract, Tool,
 * Ignore after the dedup and cleanup go mod edit applies); go.sum
 * malformed-line errors from `go list -m all`; and the default GOPROXY list
 * from `go env`.
 */
import assert from "node:assert/strict";
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import { parseGoMod, type GoMod } from "../../src/gomod/go-mod.js";
import { parseGoSum } from "../../src/gomod/go-sum.js";
import { GoModSyntaxError } from "../../src/gomod/modfile-error.js";
import { parseGoProxyList } from "../../src/gomod/proxy-list.js";
import { corpusGoMods, fixtures, type NamedText } from "./gomod-inputs.js";

const run = promisify(execFile);

function goEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GOFLAGS: "", GOTOOLCHAIN: "local", GOPROXY: "off", GOWORK: "off", ...extra };
  return env;
}

interface EditOutcome {
  ok: boolean;
  json?: Record<string, unknown>;
  stderr?: string;
}

async function goModEdit(dir: string, content: string): Promise<EditOutcome> {
  writeFileSync(join(dir, "go.mod"), content);
  try {
    const { stdout } = await run("go", ["mod", "edit", "-json"], { cwd: dir, env: goEnv() });
    return { ok: true, json: JSON.parse(stdout) as Record<string, unknown> };
  } catch (e) {
    const err = e as { stderr?: string };
    return { ok: false, stderr: (err.stderr ?? "").split(join(dir, "go.mod")).join("go.mod") };
  }
}

/** What `go mod edit -json` prints for a parsed file: removeDups + Cleanup, then editPrintJSON. */
function editJson(m: GoMod): Record<string, unknown> {
  const seenEx = new Set<string>();
  const exclude = m.exclude.filter((x) => {
    const k = `${x.path}@${x.version}`;
    if (seenEx.has(k)) return false;
    seenEx.add(k);
    return x.path !== "";
  });
  const seenRep = new Set<string>();
  const replace = [...m.replace]
    .reverse()
    .filter((r) => {
      const k = `${r.old.path}@${r.old.version}`;
      if (seenRep.has(k)) return false;
      seenRep.add(k);
      return true;
    })
    .reverse()
    .filter((r) => r.old.path !== "");
  const uniq = <T extends { path: string }>(xs: readonly T[]): T[] => {
    const seen = new Set<string>();
    return xs.filter((x) => (seen.has(x.path) ? false : (seen.add(x.path), true)));
  };
  const mv = (p: string, v: string): Record<string, string> => (v === "" ? { Path: p } : { Path: p, Version: v });
  const nullIfEmpty = <T>(xs: T[]): T[] | null => (xs.length === 0 ? null : xs);
  const out: Record<string, unknown> = {
    Module: m.module?.deprecated ? { Path: m.module.path, Deprecated: m.module.deprecated } : { Path: m.module?.path ?? "" },
  };
  if (m.go) out.Go = m.go.version;
  if (m.toolchain) out.Toolchain = m.toolchain.name;
  const godebug = m.godebug.filter((g) => g.key !== "").map((g) => ({ Key: g.key, Value: g.value }));
  if (godebug.length > 0) out.GoDebug = godebug;
  out.Require = nullIfEmpty(
    m.require.filter((r) => r.path !== "").map((r) => ({ ...mv(r.path, r.version), ...(r.indirect ? { Indirect: true } : {}) })),
  );
  out.Exclude = nullIfEmpty(exclude.map((x) => mv(x.path, x.version)));
  out.Replace = nullIfEmpty(replace.map((r) => ({ Old: mv(r.old.path, r.old.version), New: mv(r.new.path, r.new.version) })));
  out.Retract = nullIfEmpty(
    m.retract.map((r) => {
      const o: Record<string, string> = {};
      if (r.low) o.Low = r.low;
      if (r.high) o.High = r.high;
      if (r.rationale) o.Rationale = r.rationale;
      return o;
    }),
  );
  out.Tool = nullIfEmpty(uniq(m.tool).map((t) => ({ Path: t.path })));
  out.Ignore = nullIfEmpty(uniq(m.ignore).map((t) => ({ Path: t.path })));
  return out;
}

test("go mod edit -json agrees with parseGoMod on every corpus and fixture go.mod", async () => {
  const inputs: NamedText[] = [...corpusGoMods(), ...fixtures("mod")];
  const dirs = Array.from({ length: 8 }, () => mkdtempSync(join(tmpdir(), "goship-gomod-")));
  const outcomes: EditOutcome[] = new Array(inputs.length);
  let next = 0;
  await Promise.all(
    dirs.map(async (dir) => {
      for (;;) {
        const i = next++;
        if (i >= inputs.length) return;
        outcomes[i] = await goModEdit(dir, (inputs[i] as NamedText).content);
      }
    }),
  );
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  let agree = 0;
  let rejected = 0;
  const bad: string[] = [];
  inputs.forEach((x, i) => {
    const o = outcomes[i] as EditOutcome;
    let mine: EditOutcome;
    try {
      mine = { ok: true, json: editJson(parseGoMod(x.content, "go.mod")) };
    } catch (e) {
      if (!(e instanceof GoModSyntaxError)) throw e;
      mine = { ok: false, stderr: `go: errors parsing go.mod:\n${e.goText}\n` };
    }
    if (!o.ok) rejected++;
    try {
      assert.deepEqual(mine, o);
      agree++;
    } catch {
      bad.push(`${x.name}\n  goship: ${JSON.stringify(mine)}\n  go:     ${JSON.stringify(o)}`);
    }
  });
  console.log(`go mod edit -json: ${agree}/${inputs.length} agree (${rejected} rejected by both)`);
  assert.deepEqual(bad, []);
});

test("go.sum: the go command's malformed-line error names the line parseGoSum reports", () => {
  const dir = mkdtempSync(join(tmpdir(), "goship-gosum-"));
  try {
    writeFileSync(join(dir, "go.mod"), "module example.com/m\n\ngo 1.21\n\nrequire example.com/dep v1.0.0\n");
    const cases = [
      "example.com/dep v1.0.0 h1:abc=\n\nexample.com/dep v1.0.0/go.mod\n",
      "\n\n\nexample.com/dep v1.0.0 h1:a= extra\n",
      "example.com/dep v1.0.0 h1:a=\r\nexample.com/dep\r\n",
      "example.com/dep v1.0.0 h1:a=\n\t \nexample.com/other v1.0.0/go.mod h1:b= c\n",
    ];
    for (const sum of cases) {
      writeFileSync(join(dir, "go.sum"), sum);
      let stderr = "";
      try {
        execFileSync("go", ["list", "-m", "all"], { cwd: dir, env: goEnv({ GOFLAGS: "-mod=mod" }), stdio: ["ignore", "pipe", "pipe"] });
      } catch (e) {
        stderr = String((e as { stderr?: Buffer }).stderr ?? "");
      }
      const parsed = parseGoSum(sum, join(dir, "go.sum"));
      const first = parsed.problems.find((p) => p.kind === "wrong-number-of-fields");
      assert.ok(first && parsed.fatal, `goship finds the malformed line in ${JSON.stringify(sum)}`);
      assert.equal(stderr, `malformed go.sum:\n${first.message}\n`);
      assert.equal(parsed.fatal.range?.start.line, first.line);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("unset GOPROXY is the go command's default list, which parses", () => {
  const env = { ...process.env };
  delete env.GOPROXY;
  const def = execFileSync("go", ["env", "GOPROXY"], { env: { ...env, GOENV: "off" } }).toString().trim();
  assert.deepEqual(parseGoProxyList(undefined), { kind: "default" });
  const list = parseGoProxyList(def);
  assert.equal(list.kind, "list");
  if (list.kind === "list") {
    assert.ok(list.entries.length >= 1);
    assert.equal(list.entries[list.entries.length - 1]?.url, "direct");
  }
});
