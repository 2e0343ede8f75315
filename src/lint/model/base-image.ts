/**
 * What goship knows about a base image from its name alone: the family
 * (golang, alpine, debian, distroless...), its libc, whether it has a Go
 * toolchain, a shell, a package manager or a C compiler, and the Go version
 * of golang:<ver> tags. Names are matched on the familiar repository name,
 * so mirrors (`mirror.corp/library/golang`) classify like the original.
 */
import { imageBaseName, type ImageRef } from "../../oci/reference.js";

export type Libc = "glibc" | "musl" | "none" | "unknown";

export type Family =
  | "golang"
  | "alpine"
  | "debian"
  | "ubuntu"
  | "rhel"
  | "busybox"
  | "distroless-static"
  | "distroless-base"
  | "chainguard-static"
  | "scratch"
  | "unknown";

export interface BaseImage {
  readonly family: Family;
  readonly libc: Libc;
  readonly goToolchain: boolean;
  readonly shell: boolean;
  readonly packageManager: "apt" | "apk" | "yum" | null;
  /** A C compiler ships in the image (so cgo defaults on). */
  readonly cCompiler: boolean;
  /** The image runs as a non-root user by default (distroless :nonroot, chainguard). */
  readonly nonRootByDefault: boolean;
  /** Go version from a golang:<ver> tag, e.g. "1.22.3" or "1.22"; null when unknown. */
  readonly goVersion: string | null;
}

const UNKNOWN: BaseImage = {
  family: "unknown",
  libc: "unknown",
  goToolchain: false,
  shell: true,
  packageManager: null,
  cCompiler: false,
  nonRootByDefault: false,
  goVersion: null,
};

export const SCRATCH: BaseImage = { ...UNKNOWN, family: "scratch", libc: "none", shell: false };

export function classifyImage(ref: ImageRef): BaseImage {
  const name = imageBaseName(ref);
  const path = ref.path;
  const tag = ref.tag ?? "latest";
  if (name === "golang" || name === "go" || /(^|\/)golang-?\d/.test(name)) {
    const alpine = /alpine/.test(tag);
    const m = /^(\d+(?:\.\d+){0,2})(?:rc\d+|beta\d+)?(?:-|$)/.exec(tag);
    return {
      family: "golang",
      libc: alpine ? "musl" : "glibc",
      goToolchain: true,
      shell: true,
      packageManager: alpine ? "apk" : "apt",
      cCompiler: !alpine,
      nonRootByDefault: false,
      goVersion: m?.[1] ?? null,
    };
  }
  if (path.includes("distroless") || ref.registry === "gcr.io" && path.startsWith("distroless/")) {
    const isStatic = /static/.test(name);
    return {
      ...UNKNOWN,
      family: isStatic ? "distroless-static" : "distroless-base",
      libc: isStatic ? "none" : "glibc",
      shell: /debug/.test(tag),
      nonRootByDefault: /nonroot/.test(tag),
    };
  }
  if (ref.registry === "cgr.dev" || path.startsWith("chainguard/")) {
    const isStatic = name === "static";
    return { ...UNKNOWN, family: isStatic ? "chainguard-static" : "unknown", libc: isStatic ? "none" : "glibc", shell: !isStatic, nonRootByDefault: true };
  }
  if (name === "alpine") return { ...UNKNOWN, family: "alpine", libc: "musl", packageManager: "apk" };
  if (name === "debian" || name === "buildpack-deps") return { ...UNKNOWN, family: "debian", libc: "glibc", packageManager: "apt", cCompiler: name === "buildpack-deps" };
  if (name === "ubuntu") return { ...UNKNOWN, family: "ubuntu", libc: "glibc", packageManager: "apt" };
  if (["centos", "fedora", "rockylinux", "almalinux", "ubi", "ubi-minimal", "ubi8", "ubi9", "amazonlinux"].includes(name)) {
    return { ...UNKNOWN, family: "rhel", libc: "glibc", packageManager: "yum" };
  }
  if (name === "busybox") return { ...UNKNOWN, family: "busybox", libc: /musl/.test(tag) ? "musl" : "glibc" };
  return UNKNOWN;
}

/** Compares dotted Go versions ("1.22" < "1.22.3" < "1.23"); rc/beta suffixes ignored. */
export function compareGoVersions(a: string, b: string): number {
  const pa = a.replace(/^go/, "").split(/[.]/).map((x) => parseInt(x, 10) || 0);
  const pb = b.replace(/^go/, "").split(/[.]/).map((x) => parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
