/** RUN --network (instructions/commands_runnetwork.go): default, none or host. */
import { SyntaxProblem } from "../parser/errors.js";
import { goQuote } from "../../golang/strconv-quote.js";

export type NetworkMode = "default" | "none" | "host";

const ALLOWED: ReadonlySet<string> = new Set(["default", "none", "host"]);

export function checkNetwork(value: string): NetworkMode {
  if (!ALLOWED.has(value)) throw new SyntaxProblem(`invalid network mode ${goQuote(value)}`);
  return value as NetworkMode;
}
