/**
 * Real Go binaries for the SBOM tests, built once per process with the host's
 * go command into a temporary folder: the examples (greeter, multi) with and
 * without -trimpath, CGO_ENABLED=0, GOARCH=arm64, a program with ~50 modules
 * (the BuildKit oracle), cross builds for other
 * executable formats (PE, Mach-O, 32-bit and big-endian ELF), a module with
 * `replace` directives (a local folder and a module version) and quoted
 * -ldflags (recorded only without -trimpath), a build with VCS stamping, and a build outside any module.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../support/paths.js";

export interface BuiltProgram {
  readonly name: string;
  readonly file: string;
  readonly ms: number;
}

const EXAMPLES = join(ROOT, "examples");

function go(args: string[], cwd: string, env: Record<string, string> = {}): void {
  execFileSync("go", args, { cwd, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, GOFLAGS: "-buildvcs=false", GOPROXY: "off", GOTOOLCHAIN: "local", ...env } });
}

/** A module that replaces one requirement with a local folder and github.com/google/uuid with a module version. */
function replaceModule(dir: string): void {
  const uuidSum = readFileSync(join(EXAMPLES, "greeter", "go.sum"), "utf8");
  mkdirSync(join(dir, "lib"), { recursive: true });
  writeFileSync(join(dir, "lib", "go.mod"), "module example.com/goship/lib\n\ngo 1.26\n");
  writeFileSync(join(dir, "lib", "lib.go"), 'package lib\n\n// Hello greets.\nfunc Hello() string { return "hello" }\n');
  writeFileSync(
    join(dir, "go.mod"),
    "module example.com/goship/replaced\n\ngo 1.26\n\nrequire (\n\texample.com/goship/lib v1.2.3\n\tgithub.com/google/uuid v1.5.0\n)\n\n" +
      "replace example.com/goship/lib v1.2.3 => ./lib\n\nreplace github.com/google/uuid => github.com/google/uuid v1.6.0\n",
  );
  writeFileSync(join(dir, "go.sum"), uuidSum);
  writeFileSync(
    join(dir, "main.go"),
    'package main\n\nimport (\n\t"fmt"\n\n\t"example.com/goship/lib"\n\t"github.com/google/uuid"\n)\n\nvar version = "dev"\n\nfunc main() { fmt.Println(lib.Hello(), uuid.NewString(), version) }\n',
  );
}

let cache: { dir: string; programs: BuiltProgram[] } | undefined;

/** Builds every program (once); the caller may rm the folder at the end via cleanupPrograms. */
export function buildPrograms(): { dir: string; programs: BuiltProgram[] } {
  if (cache) return cache;
  const dir = mkdtempSync(join(tmpdir(), "goship-sbom-progs-"));
  const programs: BuiltProgram[] = [];
  const build = (name: string, cwd: string, args: string[], env: Record<string, string> = {}): void => {
    const file = join(dir, name);
    const t0 = Date.now();
    go(["build", "-o", file, ...args], cwd, env);
    programs.push({ name, file, ms: Date.now() - t0 });
  };
  const greeter = join(EXAMPLES, "greeter");
  const multi = join(EXAMPLES, "multi");
  const static0 = { CGO_ENABLED: "0" };
  build("greeter", greeter, ["."]);
  build("greeter-trimpath-static", greeter, ["-trimpath", "."], static0);
  build("greeter-arm64", greeter, ["-trimpath", "."], { ...static0, GOARCH: "arm64" });
  build("multi-api", multi, ["./cmd/api"], static0);
  build("multi-worker", multi, ["-trimpath", "./cmd/worker"], static0);
  build("greeter-linux-386", greeter, ["-trimpath", "."], { ...static0, GOARCH: "386" });
  build("greeter-linux-s390x", greeter, ["-trimpath", "."], { ...static0, GOARCH: "s390x" });
  build("greeter-windows-amd64.exe", greeter, ["-trimpath", "."], { ...static0, GOOS: "windows", GOARCH: "amd64" });
  build("greeter-darwin-arm64", greeter, ["-trimpath", "."], { ...static0, GOOS: "darwin", GOARCH: "arm64" });
  // Many modules: the BuildKit-based oracle (test/oracle, pinned go.mod; its modules are in the cache scripts/test.sh fills).
  build("oracle-buildcheck", join(ROOT, "test", "oracle"), ["-trimpath", "./buildcheck"], static0);
  const rep = join(dir, "src-replaced");
  mkdirSync(rep);
  replaceModule(rep);
  build("replaced", rep, ["-tags", "netgo,osusergo", "-ldflags", "-s -X 'main.version=1.0 \"beta\"'", "."], static0);
  const vcs = join(dir, "src-vcs");
  cpSync(greeter, vcs, { recursive: true });
  const git = (...a: string[]) => execFileSync("git", ["-c", "user.name=goship", "-c", "user.email=goship@example.invalid", "-c", "commit.gpgsign=false", ...a], { cwd: vcs, stdio: "ignore", env: { ...process.env, GIT_AUTHOR_DATE: "2026-01-02T03:04:05Z", GIT_COMMITTER_DATE: "2026-01-02T03:04:05Z" } });
  git("init", "-q");
  git("add", ".");
  git("commit", "-q", "-m", "greeter");
  build("greeter-vcs", vcs, ["."], { ...static0, GOFLAGS: "-buildvcs=true" });
  const nomod = join(dir, "src-nomod");
  mkdirSync(nomod);
  writeFileSync(join(nomod, "hello.go"), 'package main\n\nfunc main() { println("hi") }\n');
  build("no-module", nomod, ["hello.go"], { ...static0, GO111MODULE: "on" });
  cache = { dir, programs };
  return cache;
}

export function cleanupPrograms(): void {
  if (cache) rmSync(cache.dir, { recursive: true, force: true });
  cache = undefined;
}
