/**
 * GS601: a variable used where no ARG or ENV defines it (BuildKit's
 * UndefinedVar and UndefinedArgInFrom): it expands to an empty string, so
 * `COPY bin/$TARGETARCH/app` copies the wrong path and `ENV PATH=$GOPAHT/bin`
 * loses the Go tools. Scope rules are BuildKit's (see facts/var-scope.ts);
 * the most common case is a global ARG or a predefined arg like TARGETARCH
 * used inside a stage without `ARG NAME`.
 */
import { defineRule } from "../rule.js";
import { undefinedVariables, type UndefinedUse } from "../facts/var-scope.js";

export default defineRule(
  {
    id: "GS601",
    title: "undefined variable",
    severity: "warning",
    category: "semantics",
    hadolint: [],
    buildkit: ["UndefinedVar", "UndefinedArgInFrom"],
    fixable: false,
  },
  ({ model, report }) => {
    for (const u of undefinedVariables(model)) report({ message: message(u), range: u.range });
  },
);

function message(u: UndefinedUse): string {
  const did = u.suggestion ? ` (did you mean $${u.suggestion}?)` : "";
  if (u.inFrom) return `FROM uses $${u.name}, which no ARG before the first FROM declares; it expands to an empty string${did}: add \`ARG ${u.name}=<default>\` at the top of the file`;
  const kw = u.instruction.keyword.toUpperCase();
  switch (u.kind) {
    case "global-arg":
      return `${kw} uses $${u.name}, a global ARG that is not in scope inside a stage: it expands to an empty string; add \`ARG ${u.name}\` after this stage's FROM`;
    case "predefined":
      return `${kw} uses $${u.name}, a predefined build arg that is only in scope after \`ARG ${u.name}\` in the stage: it expands to an empty string here; add \`ARG ${u.name}\` after this stage's FROM`;
    default:
      return `${kw} uses undefined variable $${u.name}: it expands to an empty string${did}; declare it with ARG or ENV before this line`;
  }
}
