/** The pure parts of the audit: scoring, top fixes, the treemap cut, escalation, policy gates on Dockerfile text, redaction. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Finding } from "../finding/finding.js";
import { sizeTree } from "../context/tree.js";
import type { ContextEntry } from "../context/walk.js";
import { DEFAULT_POLICY_CONFIG } from "../config/config.js";
import { cutTree } from "./context-summary.js";
import { escalate, evaluatePolicy, globMatch } from "./policy.js";
import { redactReport } from "./redact-report.js";
import { areaScore, overallScore, ranArea, skippedArea, topFixes } from "./score.js";
import type { AuditReport, ContextNode } from "./types.js";

const f = (ruleId: string, severity: Finding["severity"], file = "Dockerfile", line = 1): Finding => ({ ruleId, severity, message: `${ruleId} here`, file, line, column: 1 });

test("area score: 100 - 25/error - 8/warning - 2/info, floored at 0; overall = mean of areas that ran", () => {
  assert.equal(areaScore([]), 100);
  assert.equal(areaScore([f("A", "error"), f("B", "warning"), f("C", "info")]), 65);
  assert.equal(areaScore(Array.from({ length: 5 }, () => f("A", "error"))), 0);
  const areas = [ranArea("lint", [f("A", "error")], "x"), ranArea("context", [], "y"), skippedArea("doctor", "s", "n")];
  assert.equal(overallScore(areas), 88);
  assert.equal(overallScore([skippedArea("doctor", "s", "n")]), 100);
  assert.equal(areas[0]!.status, "findings");
  assert.equal(ranArea("lint", [f("A", "info")], "x").status, "ok");
});

test("top fixes: errors first, secrets before other errors, one line per rule and file, an action each", () => {
  const areas = [
    ranArea("lint", [f("GS204", "info"), f("GS401", "warning"), f("GS301", "error", "Dockerfile", 3), f("GS301", "error", "Dockerfile", 9)], ""),
    ranArea("context", [f("secrets/aws-access-key-id", "error", ".env")], ""),
  ];
  const tops = topFixes(areas, new Map([["GS301", "failure masked with || true / || echo"]]));
  assert.deepEqual(tops.map((t) => `${t.severity} ${t.ruleId}`), ["error secrets/aws-access-key-id", "error GS301", "warning GS401", "info GS204"]);
  assert.equal(tops[1]!.line, 3);
  assert.equal(tops[2]!.action, "Add `USER 65532:65532` (or another non-root UID) to the final stage.");
  assert.match(tops[3]!.action, /goship lint --explain GS204/);
});

function entries(spec: Record<string, number>): ContextEntry[] {
  const out: ContextEntry[] = [];
  const dirs = new Set<string>();
  for (const [p, size] of Object.entries(spec)) {
    const parts = p.split("/");
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
    out.push({ path: p, size, dir: false, symlink: false, type: "file" } as unknown as ContextEntry);
  }
  for (const d of dirs) out.push({ path: d, size: 0, dir: true, symlink: false, type: "dir" } as unknown as ContextEntry);
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

function count(n: ContextNode): number {
  return 1 + (n.children ?? []).reduce((s, c) => s + count(c), 0);
}

test("treemap cut: largest children kept, the rest summed into (other), sizes preserved, node budget held", () => {
  const spec: Record<string, number> = { "main.go": 100 };
  for (let i = 0; i < 30; i++) spec[`vendor/m${i}/x.go`] = 1000 + i;
  const root = sizeTree(entries(spec));
  const cut = cutTree(root, { depth: 3, width: 5, maxNodes: 12 });
  assert.equal(cut.bytes, 100 + 30 * 1000 + (29 * 30) / 2);
  const vendor = cut.children!.find((c) => c.name === "vendor")!;
  assert.equal(vendor.children!.reduce((s, c) => s + c.bytes, 0), vendor.bytes);
  assert.ok(vendor.children!.some((c) => c.name.startsWith("(other")));
  assert.equal(vendor.children![0]!.name, "m29");
  assert.ok(count(cut) <= 12, String(count(cut)));
  const full = cutTree(root, { depth: 9, width: 100, maxNodes: 1000 });
  assert.equal(count(full), 1 + 1 + 1 + 30 * 2);
});

test("escalate raises only the named rules to error", () => {
  const out = escalate([f("GS204", "info"), f("GS401", "warning")], ["gs204"]);
  assert.deepEqual(out.map((x) => x.severity), ["error", "warning"]);
});

test("policy gates on Dockerfile text: registries, images, forbidden instructions, labels, non-root", () => {
  const df = [
    "FROM golang:1.26 AS build",
    "RUN apt-get update",
    "FROM quay.io/org/base:1 AS mid",
    'LABEL "org.opencontainers.image.source"="x"',
    "FROM mid",
    "RUN   apt-get install -y curl",
    "RUN echo not-apt-getter",
    "USER app",
    "",
  ].join("\n");
  const out = evaluatePolicy({
    policy: { ...DEFAULT_POLICY_CONFIG, allowedRegistries: ["docker.io"], allowedImages: ["golang", "quay.io/org/*"], forbiddenInstructions: ["RUN apt-get"], requiredLabels: ["org.opencontainers.image.source", "team"], requireNonRoot: true },
    dockerfiles: [{ file: "Dockerfile", source: df }],
    areas: [],
  });
  const g = Object.fromEntries(out.gates.map((x) => [x.gate, x]));
  assert.equal(g["policy.allowedRegistries"]!.passed, false);
  assert.match(g["policy.allowedRegistries"]!.message, /^Dockerfile:3: FROM quay\.io\/org\/base comes from quay\.io/);
  assert.equal(g["policy.allowedImages"]!.passed, true);
  // Only the final stage's apt-get (line 6), not the build stage's, not "not-apt-getter".
  assert.deepEqual(out.findings.filter((x) => x.ruleId === "policy/forbiddenInstructions").map((x) => x.line), [6]);
  // The label set in the stage the final one builds on counts.
  assert.match(g["policy.requiredLabels"]!.message, /no LABEL team$/);
  assert.equal(g["policy.requireNonRoot"]!.passed, true);
  assert.ok(globMatch("gcr.io/distroless/*", "gcr.io/distroless/static") && !globMatch("gcr.io/distroless/*", "gcr.io/distroless/a/b"));
});

test("redactReport masks credentials in every string of the report", () => {
  const secret = ["ghp", "_", "abcdefghijklmnopqrstuvwxyz0123456789"].join("");
  const r = { root: ".", areas: [{ area: "lint", findings: [{ message: `token ${secret}` }], note: `GITHUB_TOKEN=${secret}` }], gates: [{ gate: "g", passed: false, message: `x ${secret}` }] } as unknown as AuditReport;
  const out = JSON.stringify(redactReport(r));
  assert.ok(!out.includes(secret));
  assert.match(out, /ghp_\*\*\*\*/);
});

test("redactReport keeps goship's generated files byte for byte unless they hold a credential", () => {
  const prose = "# bearerAuth: HTTP bearer authentication (Authorization: Bearer <token>)\nFROM scratch\n";
  const secret = ["ghp", "_", "abcdefghijklmnopqrstuvwxyz0123456789"].join("");
  const r = { root: ".", areas: [], gates: [], generated: [{ path: "Dockerfile", content: prose }, { path: "x", content: `ENV T=${secret}\n` }] } as unknown as AuditReport;
  const out = redactReport(r);
  assert.equal(out.generated![0]!.content, prose);
  assert.ok(!out.generated![1]!.content.includes(secret));
});

test("image gates: size, non-root, SBOM and provenance from the attachments; not evaluated without an image", () => {
  const policy = { ...DEFAULT_POLICY_CONFIG, maxImageSize: 1000, requireNonRoot: true, requireSbom: true, requireProvenance: true };
  const summary = { ref: "r/app:1", digest: "sha256:00", platform: "linux/amd64", size: 999, user: "65532", layers: [] };
  const gates = (attachments: { digest: string; artifactType: string }[] | null, size = 999): Record<string, boolean> =>
    Object.fromEntries(evaluatePolicy({ policy, dockerfiles: [], areas: [], image: { summary: { ...summary, size }, labels: {}, attachments } }).gates.map((g) => [g.gate, g.passed]));
  assert.deepEqual(gates([{ digest: "sha256:a", artifactType: "application/spdx+json" }, { digest: "sha256:b", artifactType: "application/vnd.in-toto+json" }]), {
    "policy.maxImageSize": true,
    "policy.requireNonRoot": true,
    "policy.requireSbom": true,
    "policy.requireProvenance": true,
  });
  assert.deepEqual(gates([{ digest: "sha256:a", artifactType: "application/vnd.cyclonedx+json" }], 1001), {
    "policy.maxImageSize": false,
    "policy.requireNonRoot": true,
    "policy.requireSbom": true,
    "policy.requireProvenance": false,
  });
  assert.equal(gates(null)["policy.requireSbom"], false);
  const none = evaluatePolicy({ policy, dockerfiles: [], areas: [] }).gates;
  assert.ok(none.filter((g) => g.gate !== "policy.requireNonRoot").every((g) => g.passed && g.message === "not evaluated: no --image"));
});
