/**
 * `goship preflight`: flags → runPreflight (src/preflight) → text or JSON.
 * Exit 1 when the build could not fetch (or check) its modules from here,
 * 2 for usage errors (a bad GOPROXY or GOSUMDB value), else 0.
 * --emit-sh prints the busybox script instead of probing; with
 * --k8s-init-container, the Kubernetes init container that runs it.
 */
import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { Command, Option } from "commander";
import { UsageError } from "../../diagnostic/located-error.js";
import { EXIT_FINDINGS, EXIT_OK } from "../exit-code.js";
import type { Io } from "../io.js";

interface PreflightFlags {
  format: "text" | "json";
  goproxy?: string;
  gosumdb?: string;
  goprivate?: string;
  dockerfile?: string;
  timeout: string;
  try?: string;
  emitSh?: boolean;
  k8sInitContainer?: boolean;
  image: string;
}

export function preflightCommand(io: Io, setCode: (c: number) => void): Command {
  return new Command("preflight")
    .description("Before a build: can this place reach its module sources? DNS, TCP, TLS and HTTP of every GOPROXY entry, GOSUMDB and the VCS hosts of direct modules, each timed, with HTTP(S)_PROXY/NO_PROXY honoured.")
    .argument("[dir]", "module folder (its go.mod names the modules)", ".")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--goproxy <list>", "GOPROXY to check (default: environment, Dockerfile, go env)")
    .option("--gosumdb <value>", "GOSUMDB to check")
    .option("--goprivate <patterns>", "GOPRIVATE to assume")
    .option("--dockerfile <file>", "read ARG/ENV GOPROXY, GOSUMDB, GOPRIVATE, HTTP(S)_PROXY defaults from this Dockerfile")
    .option("--timeout <ms>", "per-step timeout in milliseconds", "5000")
    .option("--try <urls>", "comma-separated alternative GOPROXY URLs to probe and recommend")
    .option("--emit-sh", "print a POSIX/busybox shell script with the same checks, instead of probing")
    .option("--k8s-init-container", "print a Kubernetes init container (YAML) that runs that script")
    .option("--image <ref>", "image for --k8s-init-container", "busybox:stable")
    .addHelpText("after", "\nExamples:\n  goship preflight\n  goship preflight --dockerfile Dockerfile -f json\n  goship preflight --emit-sh > preflight.sh\n")
    .action(async (dir: string, flags: PreflightFlags) => {
      setCode(await runPreflightCli(dir, flags, io));
    });
}

async function runPreflightCli(dir: string, flags: PreflightFlags, io: Io): Promise<number> {
  const [{ runPreflight }, { formatPreflightText, formatPreflightJson }, { emitShell }, { k8sInitContainer }, { planTargets }, { resolveGoEnv }, { probeGoEnv }, { dockerfileModuleEnv }] = await Promise.all([
    import("../../preflight/run-preflight.js"),
    import("../../preflight/format.js"),
    import("../../preflight/emit-sh.js"),
    import("../../preflight/k8s-init.js"),
    import("../../preflight/targets.js"),
    import("../../gomod/go-env.js"),
    import("../../sumdb/verify/go-env-probe.js"),
    import("../../preflight/dockerfile-env.js"),
  ]);
  const timeoutMs = Number(flags.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new UsageError(`--timeout must be a positive integer, not ${JSON.stringify(flags.timeout)}`);
  let moduleDir = resolve(io.cwd, dir);
  if (existsSync(moduleDir) && !statSync(moduleDir).isDirectory()) moduleDir = dirname(moduleDir);
  const overrides: Record<string, string> = {};
  if (flags.goproxy !== undefined) overrides.GOPROXY = flags.goproxy;
  if (flags.gosumdb !== undefined) overrides.GOSUMDB = flags.gosumdb;
  if (flags.goprivate !== undefined) overrides.GOPRIVATE = flags.goprivate;
  const dockerfile = flags.dockerfile ? resolve(io.cwd, flags.dockerfile) : undefined;
  if (dockerfile && !existsSync(dockerfile)) throw new UsageError(`${flags.dockerfile}: no such file`);

  if (flags.emitSh || flags.k8sInitContainer) {
    const { readFileSync } = await import("node:fs");
    const merged = { ...io.env, ...(dockerfile ? dockerfileModuleEnv(readFileSync(dockerfile, "utf8")) : {}), ...overrides };
    const probe = await probeGoEnv(merged);
    const env = resolveGoEnv({ ...merged, ...probe.vars });
    const plan = planTargets({ env, ...(probe.vars.GOPROXY ? { goDefaultProxy: probe.vars.GOPROXY } : {}) });
    const script = emitShell(plan, Math.max(1, Math.round(timeoutMs / 1000)));
    if (flags.k8sInitContainer) {
      const vars: Record<string, string> = {};
      for (const k of ["GOPROXY", "GOSUMDB", "GOPRIVATE", "GONOPROXY", "GONOSUMDB"] as const) {
        const v = (merged as Record<string, string | undefined>)[k] ?? probe.vars[k];
        if (v) vars[k] = v;
      }
      io.stdout.write(k8sInitContainer({ image: flags.image, script, env: vars }));
    } else io.stdout.write(script);
    return EXIT_OK;
  }

  const report = await runPreflight({
    env: io.env,
    overrides,
    ...(dockerfile ? { dockerfile } : {}),
    moduleDir,
    timeoutMs,
    ...(flags.try ? { tryProxies: flags.try.split(",").map((s) => s.trim()).filter(Boolean) } : {}),
  });
  io.stdout.write(flags.format === "json" ? formatPreflightJson(report) : formatPreflightText(report));
  return report.verdict.ok ? EXIT_OK : EXIT_FINDINGS;
}
