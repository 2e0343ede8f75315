/**
 * Stages the root filesystem of each stand-in layer (stand-ins.ts) in a
 * folder, from what this Debian machine has: the Go toolchain (GOROOT),
 * busybox-static, the CA bundle, tzdata, and the files of installed Debian
 * packages (a package's Depends/Pre-Depends closure, docs left out). The
 * layout is merged-/usr like Debian 12. Leaves out package databases and
 * maintainer scripts: nothing in these images can install packages.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, cpSync, existsSync, lstatSync, mkdirSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { LayerKind } from "./stand-ins.js";
import { runOk } from "./process.js";

export interface HostFacts {
  readonly goroot: string;
  readonly goVersion: string;
}

const DOC_PREFIXES = ["/usr/share/doc/", "/usr/share/man/", "/usr/share/info/", "/usr/share/locale/", "/usr/share/lintian/", "/usr/share/bug/"];

/** Fills `stage` with the files of one layer kind. */
export async function stageLayer(kind: LayerKind, stage: string, host: HostFacts): Promise<void> {
  mkdirSync(stage, { recursive: true });
  switch (kind) {
    case "go-toolchain":
      usrMerge(stage);
      etcFiles(stage, { nonroot: false, osName: `goship-lab golang ${host.goVersion} stand-in` });
      mkdirSync(join(stage, "usr/local"), { recursive: true });
      await runOk("cp", ["-a", host.goroot, join(stage, "usr/local/go")]);
      busybox(stage);
      certs(stage);
      for (const d of ["go/bin", "go/src"]) {
        mkdirSync(join(stage, d), { recursive: true });
        chmodSync(join(stage, d), 0o777);
      }
      dir(stage, "tmp", 0o1777);
      dir(stage, "root", 0o700);
      return;
    case "gcc-glibc":
      usrMerge(stage);
      await copyHostFiles(packageFiles(packageClosure(["gcc", "libc6-dev"])), stage);
      return;
    case "distroless-static":
      etcFiles(stage, { nonroot: true, osName: "goship-lab distroless static stand-in" });
      certs(stage);
      cpSync("/usr/share/zoneinfo", join(stage, "usr/share/zoneinfo"), { recursive: true, verbatimSymlinks: true });
      dir(stage, "tmp", 0o1777);
      dir(stage, "root", 0o700);
      dir(stage, "home/nonroot", 0o700);
      chownSync(join(stage, "home/nonroot"), 65532, 65532);
      return;
    case "glibc":
      usrMerge(stage);
      await copyHostFiles(packageFiles(packageClosure(["libc6"])), stage);
      return;
    case "debian-slim":
      usrMerge(stage);
      etcFiles(stage, { nonroot: false, osName: "goship-lab debian bookworm-slim stand-in" });
      await copyHostFiles(packageFiles(packageClosure(["libc6"])), stage);
      busybox(stage);
      dir(stage, "tmp", 0o1777);
      dir(stage, "root", 0o700);
      return;
  }
}

function dir(stage: string, rel: string, mode: number): void {
  mkdirSync(join(stage, rel), { recursive: true });
  chmodSync(join(stage, rel), mode);
}

/** Debian 12 is merged-/usr: /bin, /sbin, /lib, /lib64 point into /usr. */
function usrMerge(stage: string): void {
  for (const d of ["bin", "sbin", "lib", "lib64"]) {
    mkdirSync(join(stage, "usr", d), { recursive: true });
    if (!existsSync(join(stage, d))) symlinkSync(`usr/${d}`, join(stage, d));
  }
}

function etcFiles(stage: string, o: { readonly nonroot: boolean; readonly osName: string }): void {
  mkdirSync(join(stage, "etc"), { recursive: true });
  const passwd = ["root:x:0:0:root:/root:/bin/sh"];
  const group = ["root:x:0:"];
  if (o.nonroot) {
    passwd.push("nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin", "nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin");
    group.push("nobody:x:65534:", "tty:x:5:", "staff:x:50:", "nonroot:x:65532:");
  } else {
    passwd.push("nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin");
    group.push("nogroup:x:65534:");
  }
  writeFileSync(join(stage, "etc/passwd"), passwd.join("\n") + "\n");
  writeFileSync(join(stage, "etc/group"), group.join("\n") + "\n");
  writeFileSync(join(stage, "etc/nsswitch.conf"), "passwd: files\ngroup: files\nhosts: files dns\n");
  writeFileSync(
    join(stage, "etc/os-release"),
    `PRETTY_NAME="${o.osName}"\nNAME="goship-lab stand-in"\nID=goship-lab\nVERSION_ID="12"\n`,
  );
}

function certs(stage: string): void {
  mkdirSync(join(stage, "etc/ssl/certs"), { recursive: true });
  cpSync("/etc/ssl/certs/ca-certificates.crt", join(stage, "etc/ssl/certs/ca-certificates.crt"), { dereference: true });
}

/** busybox-static as /usr/bin/busybox plus one symlink per applet not already present. */
function busybox(stage: string): void {
  cpSync(realpathSync(existsSync("/usr/bin/busybox") ? "/usr/bin/busybox" : "/bin/busybox"), join(stage, "usr/bin/busybox"));
  const applets = execFileSync(join(stage, "usr/bin/busybox"), ["--list-full"], { encoding: "utf8" }).split("\n");
  for (const a of applets) {
    if (a === "") continue;
    const rel = a.replace(/^bin\//, "usr/bin/").replace(/^sbin\//, "usr/sbin/");
    const path = join(stage, rel);
    if (exists(path)) continue;
    mkdirSync(dirname(path), { recursive: true });
    symlinkSync("/usr/bin/busybox", path);
  }
}

function exists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/** Installed packages reachable from roots through Depends and Pre-Depends. */
export function packageClosure(roots: readonly string[]): readonly string[] {
  const out = execFileSync("dpkg-query", ["-W", "-f", "${Package}\t${Status}\t${Depends}, ${Pre-Depends}\n"], { encoding: "utf8" });
  const installed = new Set<string>();
  const deps = new Map<string, string[]>();
  for (const line of out.split("\n")) {
    const [pkg, status, rel] = line.split("\t");
    if (pkg === undefined || status === undefined || rel === undefined) continue;
    if (status.endsWith(" installed")) installed.add(pkg);
    deps.set(pkg, rel.split(",").map((s) => s.trim()).filter((s) => s !== ""));
  }
  const pick = (alternatives: string): string | undefined =>
    alternatives
      .split("|")
      .map((a) => a.replace(/\(.*?\)/g, "").trim().split(":")[0] ?? "")
      .find((n) => installed.has(n));
  const seen = new Set<string>();
  const todo = [...roots];
  while (todo.length > 0) {
    const p = todo.pop() as string;
    if (seen.has(p) || !installed.has(p)) continue;
    seen.add(p);
    for (const alt of deps.get(p) ?? []) {
      const n = pick(alt);
      if (n !== undefined) todo.push(n);
    }
  }
  for (const r of roots) if (!seen.has(r)) throw new Error(`Debian package ${r} is not installed (run scripts/lab/install.sh)`);
  return [...seen].sort();
}

/**
 * The files (not directories) of these packages, with their parent folders
 * resolved on this machine (so /lib/... becomes /usr/lib/...), docs left out.
 */
export function packageFiles(packages: readonly string[]): readonly string[] {
  const out = execFileSync("dpkg", ["-L", ...packages], { encoding: "utf8", maxBuffer: 64 << 20 });
  const files = new Set<string>();
  for (const p of out.split("\n")) {
    if (!p.startsWith("/") || DOC_PREFIXES.some((d) => p.startsWith(d))) continue;
    let st;
    try {
      st = lstatSync(p);
    } catch {
      continue; // listed but removed (e.g. by a diversion)
    }
    if (st.isDirectory()) continue;
    files.add(join(realpathSync(dirname(p)), basename(p)));
  }
  return [...files].sort();
}

/** Copies host files into stage at the same paths, keeping modes and symlinks. */
async function copyHostFiles(files: readonly string[], stage: string): Promise<void> {
  const list = join(stage, "..", `${basename(stage)}.files`);
  writeFileSync(list, files.map((f) => f.slice(1)).join("\n") + "\n");
  await runOk("sh", [
    "-c",
    'tar -C / --no-recursion -cf - -T "$1" | tar -C "$2" --keep-directory-symlink -xpf -',
    "copy-host-files",
    list,
    stage,
  ]);
}
