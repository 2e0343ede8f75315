/**
 * The runtime profiles of `goship init` (pure data): which base image each
 * profile's final stage uses, with cgo off and on, and what the generator
 * must add because the image lacks it. Every profile runs as 65532:65532.
 *
 * - static (default): gcr.io/distroless/static-debian12:nonroot (CA
 *   certificates, tzdata, /etc/passwd, no shell, no libc); with cgo the
 *   glibc sibling gcr.io/distroless/base-debian12:nonroot.
 * - debian-slim: debian:bookworm-slim (glibc and a shell). It has no CA
 *   bundle, so the builder's is copied in; Go's own tz database is linked in
 *   (-tags timetzdata) so time zones never depend on the image.
 * - alpine: alpine (musl, busybox shell). Refused with cgo unless the builder
 *   is alpine too, which the generator then uses (GS104 would flag a glibc
 *   binary on musl); CA bundle and tz database as for debian-slim.
 * - debug: the distroless `debug-nonroot` variant (busybox shell at
 *   /busybox/sh), static or base like the static profile.
 *
 * Leaves out scratch (no CA bundle, no passwd, nothing to debug with) and
 * Ubuntu/UBI runtimes.
 */
import type { InitProfile } from "../config/config.js";

export type Profile = InitProfile;

export const PROFILES: readonly Profile[] = Object.freeze(["static", "debian-slim", "alpine", "debug"] as const);

/** The Debian release the glibc images are built on (distroless -debian12, bookworm). */
export const DEBIAN_RELEASE = "bookworm";
/** The alpine release of the alpine profile (runtime and, with cgo, the builder). */
export const ALPINE_RELEASE = "3.22";

export interface ProfileSpec {
  readonly profile: Profile;
  /** Final-stage base image. */
  readonly runtimeImage: string;
  /** The C library of the runtime image. */
  readonly libc: "none" | "glibc" | "musl";
  /** Copy the builder's CA bundle into the runtime image. */
  readonly copyCaBundle: boolean;
  /** Link Go's tz database into the binary (-tags timetzdata). */
  readonly embedTzdata: boolean;
  /** The image has a shell (for `docker run --entrypoint sh`). */
  readonly shell: string | null;
  /** One line for comments and README.Docker.md. */
  readonly summary: string;
}

export function isProfile(s: string): s is Profile {
  return (PROFILES as readonly string[]).includes(s);
}

/** The runtime of `profile` for a binary built with or without cgo. */
export function profileSpec(profile: Profile, cgo: boolean): ProfileSpec {
  switch (profile) {
    case "static":
      return cgo
        ? {
            profile, runtimeImage: "gcr.io/distroless/base-debian12:nonroot", libc: "glibc", copyCaBundle: false, embedTzdata: false, shell: null,
            summary: "distroless base (glibc for the cgo binary, CA certificates, tzdata; no shell)",
          }
        : {
            profile, runtimeImage: "gcr.io/distroless/static-debian12:nonroot", libc: "none", copyCaBundle: false, embedTzdata: false, shell: null,
            summary: "distroless static (CA certificates, tzdata, /etc/passwd; no shell, no libc)",
          };
    case "debian-slim":
      return {
        profile, runtimeImage: `debian:${DEBIAN_RELEASE}-slim`, libc: "glibc", copyCaBundle: true, embedTzdata: true, shell: "/bin/sh",
        summary: `debian ${DEBIAN_RELEASE}-slim (glibc and a shell; CA bundle copied from the builder, tz database linked in)`,
      };
    case "alpine":
      return {
        profile, runtimeImage: `alpine:${ALPINE_RELEASE}`, libc: "musl", copyCaBundle: true, embedTzdata: true, shell: "/bin/sh",
        summary: `alpine ${ALPINE_RELEASE} (musl and a busybox shell; CA bundle copied from the builder, tz database linked in)`,
      };
    case "debug":
      return cgo
        ? {
            profile, runtimeImage: "gcr.io/distroless/base-debian12:debug-nonroot", libc: "glibc", copyCaBundle: false, embedTzdata: false, shell: "/busybox/sh",
            summary: "distroless base, debug variant (glibc, busybox shell at /busybox/sh)",
          }
        : {
            profile, runtimeImage: "gcr.io/distroless/static-debian12:debug-nonroot", libc: "none", copyCaBundle: false, embedTzdata: false, shell: "/busybox/sh",
            summary: "distroless static, debug variant (busybox shell at /busybox/sh)",
          };
  }
}
