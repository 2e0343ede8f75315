// Command oracle-expand answers goship's differential tests of Dockerfile
// variable expansion with BuildKit's own implementation
// (github.com/moby/buildkit/frontend/dockerfile/shell, Lex).
//
// Handlers (one JSON request per line, see internal/jsonl):
//
//	word   {"word","env":[[k,v]...],"escape","skipUnset","skipQuotes","rawQuotes","rawEscapes"}
//	       -> {"value","matched":[sorted],"unmatched":[sorted]} | {"error"}
//	words  same request -> {"words":[...]} | {"error"}
//
// Command `tables` prints src/golang/unicode-tables.ts, the one generated
// file of Go's Unicode tables goship uses: the rune classes of this Go
// toolchain's unicode and strconv packages (IsLetter, IsDigit, IsPrint,
// IsSpace; BuildKit's lexer, strconv.Quote, x/mod's lexer) and the class names
// Go's regexp accepts in \p{Name} (patternmatcher's regexps), so every
// TypeScript port classifies runes identically.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/moby/buildkit/frontend/dockerfile/shell"
	"goship.test/oracle/internal/jsonl"
)

type request struct {
	Word       string      `json:"word"`
	Env        [][2]string `json:"env"`
	Escape     string      `json:"escape"`
	SkipUnset  bool        `json:"skipUnset"`
	SkipQuotes bool        `json:"skipQuotes"`
	RawQuotes  bool        `json:"rawQuotes"`
	RawEscapes bool        `json:"rawEscapes"`
}

// mapEnv is an EnvGetter over exact keys (later duplicates win, as in
// shell.EnvsFromSlice on Linux) that also allows '=' inside keys.
type mapEnv struct {
	m    map[string]string
	keys []string
}

func (e *mapEnv) Get(k string) (string, bool) { v, ok := e.m[k]; return v, ok }
func (e *mapEnv) Keys() []string              { return e.keys }

func lexFor(r *request) (*shell.Lex, shell.EnvGetter) {
	esc := '\\'
	if r.Escape != "" {
		esc = []rune(r.Escape)[0]
	}
	lex := shell.NewLex(esc)
	lex.SkipUnsetEnv = r.SkipUnset
	lex.SkipProcessQuotes = r.SkipQuotes
	lex.RawQuotes = r.RawQuotes
	lex.RawEscapes = r.RawEscapes
	env := &mapEnv{m: map[string]string{}}
	for _, kv := range r.Env {
		env.m[kv[0]] = kv[1]
		env.keys = append(env.keys, kv[0])
	}
	return lex, env
}

func sorted(m map[string]struct{}) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func word(raw json.RawMessage) any {
	var r request
	if err := json.Unmarshal(raw, &r); err != nil {
		return map[string]any{"fatal": err.Error()}
	}
	lex, env := lexFor(&r)
	res, err := lex.ProcessWordWithMatches(r.Word, env)
	if err != nil {
		return map[string]any{"error": err.Error()}
	}
	return map[string]any{"value": res.Result, "matched": sorted(res.Matched), "unmatched": sorted(res.Unmatched)}
}

func words(raw json.RawMessage) any {
	var r request
	if err := json.Unmarshal(raw, &r); err != nil {
		return map[string]any{"fatal": err.Error()}
	}
	lex, env := lexFor(&r)
	ws, err := lex.ProcessWords(r.Word, env)
	if err != nil {
		return map[string]any{"error": err.Error()}
	}
	if ws == nil {
		ws = []string{}
	}
	return map[string]any{"words": ws}
}

// ranges lists the inclusive code point ranges where pred holds, flattened as
// [start, length, gap, length, gap, length...] deltas to keep the file small.
func ranges(pred func(rune) bool) string {
	var parts []string
	prevEnd := rune(0)
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !pred(r) {
			continue
		}
		start := r
		for r+1 <= unicode.MaxRune && pred(r+1) {
			r++
		}
		parts = append(parts, strconv.Itoa(int(start-prevEnd)), strconv.Itoa(int(r-start+1)))
		prevEnd = r + 1
	}
	return strings.Join(parts, ",")
}

// regexpNames lists the Go regexp \p{Name} names: Go looks names up after
// canonicalising them (first letter upper, the rest lower, "_- " dropped), so
// a category or script is listed only when regexp.Compile accepts its own name.
func regexpNames() (cats, scripts, aliases []string) {
	for name := range unicode.Categories {
		if _, err := regexp.Compile(`\p{` + name + `}`); err == nil {
			cats = append(cats, name)
		}
	}
	for name := range unicode.Scripts {
		if _, err := regexp.Compile(`\p{` + name + `}`); err == nil {
			scripts = append(scripts, name)
		}
	}
	for name, actual := range unicode.CategoryAliases {
		aliases = append(aliases, name+"="+actual)
	}
	sort.Strings(cats)
	sort.Strings(scripts)
	sort.Strings(aliases)
	return cats, scripts, aliases
}

func tables(_ []string) error {
	// src/golang/unicode.ts has one isPrint for both; stop if Go ever splits them.
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if strconv.IsPrint(r) != unicode.IsPrint(r) {
			return fmt.Errorf("strconv.IsPrint and unicode.IsPrint differ at U+%04X", r)
		}
	}
	cats, scripts, aliases := regexpNames()
	list := func(xs []string) string {
		b, _ := json.Marshal(xs)
		return strings.ReplaceAll(string(b), ",", ", ")
	}
	var b strings.Builder
	fmt.Fprintf(&b, `/**
 * Go's Unicode tables (unicode package, Unicode %s, the Go toolchain the
 * oracles are built with) for src/golang/unicode.ts and the regexp port of
 * src/ignore. Generated by `+"`.cache/oracle-expand tables`"+`
 * (test/oracle/expand/main.go); do not edit. test/differential/expand.test.ts
 * checks it is current. Each rune table is delta-encoded: start, length, then
 * gap, length... (gap counted from the end of the previous range, exclusive).
 */

/** unicode.Version of the tables. */
export const GO_UNICODE_VERSION = %q;

/** unicode.IsLetter (category L). */
export const LETTER = "%s";

/** unicode.IsDigit (category Nd). */
export const DIGIT = "%s";

/** unicode.IsPrint, equal to strconv.IsPrint (categories L, M, N, P, S and U+0020). */
export const PRINT = "%s";

/** unicode.IsSpace (Latin-1 spaces and the White_Space property). */
export const SPACE = "%s";

/** Category names Go's regexp accepts in \p{Name}. */
export const CATEGORIES: readonly string[] = %s;

/** Script names Go's regexp accepts in \p{Name}. */
export const SCRIPTS: readonly string[] = %s;

/** unicode.CategoryAliases, as "alias=category". */
export const CATEGORY_ALIASES: readonly string[] = %s;
`, unicode.Version, unicode.Version, ranges(unicode.IsLetter), ranges(unicode.IsDigit), ranges(unicode.IsPrint),
		ranges(unicode.IsSpace), list(cats), list(scripts), list(aliases))
	_, err := os.Stdout.WriteString(b.String())
	return err
}

func main() {
	jsonl.Main(map[string]jsonl.Handler{"word": word, "words": words}, map[string]jsonl.Command{"tables": tables})
}
