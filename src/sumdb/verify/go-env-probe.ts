/**
 * The go command's view of the module environment, read at run time with
 * `go env -json` (so GOENV files and the toolchain's go.env defaults count,
 * as they do for the go command): GOPROXY, GOSUMDB, GONOSUMDB, GONOPROXY,
 * GOPRIVATE, GOMODCACHE, GOPATH, GOFLAGS, GOINSECURE. Without a go command
 * the environment alone is used and the defaults stay unknown (callers fall
 * back to src/sumdb/data for the database, and ask for GOPROXY).
 */
import { execFile } from "node:child_process";

const VARS = ["GOPROXY", "GOSUMDB", "GONOSUMDB", "GONOPROXY", "GOPRIVATE", "GOMODCACHE", "GOPATH", "GOFLAGS", "GOINSECURE"] as const;

export type GoEnvVars = Readonly<Partial<Record<(typeof VARS)[number], string>>>;

export interface GoEnvProbe {
  /** The values, from `go env` when it ran, else from the environment. */
  readonly vars: GoEnvVars;
  /** Whether `go env` answered. */
  readonly fromGo: boolean;
}

export async function probeGoEnv(env: Readonly<Record<string, string | undefined>>, goBinary = "go"): Promise<GoEnvProbe> {
  const fromEnv: Record<string, string> = {};
  for (const v of VARS) if (env[v]) fromEnv[v] = env[v] as string;
  try {
    const out = await new Promise<string>((resolve, reject) => {
      execFile(goBinary, ["env", "-json", ...VARS], { env: env as NodeJS.ProcessEnv, timeout: 15_000 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
    });
    const parsed = JSON.parse(out) as Record<string, string>;
    const vars: Record<string, string> = {};
    for (const v of VARS) if (parsed[v]) vars[v] = parsed[v];
    return { vars, fromGo: true };
  } catch {
    return { vars: fromEnv, fromGo: false };
  }
}
