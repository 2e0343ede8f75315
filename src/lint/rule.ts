/**
 * The contract of a lint rule (typescript-eslint's createRule and tally's
 * RuleMetadata, in small): metadata, and a `check` that reads the frozen
 * semantic model and reports findings through `report`. Rules never parse,
 * never touch the disk, and never apply fixes; they return text edits.
 */
import type { LintConfig } from "../config/config.js";
import type { Range } from "../diagnostic/located-error.js";
import type { Fix, Severity } from "../finding/finding.js";
import type { LintModel } from "./model/model.js";

export type Category = "go-build" | "supply-chain" | "masked-failure" | "security" | "context" | "semantics";

export interface RuleMeta {
  /** GSnnn; equals the file name of the rule module. */
  readonly id: string;
  /** Short title, lower case, no final period. */
  readonly title: string;
  readonly severity: Severity;
  readonly category: Category;
  /** hadolint codes this rule covers (so `# hadolint ignore=` and `lint.ignore` honour them). */
  readonly hadolint: readonly string[];
  /** BuildKit check names this rule corresponds to. */
  readonly buildkit: readonly string[];
  readonly fixable: boolean;
}

export interface Report {
  readonly message: string;
  /** Where: a range in the Dockerfile; omitted means the whole file (line 0). */
  readonly range?: Range;
  /** Override the rule's default severity for this one finding (e.g. a weaker case). */
  readonly severity?: Severity;
  readonly fix?: Fix;
}

export interface RuleContext {
  readonly model: LintModel;
  /** The lint configuration in force (trusted registries, thresholds...). */
  readonly config: LintConfig;
  /** IDs of the rules in this run (for rules about pragmas). */
  readonly ruleIds: ReadonlySet<string>;
  /** hadolint codes some rule in this run covers. */
  readonly hadolintCodes: ReadonlySet<string>;
  report(r: Report): void;
}

export interface Rule {
  readonly meta: RuleMeta;
  check(ctx: RuleContext): void;
}

/** Declares a rule; a typed identity function so rule files read alike. */
export function defineRule(meta: RuleMeta, check: (ctx: RuleContext) => void): Rule {
  return Object.freeze({ meta: Object.freeze(meta), check });
}
