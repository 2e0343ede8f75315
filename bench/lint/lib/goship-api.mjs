/**
 * goship's library, loaded from the compiled dist/ when it is there: the in-process lint entry
 * (`lintText(source, { file, project })`), the project-facts reader (`gatherProject(path)`) and
 * the rule list (`RULES`, each with `meta.id/title/hadolint/buildkit`). Each piece is looked
 * up in a few candidate modules, so the bench keeps working while the lint layout settles;
 * a missing piece is reported as null with the reason, never thrown.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT } from "./paths.mjs";

const DIST = join(ROOT, "dist", "src");

async function findExport(name, candidates) {
  const tried = [];
  for (const rel of candidates) {
    const file = join(DIST, rel);
    tried.push(`dist/src/${rel}`);
    if (!existsSync(file)) continue;
    try {
      const mod = await import(pathToFileURL(file).href);
      if (mod[name] !== undefined) return { value: mod[name], from: `dist/src/${rel}`, reason: "" };
    } catch (e) {
      return { value: null, from: `dist/src/${rel}`, reason: `import failed: ${e.message.split("\n")[0]}` };
    }
  }
  return { value: null, from: "", reason: `no ${name} export in ${tried.join(", ")}` };
}

export async function loadLintText() {
  const r = await findExport("lintText", ["lint/index.js", "lint/engine.js", "index.js"]);
  return typeof r.value === "function" ? r : { ...r, value: null };
}

export async function loadGatherProject() {
  const r = await findExport("gatherProject", ["lint/index.js", "lint/model/gather.js", "index.js"]);
  return typeof r.value === "function" ? r : { ...r, value: null };
}

export async function loadRules() {
  const r = await findExport("RULES", ["lint/rules/index.js", "lint/index.js", "index.js"]);
  return Array.isArray(r.value) ? r : { ...r, value: null };
}
