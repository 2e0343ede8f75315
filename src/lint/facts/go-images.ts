/**
 * What GS1xx rules need to know about the images of a Go build: the image
 * at the root of a stage's FROM chain, classified even when its tag (or
 * registry) is a build arg without a default (`golang:${GO_VERSION}-alpine`
 * is still a musl Go toolchain; its version is unknown), whether the builder
 * has a C compiler (golang non-alpine images do; alpine ones once
 * `apk add gcc|build-base|clang` ran), and which stages' binaries reach the
 * final image (COPY --from, followed through intermediate stages).
 * Leaves out images whose repository itself is a variable (`FROM ${BASE}`).
 */
import { classifyImage, type BaseImage } from "../model/base-image.js";
import type { LintModel, StageModel } from "../model/model.js";
import { parseImageRef, type ImageRef } from "../../oci/reference.js";
import { runScripts } from "./go-run-scripts.js";

/** The stage whose FROM names an image (the root of `stage`'s FROM chain). */
export function rootStage(model: LintModel, stage: StageModel): StageModel {
  let s = stage;
  const seen = new Set<number>();
  while (s.parent !== null && !seen.has(s.index)) {
    seen.add(s.index);
    s = model.stages[s.parent]!;
  }
  return s;
}

export interface StageImage {
  readonly base: BaseImage;
  /** The reference, with unresolved variables in the tag/registry replaced; null for scratch or a fully variable image. */
  readonly ref: ImageRef | null;
  /** True when the tag or registry held a variable (so the tag/version is not known). */
  readonly partial: boolean;
}

/** The image facts of a stage's root image, reading through unresolved build args in the tag or registry. */
export function stageImage(model: LintModel, stage: StageModel): StageImage {
  const root = rootStage(model, stage);
  if (!root.dynamic) return { base: root.base, ref: root.ref, partial: false };
  const ref = partialRef(root.baseText);
  if (!ref) return { base: root.base, ref: null, partial: true };
  return { base: classifyImage(ref), ref, partial: true };
}

/** `reg/${X}:tag` stays unknown; `${REG}/golang:${V}-alpine` reads as golang with tag "-alpine". */
function partialRef(text: string): ImageRef | null {
  const VAR = /\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g;
  const at = text.indexOf("@");
  const noDigest = at >= 0 ? text.slice(0, at) : text;
  const slash = noDigest.lastIndexOf("/");
  const colon = noDigest.lastIndexOf(":");
  const repo = colon > slash ? noDigest.slice(0, colon) : noDigest;
  const tag = colon > slash ? noDigest.slice(colon + 1) : null;
  const parts = repo.split("/");
  // the repository's own name must be static
  const last = parts[parts.length - 1] ?? "";
  if (/\$/.test(last) || last === "") return null;
  const middle = parts.slice(1, -1);
  if (middle.some((p) => /\$/.test(p))) return null;
  let first = parts[0]!;
  if (parts.length > 1 && /\$/.test(first)) first = "registry.invalid";
  else if (/\$/.test(first)) return null;
  const fixedTag = tag === null ? null : tag.replace(VAR, "").replace(/^[-.]+|[-.]+$/g, "") || "unknown";
  const rebuilt = [first, ...middle, last].join("/") + (fixedTag !== null ? `:${fixedTag}` : "");
  const ref = parseImageRef(rebuilt);
  return ref;
}

const C_PACKAGES = /^(gcc|build-base|clang|musl-dev|g\+\+|gcc-[\w.-]+|alpine-sdk)$/;

/** True when some RUN of the stage's FROM chain installs a C compiler with apk/apt/yum. */
export function installsCCompiler(model: LintModel, stage: StageModel): boolean {
  const chain: StageModel[] = [];
  for (let s: StageModel | undefined = stage; s && !chain.includes(s); s = s.parent !== null ? model.stages[s.parent] : undefined) chain.push(s);
  for (const s of chain) {
    for (const ins of s.stage.commands) {
      if (ins.kind !== "RUN") continue;
      for (const sr of runScripts(model, ins)) {
        for (const call of sr.calls) {
          const words = call.args.map((w) => w.literal ?? "");
          const pm = words[0];
          if (!["apk", "apt-get", "apt", "yum", "dnf", "microdnf"].includes(pm ?? "")) continue;
          if (!words.includes("add") && !words.includes("install")) continue;
          if (words.some((w) => C_PACKAGES.test(w))) return true;
        }
      }
    }
  }
  return false;
}

/** Stages whose files the final image copies (directly or through stages it copies from), nearest first. */
export function copiedStages(model: LintModel, stage: StageModel): StageModel[] {
  const out: StageModel[] = [];
  const queue = [...stage.copiesFrom];
  while (queue.length > 0) {
    const i = queue.shift()!;
    const s = model.stages[i];
    if (!s || out.includes(s) || s === stage) continue;
    out.push(s);
    queue.push(...s.copiesFrom);
    if (s.parent !== null) queue.push(s.parent);
  }
  return out;
}

/** `major.minor` of a Go version ("1.23.4" → "1.23"); null for a bare major. */
export function goMinor(v: string): string | null {
  const m = /^(?:go)?(\d+)\.(\d+)/.exec(v);
  return m ? `${m[1]}.${m[2]}` : null;
}

/** True when a FROM with unresolved variables could name an earlier stage (`FROM runtime-$TARGETARCH`). */
export function mayNameStage(model: LintModel, stage: StageModel): boolean {
  if (!stage.dynamic) return false;
  const pattern = stage.baseText
    .split(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  const re = new RegExp(`^${pattern}$`, "i");
  return model.stages.some((s) => s.index < stage.index && s.stage.name !== "" && re.test(s.stage.name));
}
