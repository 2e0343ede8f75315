/**
 * Repositories for the audit tests, made in a temp folder at test time (no
 * secret-shaped text is committed: the planted credentials are assembled
 * here from parts):
 * - good: a copy of examples/greeter;
 * - bad: a tiny Go service whose Dockerfile goship init generated and then
 *   was edited by hand (drift): final stage switched to USER root, a token in
 *   ENV, `RUN apt-get` in the final stage; no .dockerignore, and a .env with
 *   an AWS key in the context.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { initOptionsFrom, initProject, writeProject } from "../../src/generate/index.js";
import { DEFAULT_INIT_CONFIG } from "../../src/config/config.js";
import { ROOT } from "../support/paths.js";

export const GREETER = join(ROOT, "examples", "greeter");

/** A GitHub-token-shaped value (not a real token), built at run time. */
export const PLANTED_TOKEN = ["ghp", "_", "R7kQ2mZx9LwB4nTc8VfJ", "1yHs6DgP3aKe5uXo0WqN"].join("");
/** An AWS-access-key-shaped value (not a real key). */
export const PLANTED_AWS_KEY = ["AK", "IA", "Q3EGRX5VNB4T7ZKP"].join("");

export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function goodRepo(parent: string): string {
  const dir = join(parent, "good");
  cpSync(GREETER, dir, { recursive: true });
  return dir;
}

export function badRepo(parent: string): string {
  const dir = join(parent, "bad");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "go.mod"), "module example.com/badsvc\n\ngo 1.26\n");
  writeFileSync(join(dir, "main.go"), 'package main\n\nimport "net/http"\n\nfunc main() { _ = http.ListenAndServe(":8080", nil) }\n');
  const out = initProject({ dir, cwd: dir, options: initOptionsFrom(DEFAULT_INIT_CONFIG, {}, {}) });
  writeProject(out);
  rmSync(join(dir, ".dockerignore"));
  const df = readFileSync(join(dir, "Dockerfile"), "utf8");
  const lines = df.replace(/\n$/, "").split("\n");
  // Hand edits in the final stage: root user, a token in ENV, apt-get.
  const userAt = lines.findLastIndex((l) => /^USER /.test(l));
  if (userAt < 0) throw new Error("generated Dockerfile has no USER line:\n" + df);
  lines[userAt] = "USER root";
  lines.splice(userAt, 0, `ENV GITHUB_TOKEN=${PLANTED_TOKEN}`);
  writeFileSync(join(dir, "Dockerfile"), lines.join("\n") + "\n");
  writeFileSync(join(dir, ".env"), `AWS_ACCESS_KEY_ID=${PLANTED_AWS_KEY}\nDEBUG=1\n`);
  return dir;
}
