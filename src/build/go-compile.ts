/**
 * The compile step of `goship build`, injected into the builder (ko's
 * build option for a fake `go build`): `hostGoCompile` runs the host's go
 * command with CGO_ENABLED=0, -trimpath, GOOS/GOARCH/GOARM of the target
 * and the given -ldflags/-tags, writing the binary to `out`. Its
 * environment is the caller's plus those fixed keys. Leaves out
 * `go build -pgo`, coverage builds and toolchain switching (GOTOOLCHAIN is
 * whatever the environment says).
 */
import { spawn } from "node:child_process";
import { goEnvFor, type Platform } from "../oci/platform.js";

export interface CompileRequest {
  /** Module root (working directory of `go build`). */
  readonly dir: string;
  /** Package to build, as `go build` takes it (`./cmd/x`, `.`). */
  readonly pkg: string;
  readonly platform: Platform;
  readonly out: string;
  readonly ldflags: readonly string[];
  readonly tags: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
}

export type Compile = (req: CompileRequest) => Promise<void>;

export class CompileError extends Error {
  override readonly name = "CompileError";
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
  }
}

/** The argument list `go` gets (without the program name). */
export function goBuildArgs(req: CompileRequest): readonly string[] {
  return [
    "build",
    "-trimpath",
    ...(req.ldflags.length > 0 ? [`-ldflags=${req.ldflags.join(" ")}`] : []),
    ...(req.tags.length > 0 ? [`-tags=${req.tags.join(",")}`] : []),
    "-o",
    req.out,
    req.pkg,
  ];
}

export function goBuildEnv(req: CompileRequest): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.env)) if (v !== undefined) env[k] = v;
  delete env["GOARM"];
  delete env["GOAMD64"];
  return { ...env, CGO_ENABLED: "0", ...goEnvFor(req.platform) };
}

export function hostGoCompile(goBin = "go"): Compile {
  return (req) =>
    new Promise((resolve, reject) => {
      const child = spawn(goBin, goBuildArgs(req) as string[], { cwd: req.dir, env: goBuildEnv(req), stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      child.stdout.on("data", (d: Buffer) => (output += d.toString()));
      child.stderr.on("data", (d: Buffer) => (output += d.toString()));
      child.on("error", (e) => reject(new CompileError(`cannot run ${goBin}: ${e.message}`, "")));
      child.on("close", (code) => {
        if (code === 0) resolve();
        else reject(new CompileError(`go build ${req.pkg} for ${req.platform.os}/${req.platform.architecture} failed (exit ${code}):\n${output.trimEnd()}`, output));
      });
    });
}
