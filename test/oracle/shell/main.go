// Command oracle-shell answers goship's differential tests of its shell
// parser (src/shell) with mvdan.cc/sh/v3/syntax, the parser shfmt uses,
// in its Bash variant.
//
// Handler (one JSON request per line, see internal/jsonl):
//
//	parse  {"src"} -> {"error":false,"stmts":[...]} | {"error":true,"message"}
//
// The answer is goship's own view of the script (src/shell/ast.ts), built
// from mvdan's AST the way the previous goship adapter did: DeclClause is a
// call whose first word is the variant; if/while/for/case/subshell/block/
// function/time/coproc are compounds holding their body statements;
// [[ ]], (( )) and let are compounds with empty bodies. Offsets are UTF-16
// code unit indices into the script (what JavaScript strings index), not
// bytes.
package main

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"goship.test/oracle/internal/jsonl"
	"mvdan.cc/sh/v3/syntax"
)

type request struct {
	Src string `json:"src"`
}

// word is [start, end, literal-or-null].
type word [3]any

type cmd struct {
	Type    string      `json:"type"`
	Op      string      `json:"op,omitempty"`
	Kind    string      `json:"kind,omitempty"`
	Left    *cmd        `json:"left,omitempty"`
	Right   *cmd        `json:"right,omitempty"`
	Body    []stmt      `json:"body,omitempty"`
	Assigns [][2]string `json:"assigns,omitempty"`
	Words   []word      `json:"words,omitempty"`
	Start   int         `json:"start"`
	End     int         `json:"end"`
}

type stmt struct {
	Cmd    *cmd     `json:"cmd"`
	Neg    bool     `json:"neg"`
	Bg     bool     `json:"bg"`
	Redirs []string `json:"redirs"`
	Start  int      `json:"start"`
	End    int      `json:"end"`
}

type answer struct {
	Error   bool   `json:"error"`
	Panic   bool   `json:"panic,omitempty"`
	Message string `json:"message,omitempty"`
	Stmts   []stmt `json:"stmts,omitempty"`
}

type conv struct {
	src   string
	utf16 []int // byte offset -> UTF-16 index
}

func newConv(src string) *conv {
	c := &conv{src: src, utf16: make([]int, len(src)+1)}
	u := 0
	for i := 0; i < len(src); {
		r, w := utf8.DecodeRuneInString(src[i:])
		for k := 0; k < w; k++ {
			c.utf16[i+k] = u
		}
		if r >= 0x10000 {
			u += 2
		} else {
			u++
		}
		i += w
	}
	c.utf16[len(src)] = u
	return c
}

func (c *conv) off(p syntax.Pos) int {
	o := int(p.Offset())
	if o > len(c.src) {
		o = len(c.src)
	}
	return c.utf16[o]
}

// text is the source of a node, as goship slices it.
func (c *conv) text(n syntax.Node) string {
	s, e := min(int(n.Pos().Offset()), len(c.src)), min(int(n.End().Offset()), len(c.src))
	if e < s {
		return ""
	}
	return c.src[s:e]
}

func (c *conv) stmts(list []*syntax.Stmt) []stmt {
	out := []stmt{}
	for _, s := range list {
		out = append(out, c.stmt(s))
	}
	return out
}

func (c *conv) stmt(s *syntax.Stmt) stmt {
	st := stmt{Neg: s.Negated, Bg: s.Background, Redirs: []string{}, Start: c.off(s.Pos()), End: c.off(s.End())}
	if s.Cmd != nil {
		st.Cmd = c.command(s.Cmd)
	}
	for _, r := range s.Redirs {
		st.Redirs = append(st.Redirs, c.text(r))
	}
	return st
}

var binOps = map[syntax.BinCmdOperator]string{syntax.AndStmt: "&&", syntax.OrStmt: "||", syntax.Pipe: "|", syntax.PipeAll: "|&"}

func typeName(n syntax.Node) string {
	return strings.TrimPrefix(fmt.Sprintf("%T", n), "*syntax.")
}

func (c *conv) command(n syntax.Command) *cmd {
	start, end := c.off(n.Pos()), c.off(n.End())
	compound := func(body []stmt) *cmd {
		return &cmd{Type: "compound", Kind: typeName(n), Body: body, Start: start, End: end}
	}
	switch x := n.(type) {
	case *syntax.CallExpr:
		out := &cmd{Type: "call", Words: []word{}, Start: start, End: end}
		for _, a := range x.Assigns {
			name, value := "", ""
			if a.Name != nil {
				name = a.Name.Value
			}
			if a.Value != nil {
				value = c.text(a.Value)
			}
			out.Assigns = append(out.Assigns, [2]string{name, value})
		}
		for _, w := range x.Args {
			out.Words = append(out.Words, word{c.off(w.Pos()), c.off(w.End()), literal(w.Parts)})
		}
		return out
	case *syntax.BinaryCmd:
		side := func(s *syntax.Stmt) *cmd {
			if s.Cmd == nil {
				return &cmd{Type: "compound", Kind: "Empty", Start: start, End: end}
			}
			return c.command(s.Cmd)
		}
		return &cmd{Type: "binary", Op: binOps[x.Op], Left: side(x.X), Right: side(x.Y), Start: start, End: end}
	case *syntax.Subshell:
		return compound(c.stmts(x.Stmts))
	case *syntax.Block:
		return compound(c.stmts(x.Stmts))
	case *syntax.IfClause:
		return compound(c.ifBody(x))
	case *syntax.WhileClause:
		return compound(append(c.stmts(x.Cond), c.stmts(x.Do)...))
	case *syntax.ForClause:
		return compound(c.stmts(x.Do))
	case *syntax.CaseClause:
		body := []stmt{}
		for _, it := range x.Items {
			body = append(body, c.stmts(it.Stmts)...)
		}
		return compound(body)
	case *syntax.FuncDecl:
		return compound(c.optStmt(x.Body))
	case *syntax.TimeClause:
		return compound(c.optStmt(x.Stmt))
	case *syntax.CoprocClause:
		return compound(c.optStmt(x.Stmt))
	case *syntax.DeclClause:
		out := &cmd{Type: "call", Start: start, End: end}
		v := x.Variant.Value
		out.Words = []word{{start, start + len(v), v}}
		for _, a := range x.Args {
			s, e := c.off(a.Pos()), c.off(a.End())
			raw := c.text(a)
			var lit any
			if plainWord.MatchString(raw) {
				lit = raw
			}
			out.Words = append(out.Words, word{s, e, lit})
		}
		return out
	default:
		return compound([]stmt{})
	}
}

var plainWord = regexp.MustCompile(`^[A-Za-z0-9_./=:@%+,-]*$`)

func (c *conv) optStmt(s *syntax.Stmt) []stmt {
	if s == nil {
		return []stmt{}
	}
	return []stmt{c.stmt(s)}
}

func (c *conv) ifBody(x *syntax.IfClause) []stmt {
	out := append(c.stmts(x.Cond), c.stmts(x.Then)...)
	if x.Else != nil {
		out = append(out, c.ifBody(x.Else)...)
	}
	return out
}

// literal is goship's Word.literal: the value after quote removal, or nil
// when a part is an expansion (as src/shell/parse.ts computed it).
func literal(parts []syntax.WordPart) any {
	var b strings.Builder
	for _, p := range parts {
		switch x := p.(type) {
		case *syntax.Lit:
			b.WriteString(unescapeLit(x.Value))
		case *syntax.SglQuoted:
			b.WriteString(x.Value)
		case *syntax.DblQuoted:
			inner := literal(x.Parts)
			if inner == nil {
				return nil
			}
			b.WriteString(inner.(string))
		default:
			return nil
		}
	}
	return b.String()
}

// unescapeLit drops backslash-newlines, then turns `\x` into `x` unless x
// ends a line (JavaScript's /\\(.)/g, which goship uses, leaves those).
func unescapeLit(s string) string {
	s = strings.ReplaceAll(s, "\\\n", "")
	if !strings.Contains(s, "\\") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			r, _ := utf8.DecodeRuneInString(s[i+1:])
			if r != '\n' && r != '\r' && r != 0x2028 && r != 0x2029 {
				i++ // drop the backslash, keep what it escapes
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func parse(raw json.RawMessage) (out any) {
	defer func() {
		// A panic in the reference is reported, not fatal to the batch.
		if r := recover(); r != nil {
			out = answer{Error: true, Panic: true, Message: fmt.Sprint(r)}
		}
	}()
	var req request
	if err := json.Unmarshal(raw, &req); err != nil {
		return answer{Error: true, Message: "bad request: " + err.Error()}
	}
	f, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(strings.NewReader(req.Src), "")
	if err != nil {
		return answer{Error: true, Message: err.Error()}
	}
	return answer{Stmts: newConv(req.Src).stmts(f.Stmts)}
}

func main() {
	jsonl.Main(map[string]jsonl.Handler{"parse": parse}, nil)
}
