/**
 * readBuildInfo against the reference: real Go binaries built by the host's
 * go command (test/sbom/go-programs.ts) are read by goship and by
 * debug/buildinfo.ReadFile (oracle-buildinfo) and must agree field by field
 * (Go version, path, main module, every dep with version, h1 and `=>`
 * replacement, every build setting); goship's `go version -m` rendering
 * must equal the go command's output byte for byte. Files that are not Go
 * binaries fail with the reason debug/buildinfo gives. The pre-1.18 pointer
 * header form is checked on binaries rewritten to it (Go still reads it). parseModInfo is
 * also checked against debug.ParseBuildInfo on hand-made module texts
 * (quoted keys and values, malformed lines).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { LocatedError } from "../../src/diagnostic/located-error.js";
import { formatGoVersionM, formatModInfo, parseModInfo, readBuildInfo } from "../../src/sbom/index.js";
import type { GoBuildInfo } from "../../src/sbom/index.js";
import { runOracle } from "../support/oracle.js";
import { buildPrograms, cleanupPrograms, type BuiltProgram } from "./go-programs.js";

interface OracleRes {
  err?: string;
  info?: GoBuildInfo;
  string?: string;
}

/** GoBuildInfo without undefined members, in the oracle's JSON shape. */
function plain(info: GoBuildInfo): unknown {
  return JSON.parse(JSON.stringify(info));
}

describe("readBuildInfo vs debug/buildinfo and go version -m", () => {
  let programs: BuiltProgram[];
  let dir: string;
  before(() => {
    const t0 = Date.now();
    ({ programs, dir } = buildPrograms());
    console.log(`built ${programs.length} Go programs in ${Date.now() - t0} ms: ${programs.map((p) => `${p.name} ${p.ms} ms`).join(", ")}`);
  });
  after(() => cleanupPrograms());

  it("agrees with debug/buildinfo.ReadFile field by field on every program", async () => {
    const answers = await runOracle<{ file: string }, OracleRes>("buildinfo", "read", programs.map((p) => ({ file: p.file })));
    let deps = 0;
    let settings = 0;
    let replaced = 0;
    const formats = new Set<string>();
    for (const [i, p] of programs.entries()) {
      const want = answers[i]!;
      assert.equal(want.err, undefined, `${p.name}: oracle: ${want.err}`);
      const bytes = readFileSync(p.file);
      const got = readBuildInfo(bytes, p.file);
      assert.deepEqual(plain(got), want.info, p.name);
      assert.equal(formatModInfo(got), want.string, `${p.name}: BuildInfo.String()`);
      deps += got.deps.length;
      settings += got.settings.length;
      replaced += got.deps.filter((d) => d.replace).length + (got.main.replace ? 1 : 0);
      formats.add(bytes.subarray(0, 2).toString("latin1") === "MZ" ? "PE" : bytes[0] === 0x7f ? `ELF${bytes[4] === 2 ? 64 : 32}${bytes[5] === 2 ? "BE" : "LE"}` : "Mach-O");
    }
    console.log(`${programs.length} binaries (${[...formats].sort().join(", ")}): ${deps} deps (${replaced} replaced), ${settings} build settings, all equal`);
    assert.ok(replaced >= 2, "the replace program has a folder and a module replacement");
    assert.ok(formats.has("PE") && formats.has("Mach-O") && formats.has("ELF32LE") && formats.has("ELF64BE"));
  });

  it("renders exactly what `go version -m` prints", () => {
    for (const p of programs) {
      const want = execFileSync("go", ["version", "-m", p.file], { encoding: "utf8", env: { ...process.env, GOTOOLCHAIN: "local" } });
      assert.equal(formatGoVersionM(p.file, readBuildInfo(readFileSync(p.file), p.file)), want, p.name);
    }
  });

  it("covers what the brief asks: replace lines, -trimpath and not, CGO_ENABLED=0, arm64, vcs stamping, no module", () => {
    const info = (n: string) => readBuildInfo(readFileSync(programs.find((p) => p.name === n)!.file), n);
    const setting = (i: GoBuildInfo, k: string) => i.settings.find((s) => s.key === k)?.value;
    const rep = info("replaced");
    const lib = rep.deps.find((d) => d.path === "example.com/goship/lib");
    assert.deepEqual(lib?.replace, { path: "./lib", version: "(devel)", sum: "" });
    const uuid = rep.deps.find((d) => d.path === "github.com/google/uuid");
    assert.equal(uuid?.version, "v1.5.0");
    assert.equal(uuid?.replace?.version, "v1.6.0");
    assert.match(uuid?.replace?.sum ?? "", /^h1:/);
    assert.match(setting(rep, "-ldflags") ?? "", /main\.version=1\.0 "beta"/, "a quoted build setting round-trips");
    assert.equal(setting(info("greeter-trimpath-static"), "-trimpath"), "true");
    assert.equal(setting(info("greeter"), "-trimpath"), undefined);
    assert.equal(setting(info("greeter-trimpath-static"), "CGO_ENABLED"), "0");
    assert.equal(setting(info("greeter-arm64"), "GOARCH"), "arm64");
    const vcs = info("greeter-vcs");
    assert.equal(setting(vcs, "vcs"), "git");
    assert.match(setting(vcs, "vcs.revision") ?? "", /^[0-9a-f]{40}$/);
    assert.match(vcs.main.version, /^v0\.0\.0-20260102030405-[0-9a-f]{12}$/, "go stamps a pseudo-version from the commit");
    const nomod = info("no-module");
    assert.equal(nomod.path, "command-line-arguments");
    assert.deepEqual(nomod.main, { path: "", version: "", sum: "" });
  });

  it("fails like debug/buildinfo on files that are not Go binaries, naming the file", async () => {
    const text = join(dir, "notes.txt");
    writeFileSync(text, "just some text, long enough to be read as a header\n");
    const truncated = join(dir, "truncated");
    writeFileSync(truncated, readFileSync(programs[0]!.file).subarray(0, 8192));
    const cases = [text, truncated, "/bin/sh"];
    const answers = await runOracle<{ file: string }, OracleRes>("buildinfo", "read", cases.map((file) => ({ file })));
    for (const [i, file] of cases.entries()) {
      const want = answers[i]!.err;
      assert.ok(want, `${file}: the oracle read it`);
      assert.throws(
        () => readBuildInfo(readFileSync(file), file),
        (e: unknown) => {
          assert.ok(e instanceof LocatedError);
          assert.equal(e.file, file);
          const reason = e.message.replace(/^could not read Go build info: /, "");
          assert.ok(want.endsWith(`: ${reason}`), `${file}: goship says ${JSON.stringify(reason)}, Go says ${JSON.stringify(want)}`);
          return true;
        },
      );
    }
  });

  it("reads the pre-Go-1.18 pointer form as debug/buildinfo does (binaries rewritten to it)", async () => {
    // Go 1.26 writes the inline form; Go's reader still reads the old one. Rewrite real
    // binaries' headers to the pointer form (version and module text as Go string headers
    // pointing into the writable segment) for 64-bit LE, 64-bit BE and 32-bit LE ELF.
    const rewritten: string[] = [];
    for (const name of ["greeter", "greeter-linux-s390x", "greeter-linux-386"]) {
      const src = programs.find((p) => p.name === name)!.file;
      const sec = /\.go\.buildinfo\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)/.exec(execFileSync("readelf", ["-SW", src], { encoding: "utf8" }))!;
      const addr = BigInt(`0x${sec[1]}`);
      const off = Number(`0x${sec[2]}`);
      const b = Buffer.from(readFileSync(src));
      const uvarint = (at: number): [number, number] => {
        let x = 0;
        let shift = 0;
        for (let i = at; ; i++) {
          x += (b[i]! & 0x7f) * 2 ** shift;
          shift += 7;
          if (b[i]! < 0x80) return [x, i + 1];
        }
      };
      const [vlen, vstart] = uvarint(off + 32);
      const vers = Buffer.from(b.subarray(vstart, vstart + vlen));
      const [mlen, mstart] = uvarint(vstart + vlen);
      const mod = Buffer.from(b.subarray(mstart, mstart + mlen));
      const big = b[5] === 2;
      const ptr = b[4] === 2 ? 8 : 4;
      const put = (at: number, v: bigint) => (ptr === 8 ? (big ? b.writeBigUInt64BE(v, at) : b.writeBigUInt64LE(v, at)) : big ? b.writeUInt32BE(Number(v), at) : b.writeUInt32LE(Number(v), at));
      const data = 0x400; // past the section, still in the same file-backed writable segment
      b[off + 14] = ptr;
      b[off + 15] = big ? 1 : 0;
      put(off + 16, addr + 32n);
      put(off + 16 + ptr, addr + 32n + BigInt(2 * ptr));
      put(off + 32, addr + BigInt(data));
      put(off + 32 + ptr, BigInt(vers.length));
      put(off + 32 + 2 * ptr, addr + BigInt(data + vers.length));
      put(off + 32 + 3 * ptr, BigInt(mod.length));
      vers.copy(b, off + data);
      mod.copy(b, off + data + vers.length);
      const file = join(dir, `${name}.ptrform`);
      writeFileSync(file, b);
      rewritten.push(file);
    }
    const answers = await runOracle<{ file: string }, OracleRes>("buildinfo", "read", rewritten.map((file) => ({ file })));
    for (const [i, file] of rewritten.entries()) {
      assert.equal(answers[i]!.err, undefined, `${file}: Go reads the rewritten header`);
      assert.ok(answers[i]!.info!.deps.length > 0);
      assert.deepEqual(plain(readBuildInfo(readFileSync(file), file)), answers[i]!.info, file);
    }
  });

  it("parses module texts like debug.ParseBuildInfo (values and errors)", async () => {
    const texts = [
      "path\tx\nmod\tx\t(devel)\t\ndep\ta\tv1.0.0\th1:abc=\n=>\tb\tv1.1.0\th1:def=\nbuild\tk=v\n",
      'build\t"a b"="c d"\nbuild\t`k`=`v`\nbuild\tGOFLAGS="-a -b"\nbuild\tempty=\n',
      "dep\ta\tv1\n",
      "dep\ta\n",
      "=>\tb\tv1\th1:x\n",
      "dep\ta\tv1\th\n=>\tb\tv1\n",
      "build\tnoequals\n",
      "build\t=v\n",
      "build\tk=a b\n",
      'build\t"k"x\n',
      'build\t"k\n',
      'build\tk="bad\n',
      "build\t\n",
      "path\tno newline at the end",
      "mod\tm\tv1\th1:a\n=>\t../m\t\t\nunknown\tline\n",
    ];
    const answers = await runOracle<{ text: string }, OracleRes>("buildinfo", "parse", texts.map((text) => ({ text })));
    for (const [i, text] of texts.entries()) {
      const want = answers[i]!;
      if (want.err) {
        assert.throws(() => parseModInfo(text), (e: Error) => e.message === want.err || (console.log(`${JSON.stringify(text)}: ${e.message} vs ${want.err}`), false));
      } else {
        const got = parseModInfo(text);
        assert.deepEqual(plain(got), { ...want.info, goVersion: "" }, JSON.stringify(text));
        assert.equal(formatModInfo(got), want.string ?? "", JSON.stringify(text));
      }
    }
  });
});
