/**
 * The stand-in base images the lab builds (pure data): which repositories and
 * tags of the lab registry each one fills, which root filesystem layers it is
 * made of, and its image config. They stand in for the official images that
 * real Go Dockerfiles name (golang, golang:*-alpine, distroless static/base,
 * debian slim) and are labelled as stand-ins in their config. What each one
 * leaves out of the real image:
 * - golang: Go is the host's toolchain, the userland is busybox (no bash, no
 *   apt, no git); gcc and glibc development files come from the host's Debian
 *   packages, so cgo builds work.
 * - golang alpine: busybox only, no musl and no apk.
 * - distroless static/base: no Debian package database (/var/lib/dpkg).
 * - debian slim: busybox instead of coreutils, no dpkg or apt.
 * Registry paths: docker.io names live under library/ (as the docker.io mirror
 * protocol asks); gcr.io/distroless/<name> lives at distroless/<name>, which
 * the docker.io name distroless/<name> reaches too.
 */

/** A root filesystem layer, named so images can share it. */
export type LayerKind =
  | "go-toolchain" // GOROOT + busybox + certs + passwd, no libc
  | "gcc-glibc" // the host's gcc, glibc and development files
  | "distroless-static" // certs, tzdata, passwd/group, /tmp, /home/nonroot
  | "glibc" // libc6 and libgcc-s1 only
  | "debian-slim"; // glibc + busybox + passwd/group, /tmp

export interface ImageConfigFields {
  readonly User?: string;
  readonly Env: readonly string[];
  readonly Entrypoint?: readonly string[];
  readonly Cmd?: readonly string[];
  readonly WorkingDir?: string;
  readonly Labels: Readonly<Record<string, string>>;
}

export interface StandInImage {
  /** Short name used in logs and cached layout names. */
  readonly id: string;
  /** Registry repository path, e.g. "library/golang". */
  readonly repository: string;
  readonly tags: readonly string[];
  readonly layers: readonly LayerKind[];
  readonly config: ImageConfigFields;
}

export interface StandInInputs {
  /** The host's Go version without the "go" prefix, e.g. "1.26.8". */
  readonly goVersion: string;
  /** Go versions named by the examples' go.mod files, e.g. ["1.26"]. */
  readonly goModVersions: readonly string[];
}

const STANDIN_LABEL = "dev.goship.lab.stand-in";
const PATH_DEFAULT = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

function labels(of: string, what: string): Readonly<Record<string, string>> {
  return {
    [STANDIN_LABEL]: "true",
    "org.opencontainers.image.title": `goship-lab stand-in for ${of}`,
    "org.opencontainers.image.description": `${what} Built by goship's build lab; not the official image.`,
  };
}

/** Tags golang images are known by: 1.26.8, 1.26, go.mod versions, 1, latest. */
export function golangTags(inputs: StandInInputs, suffix: string): readonly string[] {
  const [major, minor] = inputs.goVersion.split(".");
  const versions = [inputs.goVersion, `${major}.${minor}`, ...inputs.goModVersions, `${major}`];
  const tags = new Set<string>();
  for (const v of versions) tags.add(`${v}${suffix}`);
  tags.add(suffix === "" ? "latest" : suffix.slice(1));
  return [...tags];
}

export function standInImages(inputs: StandInInputs): readonly StandInImage[] {
  const goEnv = [
    `PATH=/go/bin:/usr/local/go/bin:${PATH_DEFAULT}`,
    `GOLANG_VERSION=${inputs.goVersion}`,
    "GOTOOLCHAIN=local",
    "GOPATH=/go",
  ];
  const golangBookworm = golangTags(inputs, "-bookworm");
  const certEnv = ["SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt"];
  const staticLabels = labels(
    "gcr.io/distroless/static-debian12",
    "CA certificates, tzdata, /etc/passwd and /etc/group (root, nonroot 65532), /tmp; no shell, no libc.",
  );
  const baseLabels = labels("gcr.io/distroless/base-debian12", "distroless static plus glibc; no shell.");
  return [
    {
      id: "golang",
      repository: "library/golang",
      tags: [...golangTags(inputs, ""), ...golangBookworm],
      layers: ["go-toolchain", "gcc-glibc"],
      config: {
        Env: goEnv,
        Cmd: ["sh"],
        WorkingDir: "/go",
        Labels: labels(`golang:${inputs.goVersion}`, "The host's Go toolchain, busybox, gcc and glibc."),
      },
    },
    {
      id: "golang-alpine",
      repository: "library/golang",
      tags: golangTags(inputs, "-alpine"),
      layers: ["go-toolchain"],
      config: {
        Env: goEnv,
        Cmd: ["sh"],
        WorkingDir: "/go",
        Labels: labels(
          `golang:${inputs.goVersion}-alpine`,
          "Busybox-only stand-in: the host's Go toolchain and busybox; no musl, no apk, no C compiler.",
        ),
      },
    },
    ...(["static", "base"] as const).flatMap((kind): StandInImage[] => {
      const layers: LayerKind[] = kind === "static" ? ["distroless-static"] : ["distroless-static", "glibc"];
      const lab = kind === "static" ? staticLabels : baseLabels;
      const repos = kind === "static" ? ["distroless/static-debian12", "distroless/static"] : ["distroless/base-debian12", "distroless/base"];
      return repos.flatMap((repository): StandInImage[] => [
        {
          id: `${repository.replace("/", "-")}-root`,
          repository,
          tags: ["latest", "debian12"],
          layers,
          config: { User: "0", Env: [`PATH=${PATH_DEFAULT}`, ...certEnv], WorkingDir: "/", Labels: lab },
        },
        {
          id: `${repository.replace("/", "-")}-nonroot`,
          repository,
          tags: ["nonroot", "debian12-nonroot"],
          layers,
          config: { User: "65532", Env: [`PATH=${PATH_DEFAULT}`, ...certEnv], WorkingDir: "/home/nonroot", Labels: lab },
        },
      ]);
    }),
    {
      id: "debian",
      repository: "library/debian",
      tags: ["bookworm-slim", "12-slim", "bookworm", "12", "stable-slim"],
      layers: ["debian-slim"],
      config: {
        Env: [`PATH=${PATH_DEFAULT}`],
        Cmd: ["sh"],
        Labels: labels("debian:bookworm-slim", "glibc and busybox (no coreutils, no dpkg, no apt)."),
      },
    },
  ];
}

/** The OCI image config JSON for an image whose layers have these diff IDs. */
export function imageConfigJson(image: StandInImage, diffIds: readonly string[], created: string, architecture: string): string {
  const c = image.config;
  const config: Record<string, unknown> = { Env: c.Env, Labels: c.Labels };
  if (c.User !== undefined) config.User = c.User;
  if (c.Entrypoint !== undefined) config.Entrypoint = c.Entrypoint;
  if (c.Cmd !== undefined) config.Cmd = c.Cmd;
  if (c.WorkingDir !== undefined) config.WorkingDir = c.WorkingDir;
  return JSON.stringify({
    created,
    architecture,
    os: "linux",
    config,
    rootfs: { type: "layers", diff_ids: diffIds },
    history: image.layers.map((l) => ({ created, created_by: `goship-lab stand-in layer: ${l}` })),
  });
}
