/**
 * Typed Dockerfile instructions, one interface per keyword (discriminated on
 * `kind`), after BuildKit's instructions/commands.go. Every instruction keeps
 * its node (arguments with ranges), its range, its text as BuildKit keeps it
 * (`original`) and as written in the file (`source`), so later passes never
 * re-parse. Values are as written: quotes and variables are expanded later.
 */
import type { Range } from "../../diagnostic/located-error.js";
import type { Node } from "../parser/node.js";
import type { Device } from "./run-device.js";
import type { Mount } from "./run-mount.js";
import type { NetworkMode } from "./run-network.js";
import type { SecurityMode } from "./run-security.js";

export interface InstructionFlag {
  readonly name: string;
  /** Undefined for a bare `--link`. */
  readonly value: string | undefined;
  readonly range: Range;
}

interface Base {
  /** The keyword as written. */
  readonly keyword: string;
  readonly range: Range;
  readonly startLine: number;
  readonly endLine: number;
  /** BuildKit's String(): the logical line, trimmed (continuations joined, heredoc bodies excluded). */
  readonly original: string;
  /** The file's text for lines startLine..endLine, joined with "\n". */
  readonly source: string;
  readonly comments: readonly string[];
  readonly flags: readonly InstructionFlag[];
  readonly node: Node;
}

export interface HeredocFile {
  readonly name: string;
  readonly data: string;
  readonly chomp: boolean;
  readonly expand: boolean;
  readonly fileDescriptor: number;
  readonly range: Range;
}

/** RUN, CMD, ENTRYPOINT: shell form (`command`) or exec form (`args`). */
interface CommandLine {
  /** True for the shell form (BuildKit's PrependShell). */
  readonly shell: boolean;
  /** Shell form: the command text. */
  readonly command?: string;
  /** Exec form: the arguments. */
  readonly args?: readonly string[];
  /** BuildKit's CmdLine: [command] or the exec arguments (null for `ENTRYPOINT []`). */
  readonly cmdLine: readonly string[] | null;
  readonly heredocs: readonly HeredocFile[];
}

export interface FromInstruction extends Base {
  readonly kind: "FROM";
  readonly image: string;
  /** Stage name, lower-cased as BuildKit stores it; "" when unnamed. */
  readonly stageName: string;
  readonly platform: string;
}

export interface RunMount {
  /** The --mount value as written. */
  readonly spec: string;
  readonly range: Range;
  /** The mount as BuildKit validates it on the literal text; undefined when that fails. */
  readonly mount?: Mount;
  /** BuildKit's message for the literal text (values with variables may still be valid once expanded). */
  readonly error?: string;
}

export interface RunInstruction extends Base, CommandLine {
  readonly kind: "RUN";
  readonly mounts: readonly RunMount[];
  readonly network: NetworkMode;
  readonly security: SecurityMode;
  readonly devices: readonly Device[];
  /** Names of the flags given, in order of first use. */
  readonly flagsUsed: readonly string[];
}

export interface CmdInstruction extends Base, CommandLine {
  readonly kind: "CMD";
}

export interface EntrypointInstruction extends Base, CommandLine {
  readonly kind: "ENTRYPOINT";
}

export interface ShellInstruction extends Base {
  readonly kind: "SHELL";
  readonly args: readonly string[];
}

export interface SourceContent {
  /** The heredoc delimiter, used as the file name. */
  readonly path: string;
  readonly data: string;
  readonly expand: boolean;
}

interface SourcesAndDest {
  /** Source paths (heredoc sources are in `contents`). */
  readonly sources: readonly string[];
  readonly contents: readonly SourceContent[];
  readonly dest: string;
  readonly chown: string;
  readonly chmod: string;
  readonly link: boolean;
  readonly excludes: readonly string[];
}

export interface CopyInstruction extends Base, SourcesAndDest {
  readonly kind: "COPY";
  /** --from: a stage name, a stage index or an image ("" when absent). */
  readonly from: string;
  readonly parents: boolean;
}

export interface AddInstruction extends Base, SourcesAndDest {
  readonly kind: "ADD";
  readonly keepGitDir?: boolean;
  readonly checksum: string;
  readonly unpack?: boolean;
}

export interface KeyValue {
  readonly key: string;
  readonly value: string;
  /** Legacy `ENV key value` form. */
  readonly noDelim: boolean;
}

export interface EnvInstruction extends Base {
  readonly kind: "ENV";
  readonly pairs: readonly KeyValue[];
}

export interface LabelInstruction extends Base {
  readonly kind: "LABEL";
  readonly pairs: readonly KeyValue[];
}

export interface ArgDefinition {
  readonly key: string;
  /** Undefined for `ARG name` without a default. */
  readonly value?: string;
  /** Text after `# <name> ` in the comment above, as BuildKit reads descriptions. */
  readonly docComment: string;
}

export interface ArgInstruction extends Base {
  readonly kind: "ARG";
  readonly args: readonly ArgDefinition[];
}

export interface ExposeInstruction extends Base {
  readonly kind: "EXPOSE";
  /** Sorted, as BuildKit stores them. */
  readonly ports: readonly string[];
}

export interface UserInstruction extends Base {
  readonly kind: "USER";
  readonly user: string;
}

export interface WorkdirInstruction extends Base {
  readonly kind: "WORKDIR";
  readonly path: string;
}

export interface VolumeInstruction extends Base {
  readonly kind: "VOLUME";
  readonly volumes: readonly string[];
}

export interface StopSignalInstruction extends Base {
  readonly kind: "STOPSIGNAL";
  readonly signal: string;
}

export interface MaintainerInstruction extends Base {
  readonly kind: "MAINTAINER";
  readonly maintainer: string;
}

export interface OnbuildInstruction extends Base {
  readonly kind: "ONBUILD";
  /** The trigger as BuildKit stores it: the text after ONBUILD, heredoc bodies appended. */
  readonly expression: string;
  /** The trigger parsed as an instruction, when BuildKit's rules accept it. */
  readonly trigger?: Instruction;
}

export interface HealthcheckInstruction extends Base {
  readonly kind: "HEALTHCHECK";
  /** ["NONE"], ["CMD", ...exec args] or ["CMD-SHELL", command]. */
  readonly test: readonly string[];
  /** Durations in nanoseconds (0: unset). */
  readonly interval: number;
  readonly timeout: number;
  readonly startPeriod: number;
  readonly startInterval: number;
  readonly retries: number;
}

export type Instruction =
  | FromInstruction
  | RunInstruction
  | CmdInstruction
  | EntrypointInstruction
  | ShellInstruction
  | CopyInstruction
  | AddInstruction
  | EnvInstruction
  | LabelInstruction
  | ArgInstruction
  | ExposeInstruction
  | UserInstruction
  | WorkdirInstruction
  | VolumeInstruction
  | StopSignalInstruction
  | MaintainerInstruction
  | OnbuildInstruction
  | HealthcheckInstruction;

export type InstructionKind = Instruction["kind"];

/** A build stage: its FROM and the instructions up to the next FROM. */
export interface Stage {
  readonly index: number;
  /** Lower-cased stage name; "" when unnamed. */
  readonly name: string;
  readonly baseName: string;
  readonly platform: string;
  readonly from: FromInstruction;
  readonly commands: readonly Instruction[];
  /** From the FROM line to the end of the stage's last instruction. */
  readonly range: Range;
  /** BuildKit's doc comment: text after `# <name> ` above the FROM. */
  readonly docComment: string;
}
