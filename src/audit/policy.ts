/**
 * The `policy:` section of .goship.yaml as gates of `goship audit`. Pure:
 * takes the Dockerfiles (text), the findings of every area, and the image
 * (summary, config, attachments) when one was given, and returns one
 * GateResult per configured key, named `policy.<key>`, plus the findings
 * of the failed gates (area "policy", rule `policy/<key>`, error). Keys not
 * set are not gates. Image-only gates (maxImageSize, requireSbom,
 * requireProvenance) pass as "not evaluated" without --image.
 * `escalate` applies policy.errorRules (their findings become errors).
 */
import type { PolicyConfig } from "../config/config.js";
import { parseDockerfile } from "../dockerfile/index.js";
import type { Finding } from "../finding/finding.js";
import { buildModel, type LintModel, type StageModel } from "../lint/model/model.js";
import { NO_PROJECT } from "../lint/model/project.js";
import { formatBytes } from "../context/tree.js";
import { parseImageRef } from "../oci/reference.js";
import type { Attachment } from "./image/load-image.js";
import type { AreaResult, GateResult, ImageSummary } from "./types.js";

export interface PolicyInput {
  readonly policy: PolicyConfig;
  readonly dockerfiles: readonly { readonly file: string; readonly source: string | null }[];
  readonly areas: readonly AreaResult[];
  readonly image?: {
    readonly summary: ImageSummary;
    readonly labels: Readonly<Record<string, string>>;
    /** null: the source cannot list attachments. */
    readonly attachments: readonly Attachment[] | null;
  };
}

export interface PolicyOutcome {
  readonly gates: GateResult[];
  readonly findings: Finding[];
}

const ROOT = /^(root|0)(:(root|0))?$/;

/** Findings of `errorRules` become errors. */
export function escalate(findings: readonly Finding[], errorRules: readonly string[]): Finding[] {
  if (errorRules.length === 0) return [...findings];
  const set = new Set(errorRules.map((r) => r.toUpperCase()));
  return findings.map((f) => (set.has(f.ruleId.toUpperCase()) && f.severity !== "error" ? { ...f, severity: "error" as const } : f));
}

function models(input: PolicyInput): LintModel[] {
  const out: LintModel[] = [];
  for (const d of input.dockerfiles) {
    if (d.source === null) continue;
    try {
      out.push(buildModel(d.file, d.source, parseDockerfile(d.source, { file: d.file }), NO_PROJECT));
    } catch {
      /* does not parse: the lint area reports it */
    }
  }
  return out;
}

/** `*` within a path segment, `**` across segments (as lint.allowedBaseImages). */
export function globMatch(pattern: string, name: string): boolean {
  const re = pattern
    .split("**")
    .map((part) => part.split("*").map((t) => t.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("[^/]*"))
    .join(".*");
  return new RegExp(`^${re}$`).test(name);
}

function normRegistry(r: string): string {
  return r === "index.docker.io" || r === "registry-1.docker.io" ? "docker.io" : r.toLowerCase();
}

/** The final stage and the stages it builds FROM. */
function finalChain(m: LintModel): StageModel[] {
  const out: StageModel[] = [];
  let s: StageModel | null = m.final;
  while (s) {
    out.push(s);
    s = s.parent !== null ? (m.stages[s.parent] ?? null) : null;
  }
  return out;
}

function unquote(s: string): string {
  return s.replace(/^(["'])(.*)\1$/, "$2");
}

interface Violation {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

export function evaluatePolicy(input: PolicyInput): PolicyOutcome {
  const p = input.policy;
  const gates: GateResult[] = [];
  const findings: Finding[] = [];
  const ms = models(input);
  const gate = (key: string, violations: readonly Violation[], passMessage: string): void => {
    const name = `policy.${key}`;
    if (violations.length === 0) {
      gates.push({ gate: name, passed: true, message: passMessage });
      return;
    }
    const shown = violations.slice(0, 3).map((v) => v.text).join("; ");
    const more = violations.length > 3 ? `; and ${violations.length - 3} more` : "";
    gates.push({ gate: name, passed: false, message: `${shown}${more}` });
    for (const v of violations) findings.push({ ruleId: `policy/${key}`, severity: "error", message: `gate ${name} failed: ${v.text}`, file: v.file, line: v.line, column: 0 });
  };
  const img = input.image;
  const imgFile = img ? `${img.summary.ref} (config)` : "";

  if (p.errorRules.length > 0) {
    const set = new Set(p.errorRules.map((r) => r.toUpperCase()));
    const v: Violation[] = [];
    for (const a of input.areas) for (const f of a.findings) if (set.has(f.ruleId.toUpperCase())) v.push({ file: f.file, line: f.line, text: `${f.ruleId} at ${f.file}${f.line ? `:${f.line}` : ""}: ${f.message}` });
    gate("errorRules", v, `no finding of ${p.errorRules.join(", ")}`);
  }

  const bases = ms.flatMap((m) => m.stages.filter((s) => s.parent === null && s.ref !== null && !s.dynamic).map((s) => ({ file: m.file, line: s.stage.from.range.start.line, ref: s.ref! })));
  const imageRef = img ? parseImageRef(img.summary.ref) : null;
  if (p.allowedRegistries.length > 0) {
    const ok = (r: string): boolean => p.allowedRegistries.some((a) => normRegistry(a) === normRegistry(r));
    const v: Violation[] = bases.filter((b) => !ok(b.ref.registry)).map((b) => ({ file: b.file, line: b.line, text: `${b.file}:${b.line}: FROM ${b.ref.familiar} comes from ${b.ref.registry}, not one of ${p.allowedRegistries.join(", ")}` }));
    if (imageRef && !ok(imageRef.registry)) v.push({ file: imgFile, line: 0, text: `--image ${img!.summary.ref} is on ${imageRef.registry}, not one of ${p.allowedRegistries.join(", ")}` });
    gate("allowedRegistries", v, `${bases.length} base image${bases.length === 1 ? "" : "s"} from allowed registries`);
  }
  if (p.allowedImages.length > 0) {
    const v: Violation[] = bases
      .filter((b) => !p.allowedImages.some((a) => globMatch(a, b.ref.familiar) || globMatch(a, `${b.ref.registry}/${b.ref.path}`)))
      .map((b) => ({ file: b.file, line: b.line, text: `${b.file}:${b.line}: FROM ${b.ref.familiar} is not in ${p.allowedImages.join(", ")}` }));
    gate("allowedImages", v, `${bases.length} base image${bases.length === 1 ? "" : "s"} allowed`);
  }
  if (p.forbiddenInstructions.length > 0) {
    const rules = p.forbiddenInstructions.map((e) => {
      const sp = e.indexOf(" ");
      const keyword = (sp < 0 ? e : e.slice(0, sp)).toUpperCase();
      const text = sp < 0 ? "" : e.slice(sp + 1).trim();
      const re = text ? new RegExp(`(^|[^A-Za-z0-9_.-])${text.replace(/[.+?^${}()|[\]\\*]/g, "\\$&")}($|[^A-Za-z0-9_-])`, "i") : null;
      return { entry: e, keyword, re };
    });
    const v: Violation[] = [];
    for (const m of ms) {
      if (!m.final) continue;
      for (const c of m.final.stage.commands) {
        const args = c.original.replace(/^\s*\S+\s*/, "");
        const hit = rules.find((r) => r.keyword === c.kind && (r.re === null || r.re.test(args)));
        if (hit) v.push({ file: m.file, line: c.range.start.line, text: `${m.file}:${c.range.start.line}: \`${hit.entry}\` in the final stage` });
      }
    }
    gate("forbiddenInstructions", v, `no ${p.forbiddenInstructions.join(", ")} in final stages`);
  }
  if (p.requiredLabels.length > 0) {
    const v: Violation[] = [];
    for (const m of ms) {
      if (!m.final) continue;
      const keys = new Set<string>();
      for (const s of finalChain(m)) for (const c of s.stage.commands) if (c.kind === "LABEL") for (const kv of c.pairs) keys.add(unquote(kv.key));
      const missing = p.requiredLabels.filter((l) => !keys.has(l));
      if (missing.length > 0) v.push({ file: m.file, line: m.final.stage.from.range.start.line, text: `${m.file}: the final stage sets no LABEL ${missing.join(", ")}` });
    }
    if (img) {
      const missing = p.requiredLabels.filter((l) => !(l in img.labels));
      if (missing.length > 0) v.push({ file: imgFile, line: 0, text: `--image ${img.summary.ref} has no label ${missing.join(", ")}` });
    }
    gate("requiredLabels", v, `labels ${p.requiredLabels.join(", ")} set`);
  }
  if (p.maxImageSize !== null) {
    if (!img) gates.push({ gate: "policy.maxImageSize", passed: true, message: "not evaluated: no --image" });
    else {
      const over = img.summary.size > p.maxImageSize;
      gate(
        "maxImageSize",
        over ? [{ file: imgFile, line: 0, text: `--image ${img.summary.ref} is ${formatBytes(img.summary.size)} (${img.summary.size} bytes), over ${formatBytes(p.maxImageSize)}` }] : [],
        `${formatBytes(img.summary.size)} ≤ ${formatBytes(p.maxImageSize)}`,
      );
    }
  }
  if (p.requireNonRoot) {
    const v: Violation[] = [];
    for (const m of ms) {
      const f = m.final;
      if (!f) continue;
      const users = f.stage.commands.filter((c) => c.kind === "USER");
      const last = users[users.length - 1];
      const user = last && last.kind === "USER" ? last.user.trim() : f.user;
      const nonRoot = user !== null ? !ROOT.test(user) : f.base.nonRootByDefault;
      if (!nonRoot) v.push({ file: m.file, line: last?.range.start.line ?? f.stage.from.range.start.line, text: `${m.file}: the final stage runs as ${user ?? "root (no USER)"}` });
    }
    if (img && (img.summary.user === "" || ROOT.test(img.summary.user))) v.push({ file: imgFile, line: 0, text: `--image ${img.summary.ref} runs as ${img.summary.user || "root (no User in its config)"}` });
    gate("requireNonRoot", v, "final stages run as a non-root user");
  }
  const attachmentGate = (key: string, what: string, match: RegExp): void => {
    if (!img) {
      gates.push({ gate: `policy.${key}`, passed: true, message: "not evaluated: no --image" });
      return;
    }
    if (img.attachments === null) {
      gate(key, [{ file: imgFile, line: 0, text: `cannot tell whether ${img.summary.ref} has ${what}: the registry lists no referrers` }], "");
      return;
    }
    const found = img.attachments.find((a) => match.test(a.artifactType));
    gate(key, found ? [] : [{ file: imgFile, line: 0, text: `--image ${img.summary.ref} has no ${what} attached (${img.attachments.length} referrer${img.attachments.length === 1 ? "" : "s"})` }], found ? `${what} attached: ${found.artifactType} ${found.digest}` : "");
  };
  if (p.requireSbom) attachmentGate("requireSbom", "SBOM", /spdx|cyclonedx|sbom/i);
  if (p.requireProvenance) attachmentGate("requireProvenance", "provenance attestation", /in-toto|intoto|provenance|slsa/i);
  return { gates, findings };
}
