/**
 * renderDockerfile: an InitPlan as Dockerfile text (the body under the
 * goship header). Layout: global ARGs (VERSION, REVISION, SOURCE, GOPRIVATE),
 * one module stage per builder (`deps`: go.mod/go.sum, local replace
 * go.mod files or vendor/, then `go mod download` with a cache mount), an
 * optional `test` stage, one `build-<target>` stage per binary, and one
 * final stage per target (the last one is what `docker build` builds
 * without --target). Pure and deterministic: the same plan gives the same
 * bytes. Leaves out HEALTHCHECK (distroless has no shell or curl to run
 * one; orchestrators probe over HTTP) and multi-platform manifests (the
 * builder's --platform flag makes them).
 */
import type { DepsPlan, InitPlan, TargetPlan } from "./plan.js";

const MOD_CACHE = "--mount=type=cache,target=/go/pkg/mod";
const BUILD_CACHE = "--mount=type=cache,target=/root/.cache/go-build";
const NETRC = "--mount=type=secret,id=netrc,target=/root/.netrc";
const TESTS_MARK = "/tmp/goship-tests-passed";

function run(mounts: readonly string[], command: readonly string[]): string[] {
  const parts = [...mounts, ...command];
  return parts.map((p, i) => (i === 0 ? `RUN ${p}` : `    ${p}`) + (i < parts.length - 1 ? " \\" : ""));
}

function goArgs(plan: InitPlan): string[] {
  const a = ["ARG GOPROXY"];
  if (plan.private) a.push("ARG GOPRIVATE", "ARG GONOPROXY");
  return a;
}

function depsStage(plan: InitPlan, d: DepsPlan): string[] {
  const out: string[] = [];
  out.push(
    d.cross
      ? "# Modules, on the build platform: go.mod and go.sum alone, so this layer and the download are reused until they change."
      : `# Modules: go.mod and go.sum alone, so this layer and the download are reused until they change (cgo: ${d.flavor === "alpine" ? "musl" : "glibc"} builder, native build).`,
  );
  out.push(`FROM ${d.cross ? "--platform=$BUILDPLATFORM " : ""}${d.image} AS ${d.stage}`);
  if (d.installCCompiler) out.push("RUN apk add --no-cache gcc musl-dev");
  out.push("WORKDIR /src");
  if (!plan.vendor) out.push(...goArgs(plan));
  out.push(plan.hasGoSum ? "COPY go.mod go.sum ./" : "COPY go.mod ./");
  for (const dir of plan.localReplaces) out.push(`COPY ${dir}/go.mod ${dir}/go.mod`);
  if (plan.vendor) out.push("COPY vendor/ vendor/");
  if (plan.download) out.push(...run([MOD_CACHE, ...(plan.private ? [NETRC] : [])], ["go mod download"]));
  return out;
}

function cacheMounts(plan: InitPlan): string[] {
  return plan.vendor ? [BUILD_CACHE] : [MOD_CACHE, BUILD_CACHE, ...(plan.private ? [NETRC] : [])];
}

function testStage(plan: InitPlan): string[] {
  const d = plan.deps[0] as DepsPlan;
  const test = plan.testRace ? "CGO_ENABLED=1 go test -race ./..." : "go test ./...";
  return [
    "# Tests: every image depends on this stage, so a failing go vet or go test fails the build.",
    `FROM ${d.stage} AS test`,
    "COPY . .",
    ...(plan.vendor ? [] : goArgs(plan)),
    ...run(cacheMounts(plan), [`go vet ./... && ${test} && touch ${TESTS_MARK}`]),
  ];
}

function buildStage(plan: InitPlan, t: TargetPlan): string[] {
  const pkg = t.dir === "." ? "." : `./${t.dir}`;
  const ldflags = ["-s", "-w", ...(t.versionSymbol ? [`-X ${t.versionSymbol}=\${VERSION}`] : [])].join(" ");
  const tags = t.tags.length > 0 ? ` -tags ${t.tags.join(",")}` : "";
  const out: string[] = [];
  out.push(
    t.deps.cross
      ? `# ${t.name}: cross-compiled on the build platform for the target one (TARGETOS/TARGETARCH, GOARM from TARGETVARIANT).`
      : `# ${t.name}: cgo (${t.spec.libc}) build, run natively for the target platform.`,
  );
  out.push(`FROM ${t.deps.stage} AS ${t.buildStage}`);
  out.push("COPY . .");
  if (!plan.vendor) out.push(...goArgs(plan));
  if (t.deps.cross) out.push("ARG TARGETOS", "ARG TARGETARCH", "ARG TARGETVARIANT");
  if (t.versionSymbol) out.push("ARG VERSION");
  const mounts = [...cacheMounts(plan), ...(plan.withTests ? [`--mount=type=bind,from=test,source=${TESTS_MARK},target=${TESTS_MARK}`] : [])];
  const env = t.deps.cross ? ["CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH GOARM=${TARGETVARIANT#v}"] : ["CGO_ENABLED=1"];
  out.push(...run(mounts, [...env, `go build -trimpath${tags} -ldflags="${ldflags}" -o /out/${t.name} ${pkg}`]));
  return out;
}

function finalStage(plan: InitPlan, t: TargetPlan): string[] {
  const out: string[] = [];
  out.push(`# ${t.name}: ${t.spec.summary}; runs as 65532:65532.`);
  out.push(`FROM ${t.spec.runtimeImage} AS ${t.stage}`);
  out.push("ARG VERSION", "ARG REVISION", "ARG SOURCE");
  out.push(
    `LABEL org.opencontainers.image.title="${t.name}" \\`,
    '      org.opencontainers.image.source="${SOURCE}" \\',
    '      org.opencontainers.image.version="${VERSION}" \\',
    '      org.opencontainers.image.revision="${REVISION}"',
  );
  if (t.spec.copyCaBundle) out.push(`COPY --from=${t.buildStage} /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt`);
  out.push(`COPY --from=${t.buildStage} /out/${t.name} /usr/local/bin/${t.name}`);
  out.push("USER 65532:65532");
  if (t.port !== null) out.push(`EXPOSE ${t.port}`);
  out.push(`ENTRYPOINT ["/usr/local/bin/${t.name}"]`);
  return out;
}

function intro(plan: InitPlan): string[] {
  const first = plan.targets[plan.targets.length - 1] as TargetPlan;
  const out = [
    "#",
    `# ${plan.modulePath}: ${plan.targets.length === 1 ? `one image, ${first.name}` : `one image per command (${plan.targets.map((t) => t.name).join(", ")}); docker build --target <name> picks one, the default is ${first.name}`}.`,
    "# Needs BuildKit (docker buildx, DOCKER_BUILDKIT=1, buildctl) or buildah: the legacy builder has no RUN --mount",
    "# and leaves $BUILDPLATFORM undefined.",
    `#   docker build --build-arg VERSION=$(git describe --tags --always) --build-arg REVISION=$(git rev-parse HEAD)${plan.targets.length > 1 ? ` --target ${first.name}` : ""} -t ${first.name} .`,
  ];
  if (!plan.vendor) {
    out.push("# Module mirror: --build-arg GOPROXY=https://goproxy.cn,direct (unset: the go command's default). GOSUMDB is left on.");
  }
  if (plan.private) {
    out.push(
      `# Private modules (${plan.private.modules.join(", ")}): GOPRIVATE=${plan.private.goprivate}; credentials only as a build secret,`,
      "#   --secret id=netrc,src=$HOME/.netrc (never ARG or ENV); --build-arg GONOPROXY=none fetches them through GOPROXY.",
    );
  }
  if (plan.cgo) out.push(`# cgo is used (${plan.cgoReasons.join("; ")}): built natively with CGO_ENABLED=1 on a builder whose libc matches the runtime.`);
  if (plan.openapi && plan.openapi.securitySchemes.length > 0) {
    out.push(`# The service expects at runtime (${plan.openapi.file} securitySchemes; pass them to the container, never bake them in):`);
    for (const s of plan.openapi.securitySchemes) out.push(`#   ${describeScheme(s)}`);
  }
  return out;
}

export function describeScheme(s: { name: string; type: string; in: string | null; paramName: string | null; scheme: string | null; bearerFormat: string | null }): string {
  let what: string;
  if (s.type === "http") what = `HTTP ${s.scheme ?? ""} authentication${s.scheme?.toLowerCase() === "bearer" ? ` (Authorization: Bearer <${s.bearerFormat ?? "token"}>)` : ""}`;
  else if (s.type === "apiKey") what = `API key in ${s.in ?? "a header"} ${s.paramName ?? ""}`.trimEnd();
  else if (s.type === "oauth2") what = "OAuth 2 access token";
  else if (s.type === "openIdConnect") what = "OpenID Connect token";
  else if (s.type === "mutualTLS") what = "mutual TLS client certificate";
  else if (s.type === "basic") what = "HTTP basic authentication";
  else what = s.type;
  return `${s.name}: ${what.replace(/\s+/g, " ")}`;
}

export function renderDockerfile(plan: InitPlan): string {
  const blocks: string[][] = [];
  blocks.push(intro(plan));
  const globals = [`ARG VERSION=${plan.versionDefault}`, "ARG REVISION", plan.sourceUrl ? `ARG SOURCE=${plan.sourceUrl}` : "ARG SOURCE"];
  if (plan.private) globals.push(`ARG GOPRIVATE=${plan.private.goprivate}`);
  blocks.push(globals);
  for (const d of plan.deps) blocks.push(depsStage(plan, d));
  if (plan.withTests) blocks.push(testStage(plan));
  for (const t of plan.targets) blocks.push(buildStage(plan, t));
  for (const t of plan.targets) blocks.push(finalStage(plan, t));
  return blocks.map((b) => b.join("\n")).join("\n\n") + "\n";
}
