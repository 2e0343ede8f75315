/**
 * GS201: module checksum verification turned off: GOSUMDB=off, GONOSUMDB or
 * GOPRIVATE matching every module (`*`), GOINSECURE, GOFLAGS=-insecure (or
 * `go get -insecure`), GONOSUMCHECK, set by ENV, ARG defaults, RUN-level
 * assignments or `go env -w`. The go command then accepts whatever a proxy
 * or a man in the middle serves: go.sum no longer protects the build.
 */
import { defineRule } from "../rule.js";
import { variableSettings, type VarSetting } from "../facts/go-env.js";
import { goInvocations } from "../facts/go-invocations.js";

export default defineRule(
  {
    id: "GS201",
    title: "module checksum verification disabled",
    severity: "error",
    category: "supply-chain",
    hadolint: [],
    buildkit: [],
    fixable: false,
  },
  ({ model, report }) => {
    for (const s of variableSettings(model)) {
      const why = problem(s);
      if (why) report({ message: why, range: s.range });
    }
    for (const inv of goInvocations(model)) {
      const f = inv.flags.find((x) => x.name === "insecure");
      if (f) report({ message: `\`go ${inv.subcommand} -insecure\` fetches modules over plain HTTP and skips checksum verification: drop -insecure and serve private modules over HTTPS`, range: f.range });
    }
  },
);

const LIST_ALL = (v: string): boolean => v.split(",").map((x) => x.trim()).some((x) => x === "*" || x === "*/*");

function problem(s: VarSetting): string | null {
  if (s.value === null || !s.known) return null;
  const v = s.value.trim();
  const where = s.origin === "RUN" ? "" : ` (${s.origin})`;
  switch (s.name) {
    case "GOSUMDB":
      return v === "off" ? `GOSUMDB=off${where} turns off checksum verification: modules are trusted as served; remove it and list private modules in GONOSUMDB or GOPRIVATE instead` : null;
    case "GONOSUMDB":
      return LIST_ALL(v) ? `GONOSUMDB=${v}${where} skips the checksum database for every module: list only your private module prefixes (e.g. GONOSUMDB=corp.example/*)` : null;
    case "GOPRIVATE":
      return LIST_ALL(v) ? `GOPRIVATE=${v}${where} marks every module private, which skips both the proxy and the checksum database: list only your private module prefixes` : null;
    case "GOINSECURE":
      return v !== "" ? `GOINSECURE=${v}${where} lets the go command fetch those modules over plain HTTP without checksum verification: serve them over HTTPS and drop GOINSECURE` : null;
    case "GONOSUMCHECK":
      return v !== "" && v !== "0" ? `GONOSUMCHECK=${v}${where} turns off checksum verification: remove it` : null;
    case "GOFLAGS":
      return /(^|\s)--?insecure(=true)?(\s|$)/.test(v) ? `GOFLAGS contains -insecure${where}: modules are fetched without TLS or checksum verification; remove the flag` : null;
    default:
      return null;
  }
}
