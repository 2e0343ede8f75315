/** RUN --security (instructions/commands_runsecurity.go): sandbox or insecure. */
import { SyntaxProblem } from "../parser/errors.js";
import { goQuote } from "../../golang/strconv-quote.js";

export type SecurityMode = "sandbox" | "insecure";

export function checkSecurity(value: string): SecurityMode {
  if (value !== "sandbox" && value !== "insecure") throw new SyntaxProblem(`security ${goQuote(value)} is not valid`);
  return value;
}
