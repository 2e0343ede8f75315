import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { dirEntries, LayerPathError } from "./dir-entries.js";
import { gzipDeterministic } from "./gzip.js";
import { layerFromTar } from "./layer.js";
import { readTar } from "./tar-read.js";
import { parentDirs, TarPathError, writeTar } from "./tar.js";
import { parseDigest, sha256 } from "./digest.js";
import { platformMatches, parsePlatform } from "./platform.js";

describe("deterministic tar", () => {
  it("writes fixed owners, modes and mtime, reads back the same entries", () => {
    const long = `${"d".repeat(120)}/${"f".repeat(120)}`;
    const tar = writeTar(
      [
        { path: "usr", type: "dir", mode: 0o755 },
        { path: "usr/bin/app", type: "file", mode: 0o755, data: Buffer.from("hello"), uid: 65532, gid: 65532 },
        { path: "usr/link", type: "symlink", mode: 0o777, linkname: "bin/app" },
        { path: long, type: "file", mode: 0o644, data: Buffer.from("x") },
      ],
      { mtime: 1700000000 },
    );
    assert.equal(tar.length % 512, 0);
    const e = readTar(tar);
    assert.deepEqual(e.map((x) => [x.path, x.typeflag, x.mode, x.uid, x.gid, x.mtime, x.uname]), [
      ["usr/", "5", 0o755, 0, 0, 1700000000, ""],
      ["usr/bin/app", "0", 0o755, 65532, 65532, 1700000000, ""],
      ["usr/link", "2", 0o777, 0, 0, 1700000000, ""],
      [long, "0", 0o644, 0, 0, 1700000000, ""],
    ]);
    assert.equal(Buffer.from(e[1]!.data).toString(), "hello");
    assert.equal(e[2]!.linkname, "bin/app");
  });

  it("refuses paths that escape, are absolute or repeat", () => {
    for (const p of ["../x", "/etc/passwd", "a/../../b", "a//b"]) assert.throws(() => writeTar([{ path: p, type: "file", mode: 0o644 }], { mtime: 0 }), TarPathError, p);
    assert.throws(() => writeTar([{ path: "a", type: "dir", mode: 0o755 }, { path: "a", type: "dir", mode: 0o755 }], { mtime: 0 }), /duplicate/);
  });

  it("gives the same bytes and digests every time; gzip header has mtime 0 and OS 255", () => {
    const mk = () => layerFromTar(writeTar([{ path: "a", type: "file", mode: 0o644, data: Buffer.alloc(10000, 7) }], { mtime: 0 }));
    const a = mk();
    const b = mk();
    assert.equal(a.descriptor.digest, b.descriptor.digest);
    assert.equal(a.diffId, sha256(gunzipSync(a.compressed)).text);
    const gz = gzipDeterministic(Buffer.from("x"));
    assert.deepEqual([...gz.subarray(0, 10)].map((x, i) => (i === 8 ? "xfl" : x)), [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, "xfl", 255]);
  });

  it("lists parent folders once, sorted", () => {
    assert.deepEqual(parentDirs(["usr/local/bin/x", "usr/share/y"]), ["usr", "usr/local", "usr/local/bin", "usr/share"]);
  });
});

describe("folder layers", () => {
  it("walks lexically, keeps inside symlinks, refuses ones pointing outside", () => {
    const d = mkdtempSync(join(tmpdir(), "goship-dirent-"));
    try {
      mkdirSync(join(d, "b"));
      writeFileSync(join(d, "b", "z.txt"), "z");
      writeFileSync(join(d, "a.sh"), "#!/bin/sh\n", { mode: 0o700 });
      symlinkSync("b/z.txt", join(d, "link"));
      const e = dirEntries(d, "srv/data", { uid: 0, gid: 0 });
      assert.deepEqual(e.map((x) => [x.path, x.type, x.mode]), [
        ["srv/data", "dir", 0o755],
        ["srv/data/a.sh", "file", 0o755],
        ["srv/data/b", "dir", 0o755],
        ["srv/data/b/z.txt", "file", 0o644],
        ["srv/data/link", "symlink", 0o777],
      ]);
      symlinkSync("../../etc/passwd", join(d, "b", "evil"));
      assert.throws(() => dirEntries(d, "srv/data", { uid: 0, gid: 0 }), LayerPathError);
      rmSync(join(d, "b", "evil"));
      symlinkSync("/etc/passwd", join(d, "abs"));
      assert.throws(() => dirEntries(d, "srv/data", { uid: 0, gid: 0 }), /absolute/);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});

describe("digests and platforms", () => {
  it("parses digests once and refuses malformed ones", () => {
    const d = sha256("abc");
    assert.equal(parseDigest(d.text).hex, d.hex);
    for (const bad of ["sha256:abc", "md5:" + "0".repeat(32), "sha256:" + "G".repeat(64), d.text.toUpperCase()]) assert.throws(() => parseDigest(bad), bad);
  });
  it("matches arm64 with and without v8, arm with v7 by default", () => {
    assert.equal(platformMatches(parsePlatform("linux/arm64"), parsePlatform("linux/arm64/v8")), true);
    assert.equal(platformMatches(parsePlatform("linux/arm"), parsePlatform("linux/arm/v7")), true);
    assert.equal(platformMatches(parsePlatform("linux/arm/v6"), parsePlatform("linux/arm/v7")), false);
    assert.equal(platformMatches(parsePlatform("linux/amd64"), parsePlatform("linux/arm64")), false);
    assert.throws(() => parsePlatform("linux"), /not a platform/);
  });
});

describe("readTar on archives GNU tar writes", () => {
  for (const format of ["gnu", "posix", "ustar"] as const) {
    it(`reads --format=${format}: long names and long link targets, files, dirs, symlinks`, () => {
      const d = mkdtempSync(join(tmpdir(), "goship-tar-read-"));
      try {
        const long = `${"a".repeat(60)}/${"b".repeat(60)}`;
        const target = `${long}/f.txt`;
        mkdirSync(join(d, "src", long), { recursive: true });
        writeFileSync(join(d, "src", target), "hello");
        // ustar cannot hold a 100+ byte link target: only gnu and posix get the long one.
        const linkTo = format === "ustar" ? "short.txt" : target;
        symlinkSync(linkTo, join(d, "src", "link"));
        const archive = join(d, "x.tar");
        execFileSync("tar", [`--format=${format}`, "-C", join(d, "src"), "-cf", archive, "."]);
        const byPath = new Map(readTar(readFileSync(archive)).map((e) => [e.path.replace(/^\.\//, ""), e]));
        const f = byPath.get(target);
        assert.ok(f, `${format}: ${target} missing among ${[...byPath.keys()].join(", ")}`);
        assert.equal(f.typeflag, "0");
        assert.equal(Buffer.from(f.data).toString(), "hello");
        assert.equal(byPath.get(`${long}/`)?.typeflag ?? byPath.get(long)?.typeflag, "5");
        assert.equal(byPath.get("link")?.typeflag, "2");
        assert.equal(byPath.get("link")?.linkname, linkTo);
      } finally {
        rmSync(d, { recursive: true, force: true });
      }
    });
  }
});
