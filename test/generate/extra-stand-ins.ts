/**
 * Stand-ins the build lab does not seed but generated Dockerfiles name:
 * `alpine:3.22` (busybox + CA bundle + passwd; no musl, no apk) and the
 * distroless `debug-nonroot` variants (distroless static/base + busybox at
 * /busybox). Built with the lab's BuildKit from its golang alpine stand-in
 * and pushed to the lab registry under the names the docker.io and gcr.io
 * mirrors look up, so generated files build unchanged. Leaves out musl and
 * apk: an alpine stand-in can run static binaries only.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Lab } from "../lab/index.js";
import { ALPINE_RELEASE } from "../../src/generate/profiles.js";

function alpineDockerfile(goTag: string): string {
  return [
    `FROM golang:${goTag}-alpine AS tools`,
    "FROM scratch",
    "COPY --from=tools /usr/bin/busybox /bin/busybox",
    "COPY --from=tools /etc/passwd /etc/group /etc/",
    "COPY --from=tools /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt",
    'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
    'RUN ["/bin/busybox", "mkdir", "-m", "1777", "/tmp"]',
    "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    "LABEL dev.goship.lab.stand-in=true",
    'CMD ["/bin/sh"]',
    "",
  ].join("\n");
}

function debugDockerfile(goTag: string, kind: "static" | "base"): string {
  return [
    `FROM golang:${goTag}-alpine AS tools`,
    `FROM gcr.io/distroless/${kind}-debian12:nonroot`,
    "COPY --from=tools /usr/bin/busybox /busybox/busybox",
    "USER 0",
    'RUN ["/busybox/busybox", "--install", "/busybox"]',
    "USER 65532",
    "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/busybox",
    "LABEL dev.goship.lab.stand-in=true",
    'ENTRYPOINT ["/busybox/sh"]',
    "",
  ].join("\n");
}

/** Builds and pushes the extra stand-ins; throws with the log path when one fails. */
export async function pushExtraStandIns(lab: Lab, dir: string, goTag: string): Promise<void> {
  const jobs: { name: string; text: string }[] = [
    { name: `library/alpine:${ALPINE_RELEASE}`, text: alpineDockerfile(goTag) },
    { name: "distroless/static-debian12:debug-nonroot", text: debugDockerfile(goTag, "static") },
    { name: "distroless/base-debian12:debug-nonroot", text: debugDockerfile(goTag, "base") },
  ];
  for (const j of jobs) {
    const ctx = join(dir, j.name.replace(/[^a-z0-9]+/g, "-"));
    mkdirSync(ctx, { recursive: true });
    writeFileSync(join(ctx, "Dockerfile"), j.text);
    const r = await lab.build({ context: ctx, output: { type: "registry", name: j.name }, label: `stand-in-${j.name.replace(/[^a-z0-9]+/g, "-")}`, useLabProxy: false });
    if (!r.ok) throw new Error(`stand-in ${j.name} failed to build; log ${r.logPath}`);
  }
}
