/**
 * GS406: world-writable permissions: `chmod 777`, `chmod -R 666`,
 * `chmod a+rwx`, `chmod o+w` in a RUN, or `--chmod=777` on COPY/ADD. Any
 * process in the container (and any user sharing a volume) can then replace
 * the binary or its config. Sticky-bit modes (`chmod 1777 /tmp`) are the
 * normal form for shared temp folders and are not reported; nor is `+w`
 * without a who (the umask keeps others out).
 * Leaves out chmod inside scripts and `sh -c "..."` strings, and modes
 * written with variables.
 */
import { defineRule } from "../rule.js";
import { runScripts } from "../facts/go-run-scripts.js";
import { commandIndex, WRAPPERS } from "../facts/shell-facts.js";

export default defineRule(
  {
    id: "GS406",
    title: "world-writable permissions",
    severity: "warning",
    category: "security",
    hadolint: [],
    buildkit: [],
    fixable: false,
  },
  ({ model, report }) => {
    for (const stage of model.stages) {
      for (const ins of stage.stage.commands) {
        if ((ins.kind === "COPY" || ins.kind === "ADD") && ins.chmod && worldWritable(ins.chmod)) {
          const flag = ins.flags.find((f) => f.name === "chmod");
          report({
            message: `${ins.keyword.toUpperCase()} --chmod=${ins.chmod} makes the files writable by every user in the container: use --chmod=755 for executables, 644 for other files`,
            range: flag?.range ?? ins.range,
          });
        }
        if (ins.kind !== "RUN") continue;
        for (const s of runScripts(model, ins)) {
          for (const call of s.calls) {
            const words = call.args;
            const i = commandIndex(words, WRAPPERS);
            if (!/^(.*\/)?chmod$/.test(words[i]?.literal ?? "")) continue;
            const mode = words.slice(i + 1).find((w) => w.literal !== null && !/^-[a-zA-Z]+$|^--/.test(w.literal));
            if (!mode || !worldWritable(mode.literal!)) continue;
            const target = words.slice(words.indexOf(mode) + 1).map((w) => w.raw).join(" ");
            report({
              message: `\`chmod ${mode.literal}${target ? ` ${target}` : ""}\` makes ${target || "the files"} writable by every user in the container, so any process can replace ${target ? "them" : "it"}: use 755 for executables and 644 for other files, and chown what the service must write`,
              range: s.range(words[i]!.start, mode.end),
            });
          }
        }
      }
    }
  },
);

/** True for modes that let "others" write: 777, 0666, a+rwx, o+w, a=rwx (not sticky 1777). */
function worldWritable(mode: string): boolean {
  if (/^[0-7]{3,4}$/.test(mode)) {
    const digits = mode.padStart(4, "0");
    const special = Number(digits[0]);
    const others = Number(digits[3]);
    return (others & 2) !== 0 && (special & 1) === 0;
  }
  return mode.split(",").some((clause) => {
    const m = /^([ugoa]*)([-+=])([rwxXst]*)$/.exec(clause);
    if (!m) return false;
    const [, who, op, perms] = m;
    return /[oa]/.test(who!) && op !== "-" && perms!.includes("w") && !perms!.includes("t");
  });
}
