/**
 * goship's Dockerfile front end, faithful to BuildKit v0.34.2
 * (frontend/dockerfile/parser + instructions): `parseDockerfile` turns text
 * into the syntax tree, typed instructions, stages and meta ARGs, with
 * BuildKit's warnings, or throws a DockerfileError (a LocatedError) carrying
 * BuildKit's message for every input BuildKit rejects.
 *
 * Leaves out: variable expansion (src/dockerfile/expand*) and BuildKit's
 * build-time checks (dockerfile2llb) other than RUN --mount validation, which
 * is reported per mount.
 */
import type { Range } from "../diagnostic/located-error.js";
import { DockerfileError, SyntaxProblem } from "./parser/errors.js";
import { detectSyntax, findDirective, type DirectiveLine, type FoundDirective } from "./parser/directives.js";
import type { Node, ParseWarning } from "./parser/node.js";
import { parseAst } from "./parser/parse.js";
import { wellFormed } from "../golang/utf8.js";
import { parseInstruction } from "./instructions/parse-instruction.js";
import { NoStageError, StageBuilder } from "./instructions/stages.js";
import type { ArgInstruction, Instruction, Stage } from "./instructions/types.js";

export type * from "./instructions/types.js";
export type { Position, Range } from "../diagnostic/located-error.js";
export type { Heredoc, Node, NodeArg, FlagArg, ParseWarning } from "./parser/node.js";
export type { DirectiveLine, DirectiveName, FoundDirective } from "./parser/directives.js";
export type { Mount, MountType, MountSharing } from "./instructions/run-mount.js";
export type { Device } from "./instructions/run-device.js";
export type { NetworkMode } from "./instructions/run-network.js";
export type { SecurityMode } from "./instructions/run-security.js";
export type { FromReference, CopyFromReference } from "./instructions/stages.js";
export { DockerfileError } from "./parser/errors.js";
export { detectSyntax, findDirective } from "./parser/directives.js";
export { parseMount } from "./instructions/run-mount.js";
export { findStage, resolveFrom, fromReferences } from "./instructions/stages.js";
export { closestOptions } from "./instructions/suggest.js";

export interface Dockerfile {
  readonly file: string;
  readonly escapeToken: "\\" | "`";
  /** The directive lines the parser consumed (syntax, escape, check), in order. */
  readonly directives: readonly DirectiveLine[];
  /** BuildKit's DetectSyntax (also `// syntax=` and a `#!` first line). */
  readonly syntax?: FoundDirective;
  /** BuildKit's ParseDirective("check"). */
  readonly check?: FoundDirective;
  readonly ast: readonly Node[];
  /** Every instruction in file order, FROMs and meta ARGs included. */
  readonly instructions: readonly Instruction[];
  readonly stages: readonly Stage[];
  /** ARGs before the first FROM. */
  readonly metaArgs: readonly ArgInstruction[];
  readonly warnings: readonly ParseWarning[];
  /** The file's physical lines (BOM removed, no line endings). */
  readonly lines: readonly string[];
}

export interface ParseOptions {
  /** File name for error messages and findings. */
  readonly file?: string;
}

/** Parses a Dockerfile as BuildKit does; throws DockerfileError where BuildKit rejects it. */
export function parseDockerfile(input: string, opts: ParseOptions = {}): Dockerfile {
  const file = opts.file ?? "";
  const text = wellFormed(input);
  const ast = parseAst(text, file);
  const instructions: Instruction[] = [];
  const builder = new StageBuilder();
  for (const node of ast.nodes) {
    let ins: Instruction;
    try {
      ins = parseInstruction(node, ast);
    } catch (e) {
      if (e instanceof SyntaxProblem) {
        const message = `dockerfile parse error on line ${node.startLine}: ${e.message}`;
        throw new DockerfileError(message, file, errorRange(node, e), node.startLine, e.message);
      }
      throw e;
    }
    try {
      builder.add(ins);
    } catch (e) {
      if (e instanceof NoStageError) throw new DockerfileError(e.message, file, errorRange(node), node.startLine);
      throw e;
    }
    instructions.push(ins);
  }
  const { stages, metaArgs } = builder.result();
  const syntax = detectSyntax(text);
  const check = findDirective("check", text);
  return {
    file,
    escapeToken: ast.escapeToken,
    directives: ast.directives,
    ...(syntax ? { syntax } : {}),
    ...(check ? { check } : {}),
    ast: ast.nodes,
    instructions,
    stages,
    metaArgs,
    warnings: ast.warnings,
    lines: ast.lines,
  };
}

function errorRange(node: Node, problem?: SyntaxProblem): Range {
  const flag = problem?.at?.flag;
  if (flag !== undefined && node.flags[flag]) return node.flags[flag].range;
  const arg = problem?.at?.arg;
  const a = arg === undefined ? undefined : node.args[arg];
  if (a?.range) return a.range;
  return { start: node.keywordRange.start, end: node.range.end };
}
