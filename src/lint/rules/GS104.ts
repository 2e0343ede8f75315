/**
 * GS104: a binary built with cgo enabled links against the builder's C
 * library, and the final image has another one (or none): scratch and
 * distroless static have no libc, alpine has musl, debian/ubuntu/distroless
 * base have glibc. The container then dies with "no such file or directory"
 * or "not found" at start. cgo counts as enabled when CGO_ENABLED=1, or when
 * it is unset and the builder has a C compiler (golang:* non-alpine images,
 * alpine ones after `apk add gcc|build-base`) and the build is not a cross
 * build (GOARCH set leaves it unknown). A static link (-extldflags -static,
 * or -tags netgo,osusergo) is fine.
 */
import { defineRule } from "../rule.js";
import { copiedStages, installsCCompiler, stageImage } from "../facts/go-images.js";
import { buildsBinary, chainInvocations, effectiveVar, goFlag, type GoInvocation } from "../facts/go-invocations.js";
import type { Libc } from "../model/base-image.js";

export default defineRule(
  {
    id: "GS104",
    title: "cgo binary on an image with another libc",
    severity: "error",
    category: "go-build",
    hadolint: [],
    buildkit: [],
    fixable: false,
  },
  ({ model, report }) => {
    const final = model.final;
    if (!final) return;
    const runtime = stageImage(model, final);
    const rlibc = runtime.base.libc;
    if (rlibc === "unknown" || runtime.base.goToolchain) return;
    const runtimeName = final.base.family === "scratch" ? "scratch" : (runtime.ref?.familiar ?? final.baseText);
    const seen = new Set<GoInvocation>();
    for (const src of copiedStages(model, final)) {
      for (const inv of chainInvocations(model, src)) {
        if (seen.has(inv) || !buildsBinary(inv)) continue;
        seen.add(inv);
        const builder = stageImage(model, inv.stage);
        const blibc: Libc = builder.base.libc;
        if (!builder.base.goToolchain || (blibc !== "glibc" && blibc !== "musl")) continue;
        const cgo = effectiveVar(model, inv, "CGO_ENABLED");
        let why: string;
        if (cgo) {
          if (cgo.value !== "1") continue;
          why = "CGO_ENABLED=1";
        } else {
          if (effectiveVar(model, inv, "GOARCH") || effectiveVar(model, inv, "CC")) continue; // cross builds default cgo off
          const cc = builder.base.cCompiler || installsCCompiler(model, inv.stage);
          if (!cc) continue;
          why = `CGO_ENABLED is unset and ${builder.base.cCompiler ? "the builder image has gcc" : "the builder installs a C compiler"}, so cgo is on`;
        }
        if (isStatic(model, inv)) continue;
        let problem: string;
        if (rlibc === "none") problem = `the final image ${runtimeName} has no C library`;
        else if (rlibc !== blibc) problem = `the final image ${runtimeName} has ${rlibc} while the builder links against ${blibc}`;
        else continue;
        const bname = builder.ref?.familiar ? `${builder.ref.familiar}${builder.ref.tag ? `:${builder.ref.tag}` : ""}` : "the builder";
        report({
          message: `\`go ${inv.subcommand}\` in ${bname} builds a dynamically linked binary (${why}) but ${problem}: the container will fail to start with "no such file or directory"; set CGO_ENABLED=0 for this build (or link statically with -tags netgo,osusergo -ldflags '-extldflags -static')`,
          range: inv.range,
        });
      }
    }
  },
);

function isStatic(model: Parameters<typeof goFlag>[0], inv: GoInvocation): boolean {
  const ld = goFlag(model, inv, "ldflags");
  const ldText = ld ? (typeof ld.value === "string" ? ld.value : ld.raw) : "";
  if (/extldflags[\s\S]*static/.test(ldText)) return true;
  const tags = goFlag(model, inv, "tags");
  const tagText = tags ? (typeof tags.value === "string" ? tags.value : tags.raw) : "";
  return /netgo/.test(tagText) && /osusergo/.test(tagText);
}
