/**
 * `goship init [dir]`: generate the Dockerfile and .dockerignore (and on
 * request README.Docker.md and an ECR lifecycle policy) for the Go module in
 * `dir` (src/generate). `--check` compares instead of writing: exit 1 with a
 * unified diff and the reason (hand edit, stale inputs, other version) when
 * the files on disk differ, 0 when equal. `--stdout` prints instead of
 * writing. Refuses to overwrite a hand-written or hand-edited file without
 * `--force` (prints the diff, exit 1, writes nothing). Bad input (no go.mod,
 * no main package, bad OpenAPI, port conflicts …) exits 2 and writes nothing.
 */
import { resolve } from "node:path";
import { Command, Option } from "commander";
import { UsageError } from "../../diagnostic/located-error.js";
import { EXIT_FINDINGS, EXIT_OK } from "../exit-code.js";
import { errColors, type Io } from "../io.js";

const PROFILE_NAMES = ["static", "debian-slim", "alpine", "debug"] as const;
type ProfileName = (typeof PROFILE_NAMES)[number];

interface InitFlags {
  profile?: ProfileName;
  targetProfile?: string[];
  target?: string[];
  port?: string[];
  openapi?: string | false;
  goprivate?: string;
  withTests?: boolean;
  syntax?: string | boolean;
  tags?: string;
  readme?: boolean;
  ecrLifecycle?: boolean;
  check?: boolean;
  stdout?: boolean;
  force?: boolean;
  config?: string;
}

const collect = (v: string, prev: string[] | undefined): string[] => [...(prev ?? []), v];

export function initCommand(io: Io, setCode: (c: number) => void): Command {
  return new Command("init")
    .description("Generate a production Dockerfile and an allow-list .dockerignore from go.mod, the Go source and OpenAPI; --check reports drift.")
    .argument("[dir]", "the Go module folder", ".")
    .addOption(new Option("-p, --profile <profile>", "runtime profile of every target (default static, or .goship.yaml init.profile)").choices(PROFILE_NAMES))
    .option("--target-profile <target=profile>", "profile of one target (repeatable)", collect)
    .option("-t, --target <name>", "generate only this target (a main package's binary name; repeatable)", collect)
    .option("--port <port|target=port>", "port to EXPOSE (must agree with the OpenAPI servers; repeatable)", collect)
    .option("--openapi <file>", "OpenAPI/Swagger file (default: api/openapi.yaml and similar)")
    .option("--no-openapi", "ignore any OpenAPI file")
    .option("--goprivate <list>", "private module prefixes (default: .goship.yaml init.goprivate, else $GOPRIVATE)")
    .option("--with-tests", "add a test stage (go vet, go test) every image depends on")
    .option("--syntax [image]", "add a `# syntax=` line (default image docker/dockerfile:1)")
    .option("--tags <list>", "comma-separated Go build tags")
    .option("--readme", "also write README.Docker.md")
    .option("--ecr-lifecycle", "also write ecr-lifecycle-policy.json")
    .option("--check", "write nothing; exit 1 with a diff when the files differ from what would be generated")
    .option("--stdout", "print the files instead of writing them")
    .option("--force", "overwrite hand-written or hand-edited files")
    .option("-c, --config <file>", "use this .goship.yaml instead of the nearest one")
    .addHelpText(
      "after",
      "\nExamples:\n  goship init                        Dockerfile + .dockerignore for the module here\n  goship init --profile debian-slim --port 8080\n  goship init --target api --target-profile gateway=debian-slim\n  goship init --check                in CI: fail when the committed files drifted\n",
    )
    .action(async (dir: string, flags: InitFlags) => {
      setCode(await runInit(dir, flags, io));
    });
}

function parsePorts(values: readonly string[] | undefined): number | Record<string, number> | undefined {
  if (!values || values.length === 0) return undefined;
  const num = (s: string): number => {
    if (!/^\d+$/.test(s) || Number(s) < 1 || Number(s) > 65535) throw new UsageError(`--port: ${s} is not a port (1-65535)`);
    return Number(s);
  };
  if (values.length === 1 && !values[0]!.includes("=")) return num(values[0]!);
  const map: Record<string, number> = {};
  for (const v of values) {
    const [k, p] = v.split("=");
    if (!k || p === undefined) throw new UsageError(`--port: with several ports, write target=port (got ${v})`);
    map[k] = num(p);
  }
  return map;
}

async function runInit(dir: string, flags: InitFlags, io: Io): Promise<number> {
  const [{ initProject, checkProject, writeProject, initOptionsFrom, isProfile }, { findConfig }, { DEFAULT_CONFIG, DEFAULT_SYNTAX }] = await Promise.all([
    import("../../generate/index.js"),
    import("../../config/find.js"),
    import("../../config/config.js"),
  ]);
  if (flags.check && flags.stdout) throw new UsageError("--check and --stdout do not go together");
  const abs = resolve(io.cwd, dir);
  const configFile = flags.config ? resolve(io.cwd, flags.config) : findConfig(abs);
  const config = configFile ? (await import("../../config/load.js")).loadConfigFile(configFile) : DEFAULT_CONFIG;
  const profiles: Record<string, ProfileName> = {};
  for (const tp of flags.targetProfile ?? []) {
    const [t, p] = tp.split("=");
    if (!t || !p || !isProfile(p)) throw new UsageError(`--target-profile: expected target=${PROFILE_NAMES.join("|")} (got ${tp})`);
    profiles[t] = p;
  }
  const port = parsePorts(flags.port);
  const options = initOptionsFrom(
    config.init,
    {
      ...(flags.profile ? { profile: flags.profile } : {}),
      profiles,
      ...(flags.target ? { targets: flags.target } : {}),
      ...(port !== undefined ? { port } : {}),
      ...(flags.goprivate !== undefined ? { goprivate: flags.goprivate } : {}),
      ...(flags.withTests ? { withTests: true } : {}),
      ...(flags.syntax !== undefined ? { syntax: flags.syntax === true ? DEFAULT_SYNTAX : flags.syntax === false ? null : flags.syntax } : {}),
      ...(flags.tags ? { tags: flags.tags.split(",").map((t) => t.trim()).filter(Boolean) } : {}),
      ...(flags.readme ? { readme: true } : {}),
      ...(flags.ecrLifecycle ? { ecrLifecycle: true } : {}),
    },
    io.env,
  );
  const openapi = flags.openapi === false ? false : flags.openapi ?? config.init.openapi;
  const out = initProject({ dir: abs, cwd: io.cwd, openapi, options });
  const ce = errColors(io);

  if (flags.stdout) {
    for (const f of out.files) {
      if (out.files.length > 1) io.stdout.write(`==> ${f.path} <==\n`);
      io.stdout.write(f.content);
    }
    return EXIT_OK;
  }
  if (flags.check) {
    const reports = checkProject(out);
    let drift = false;
    for (const r of reports) {
      if (r.kind === "equal") continue;
      drift = true;
      io.stderr.write(`${ce.red("drift")}: ${r.reason}\n`);
      io.stdout.write(r.diff);
    }
    if (!drift) io.stderr.write(`up to date: ${out.files.map((f) => f.path).join(", ")}\n`);
    return drift ? EXIT_FINDINGS : EXIT_OK;
  }
  const res = writeProject(out, { force: flags.force === true });
  if (res.refused.length > 0) {
    for (const r of res.refused) {
      io.stderr.write(`${ce.red("refused")}: ${r.reason}; not overwritten (use --force). What goship init would change:\n`);
      io.stdout.write(r.diff);
    }
    io.stderr.write("nothing written\n");
    return EXIT_FINDINGS;
  }
  for (const p of res.written) io.stderr.write(`wrote ${p}\n`);
  for (const p of res.unchanged) io.stderr.write(`unchanged ${p}\n`);
  return EXIT_OK;
}
