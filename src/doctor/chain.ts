/**
 * Causal chaining of doctor findings: a network, auth, integrity, image,
 * resource, toolchain or package-manager failure is a root cause; a later
 * module-level or compile failure (module not found, GOPROXY=off, missing
 * go.sum entry, compile error) and every silent-failure finding (GD2xx)
 * are its consequences. The output lists each root, then its consequences,
 * then independent findings, all by first evidence line. A root in the same
 * step as a symptom explains it even when printed after it (git's auth error
 * follows go's `invalid version`). A root that
 * recurs in a later step (the same DNS failure again) is a consequence of its
 * first occurrence. Leaves out proving
 * causality: the rule is "earlier root explains later symptom".
 */
import type { DoctorFinding } from "./types.js";

const ROOT = /^GD1(?:0[1-5]|0[89]|1[1-7]|19)$/;
const SYMPTOM = /^GD(?:10[67]|110|114|118|2\d\d)$/;

function first(f: DoctorFinding): number {
  return f.evidence.reduce((m, e) => Math.min(m, e.line), Number.MAX_SAFE_INTEGER);
}

export function chainFindings(findings: readonly DoctorFinding[]): DoctorFinding[] {
  const sorted = [...findings].sort((a, b) => first(a) - first(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const roots = sorted.filter((f) => f.severity === "error" && ROOT.test(f.id));
  const rootOf = new Map<DoctorFinding, DoctorFinding>();
  for (const f of sorted) {
    if (roots.includes(f)) {
      // The same root cause again in a later step follows from its first occurrence.
      const earlier = roots.find((r) => r.id === f.id && r !== f && first(r) < first(f) && !rootOf.has(r));
      if (earlier !== undefined) rootOf.set(f, earlier);
      continue;
    }
    if (!SYMPTOM.test(f.id)) continue;
    // GD2xx follow from the earliest root; symptoms from the latest root before them.
    const candidates = roots.filter((r) => r !== f && !rootOf.has(r) && (first(r) <= first(f) || (r.step !== undefined && r.step.key === f.step?.key)));
    const root = f.id.startsWith("GD2") ? (candidates[0] ?? roots.find((r) => !rootOf.has(r))) : candidates.at(-1);
    if (root !== undefined) rootOf.set(f, root);
  }
  const out: DoctorFinding[] = [];
  for (const f of sorted) {
    if (rootOf.has(f)) continue;
    out.push(f);
    for (const g of sorted) if (rootOf.get(g) === f) out.push({ ...g, causedBy: f.id });
  }
  return out;
}
