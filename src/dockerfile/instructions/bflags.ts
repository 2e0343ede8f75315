/**
 * BuildKit's BFlags (instructions/bflag.go): the `--name[=value]` flags an
 * instruction accepts, typed bool / string / repeatable string, and the errors
 * for unknown, repeated, valueless or non-boolean flags. A `--` word ends the
 * flags.
 */
import { SyntaxProblem } from "../parser/errors.js";
import { withSuggestion } from "./suggest.js";

type FlagType = "bool" | "string" | "strings";

export interface FlagValue {
  readonly type: FlagType;
  value: string;
  values: string[];
}

export class FlagSet {
  private readonly defs = new Map<string, FlagValue>();
  private readonly usedNames: string[] = [];

  constructor(private readonly args: readonly string[]) {}

  private add(name: string, type: FlagType, value: string): FlagValue {
    const f: FlagValue = { type, value, values: [] };
    this.defs.set(name, f);
    return f;
  }

  addBool(name: string, def: boolean): FlagValue {
    return this.add(name, "bool", def ? "true" : "false");
  }

  addString(name: string, def: string): FlagValue {
    return this.add(name, "string", def);
  }

  addStrings(name: string): FlagValue {
    return this.add(name, "strings", "");
  }

  /** Names of the flags given, in order of first use. */
  used(): readonly string[] {
    return this.usedNames;
  }

  isUsed(name: string): boolean {
    return this.usedNames.includes(name);
  }

  /** BFlags.Parse; throws SyntaxProblem with BuildKit's message. */
  parse(): void {
    for (let index = 0; index < this.args.length; index++) {
      const a = this.args[index] as string;
      if (a === "--") return;
      const at = { flag: index };
      if (!a.startsWith("--")) throw new SyntaxProblem(`arg should start with -- : ${a}`, at);
      const eq = a.indexOf("=");
      const flagName = eq < 0 ? a : a.slice(0, eq);
      const value = eq < 0 ? "" : a.slice(eq + 1);
      const hasValue = eq >= 0;
      const name = flagName.slice(2);
      const flag = this.defs.get(name);
      if (!flag) throw new SyntaxProblem(withSuggestion(`unknown flag: ${flagName}`, name, [...this.defs.keys()], true), at);
      if (this.usedNames.includes(name)) {
        if (flag.type !== "strings") throw new SyntaxProblem(`duplicate flag specified: ${flagName}`, at);
      } else this.usedNames.push(name);
      switch (flag.type) {
        case "bool": {
          if (hasValue && value === "") throw new SyntaxProblem(`missing a value on flag: ${flagName}`, at);
          const v = value.toLowerCase();
          if (v === "true" || v === "") flag.value = "true";
          else if (v === "false") flag.value = "false";
          else throw new SyntaxProblem(`expecting boolean value for flag ${flagName}, not: ${value}`, at);
          break;
        }
        case "string":
          if (!hasValue) throw new SyntaxProblem(`missing a value on flag: ${flagName}`, at);
          flag.value = value;
          break;
        case "strings":
          if (!hasValue) throw new SyntaxProblem(`missing a value on flag: ${flagName}`, at);
          flag.values.push(value);
          break;
      }
    }
  }
}
