// Minimal typings for mvdan-sh (a GopherJS build of mvdan/sh's syntax
// package), covering only what src/shell/parse.ts reads.
declare module "mvdan-sh" {
  export interface Pos {
    Offset(): number;
    Line(): number;
    Col(): number;
  }
  export interface Node {
    Pos(): Pos;
    End(): Pos;
    [key: string]: unknown;
  }
  export interface ParseError {
    Error(): string;
    Pos: Pos;
    Text: string;
    Incomplete: boolean;
  }
  export interface Parser {
    Parse(src: string, name: string): Node;
  }
  export type ParserOption = unknown;
  const sh: {
    syntax: {
      NewParser(...opts: ParserOption[]): Parser;
      Variant(lang: unknown): ParserOption;
      KeepComments(keep: boolean): ParserOption;
      LangBash: unknown;
      LangPOSIX: unknown;
      NodeType(node: Node): string;
      Walk(node: Node, visit: (node: Node | null) => boolean): void;
    };
  };
  export default sh;
}
