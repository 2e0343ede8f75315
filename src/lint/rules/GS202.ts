/**
 * GS202: GOPROXY with nowhere to fall back to: a single proxy URL (no
 * `,direct` or second proxy) or GOPROXY=off, in effect for a go command that
 * downloads modules. One proxy outage, or one private module the proxy
 * cannot see, fails the build. Quiet for vendored builds (-mod=vendor).
 */
import { defineRule } from "../rule.js";
import { parseGoProxyList } from "../../gomod/index.js";
import { redact } from "../../secrets/redact.js";
import { variableSettings, type VarSetting } from "../facts/go-env.js";
import { downloadsModules, effectiveVar, goFlag, goInvocations } from "../facts/go-invocations.js";

export default defineRule(
  {
    id: "GS202",
    title: "goproxy without fallback",
    severity: "warning",
    category: "supply-chain",
    hadolint: [],
    buildkit: [],
    fixable: false,
  },
  ({ model, report }) => {
    if (model.project.exists("vendor/modules.txt") && model.project.ignore?.excludes("vendor/modules.txt") !== true) return;
    const reported = new Set<VarSetting>();
    const settings = variableSettings(model);
    for (const inv of goInvocations(model)) {
      if (!downloadsModules(inv)) continue;
      if (goFlag(model, inv, "mod")?.value === "vendor") continue;
      const ev = effectiveVar(model, inv, "GOPROXY");
      if (!ev || ev.value === null) continue;
      const setting = ev.setting ?? settings.find((s) => s.origin === "RUN" && s.instruction === inv.run && s.name === "GOPROXY");
      if (!setting || reported.has(setting)) continue;
      const why = problem(ev.value);
      if (!why) continue;
      reported.add(setting);
      report({ message: why, range: setting.range });
    }
  },
);

function problem(value: string): string | null {
  let entries;
  try {
    const list = parseGoProxyList(value);
    if (list.kind !== "list") return null;
    entries = list.entries;
  } catch {
    return null;
  }
  const shown = redact(value);
  if (entries[0]?.url === "off") return "GOPROXY=off forbids every module download, yet this stage downloads modules: set a proxy list ending in `,direct` or vendor the modules (-mod=vendor)";
  const real = entries.filter((e) => e.url !== "off");
  if (real.length === 1 && real[0]!.url !== "direct" && real[0]!.url !== "noproxy") {
    return `GOPROXY=${shown} names one proxy and no fallback: an outage or a module it cannot serve fails the build; append \`,direct\` (or a second proxy), e.g. GOPROXY=${shown.replace(/,off$/, "")},direct`;
  }
  return null;
}
