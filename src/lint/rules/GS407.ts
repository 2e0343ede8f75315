/**
 * GS407: private keys, credentials or .env files copied into an image:
 * a COPY/ADD source that names one (`COPY id_rsa /root/.ssh/`, `COPY .env
 * .`, `ADD certs/server.key /etc/`), or a COPY/ADD of a folder (`COPY . .`)
 * whose files in the build context (when known) include one that
 * .dockerignore does not exclude. Anything copied stays in a layer even if a
 * later RUN deletes it.
 * Leaves out COPY --from (files of another stage), URLs, sources written
 * with variables, folders copied with --exclude, and file contents (names
 * only, facts/secret-files.ts).
 */
import type { AddInstruction, CopyInstruction } from "../../dockerfile/instructions/types.js";
import { defineRule } from "../rule.js";
import { secretFileKind } from "../facts/secret-files.js";

export default defineRule(
  {
    id: "GS407",
    title: "private key or credentials copied into the image",
    severity: "error",
    category: "security",
    hadolint: [],
    buildkit: [],
    fixable: false,
  },
  ({ model, report }) => {
    for (const stage of model.stages) {
      for (const ins of stage.stage.commands) {
        if ((ins.kind !== "COPY" && ins.kind !== "ADD") || (ins.kind === "COPY" && ins.from)) continue;
        const kw = ins.keyword.toUpperCase();
        for (const src of ins.sources) {
          if (/^[a-z][a-z0-9+.-]*:\/\//i.test(src) || src.startsWith("git@") || /\$/.test(src)) continue;
          const range = sourceRange(ins, src);
          const kind = secretFileKind(src);
          if (kind) {
            report({
              message: `${kw} ${src} puts ${kind} into an image layer, where it stays even if a later RUN deletes it: use RUN --mount=type=secret (or --mount=type=ssh for git) and add ${src} to .dockerignore`,
              range,
            });
            continue;
          }
          const found = secretsUnder(model.project.contextFiles(), src, ins.excludes);
          if (found.length > 0) {
            const shown = found.slice(0, 3).join(", ") + (found.length > 3 ? ` and ${found.length - 3} more` : "");
            report({
              message: `${kw} ${src} copies ${shown} from the build context into the image (.dockerignore does not exclude ${found.length === 1 ? "it" : "them"}): add ${found.length === 1 ? "it" : "them"} to .dockerignore`,
              range,
            });
          }
        }
      }
    }
  },
);

/** Secret-looking files of the context under the folder `src` names (nothing when `src` is a file or the context is unknown). */
function secretsUnder(entries: readonly { path: string; dir: boolean }[] | null, src: string, excludes: readonly string[]): string[] {
  // --exclude patterns are not evaluated here: stay quiet rather than guess
  if (!entries || excludes.length > 0) return [];
  const dir = src.replace(/^(\.\/)+/, "").replace(/\/+$/, "").replace(/^\.$/, "");
  if (/[*?[]/.test(dir)) return [];
  if (dir !== "" && !entries.some((e) => e.dir && e.path === dir)) return [];
  const prefix = dir === "" ? "" : dir + "/";
  const out: string[] = [];
  for (const e of entries) {
    if (!e.path.startsWith(prefix)) continue;
    if (e.dir ? e.path.endsWith("/.ssh") || e.path === ".ssh" : secretFileKind(e.path) !== null) {
      // a file inside an .ssh folder that is reported already
      if (out.some((o) => e.path.startsWith(o + "/"))) continue;
      out.push(e.path);
    }
  }
  return out;
}

function sourceRange(ins: CopyInstruction | AddInstruction, src: string) {
  return ins.node.args.find((a) => a.value === src || a.value === JSON.stringify(src))?.range ?? ins.range;
}
