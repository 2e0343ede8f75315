/**
 * GS107: vendoring that does not match the Dockerfile: `-mod=vendor` (flag,
 * GOFLAGS in ENV/ARG/RUN) while vendor/ is excluded by .dockerignore, not in
 * the context, or never copied; vendor/modules.txt in the context while the
 * Dockerfile copies only go.mod/go.sum and runs `go mod download` (it
 * downloads what vendor/ already holds); `-mod=mod` in a build (lets the
 * build rewrite go.mod and go.sum instead of failing on drift).
 */
import { defineRule } from "../rule.js";
import type { LintModel, StageModel } from "../model/model.js";
import { copiesVendor, isModuleFilesCopy, isWholeSourceCopy } from "../facts/go-layers.js";
import { goFlag, goInvocations, type GoInvocation } from "../facts/go-invocations.js";

const BUILDS = new Set(["build", "install", "test", "run", "vet", "generate", "list"]);

export default defineRule(
  {
    id: "GS107",
    title: "vendoring mismatch",
    severity: "warning",
    category: "go-build",
    hadolint: [],
    buildkit: [],
    fixable: false,
  },
  ({ model, report }) => {
    const p = model.project;
    const vendorInContext = p.exists("vendor/modules.txt") && p.ignore?.excludes("vendor/modules.txt") !== true;
    const reportedSettings = new Set<string>();
    for (const inv of goInvocations(model)) {
      const mod = goFlag(model, inv, "mod");
      const where = mod?.from === "GOFLAGS" ? "GOFLAGS=-mod=" : "-mod=";
      if (mod?.value === "vendor" && BUILDS.has(inv.subcommand)) {
        const why = vendorProblem(model, inv);
        if (why) report({ message: `\`go ${inv.subcommand}\` uses ${where}vendor but ${why}: the build fails with "inconsistent vendoring"; copy vendor/ (and keep it out of .dockerignore) or drop -mod=vendor`, range: mod.range ?? inv.range });
      }
      if (mod?.value === "mod" && BUILDS.has(inv.subcommand)) {
        const key = `${inv.run.startLine}:${where}`;
        if (!reportedSettings.has(key)) {
          reportedSettings.add(key);
          report({ message: `\`go ${inv.subcommand}\` with ${where}mod may rewrite go.mod and go.sum during the image build instead of failing on drift: run \`go mod tidy\` in the repository and build with the default -mod=readonly`, range: mod.range ?? inv.range });
        }
      }
      if (inv.subcommand === "mod download" && vendorInContext && copiedOnlyModuleFiles(model, inv)) {
        report({ message: "the context has vendor/modules.txt, yet this stage copies only go.mod/go.sum and runs `go mod download`, fetching modules vendor/ already holds: copy vendor/ and build with -mod=vendor, or delete vendor/", range: inv.range });
      }
    }
  },
);

function vendorProblem(model: LintModel, inv: GoInvocation): string | null {
  const p = model.project;
  if (goInvocations(model).some((g) => g.subcommand === "mod vendor" && (g.stage === inv.stage || chainOf(model, inv.stage).includes(g.stage)) && g.run.startLine <= inv.run.startLine)) return null;
  if (p.contextDir !== null) {
    if (!p.exists("vendor/modules.txt")) return "the build context has no vendor/modules.txt";
    if (p.ignore?.excludes("vendor/modules.txt")) {
      const line = p.ignore.decidingLine("vendor/modules.txt");
      return `${p.ignore.file}${line ? ` line ${line}` : ""} excludes vendor/`;
    }
  }
  const chain = chainOf(model, inv.stage);
  const copied = chain.some((s) => s.stage.commands.some((c) => c.startLine < inv.run.startLine || s !== inv.stage ? copiesVendor(c) : false));
  const boundVendor = inv.run.mounts.some((m) => m.mount?.type === "bind" && (m.mount.source === "" || m.mount.source === "." || /vendor/.test(m.mount.source)));
  if (!copied && !boundVendor) return "no COPY brings vendor/ into this stage";
  return null;
}

function chainOf(model: LintModel, stage: StageModel): StageModel[] {
  const out: StageModel[] = [];
  for (let s: StageModel | undefined = stage; s && !out.includes(s); s = s.parent !== null ? model.stages[s.parent] : undefined) out.push(s);
  return out;
}

function copiedOnlyModuleFiles(model: LintModel, inv: GoInvocation): boolean {
  let mods = false;
  for (const s of chainOf(model, inv.stage).reverse()) {
    for (const c of s.stage.commands) {
      if (s === inv.stage && c.startLine >= inv.run.startLine) return mods;
      if (isWholeSourceCopy(c) || copiesVendor(c)) return false;
      if (isModuleFilesCopy(c)) mods = true;
    }
  }
  return mods;
}
