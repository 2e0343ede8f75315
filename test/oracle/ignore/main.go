// Command oracle-ignore answers goship's .dockerignore differential tests with
// the reference implementation: moby/patternmatcher v0.6.1 and its ignorefile
// package, called the way BuildKit v0.34.2 calls them.
//
// Subcommand `match`, one JSON request per line:
//
//	{"ignore": "<.dockerignore content>", "paths": ["a/b", ...]}
//
// answers
//
//	{"patterns": [...], "results": [...], "context": [...]}
//
// or {"error": "...", "stage": "read"|"new"} when ignorefile.ReadAll or
// patternmatcher.New rejects the file. patterns are the strings ReadAll
// returns (dockerui hands exactly these to llb.ExcludePatterns). results[i]
// is PatternMatcher.MatchesOrParentMatches(paths[i]); context[i] is whether
// paths[i] is left out of the build context by fsutil's filterFS.Walk (the
// client side of context transfer), which calls MatchesUsingParentResults
// once per directory level and may skip a matched directory whole. Either is
// the string "error" when the Go call returned an error (a pattern whose
// regexp only fails to compile when it is first evaluated).
//
// fsutil is not a dependency of this module; the walk below transcribes the
// exclude branch of filterFS.Walk and NewFilterFS from
// github.com/tonistiigi/fsutil v0.0.0-20261103091533-a72de9dcf763 (filter.go,
// the version BuildKit v0.34.2 requires), calling patternmatcher exactly as
// it does.
package main

import (
	"encoding/json"
	"path/filepath"
	"strings"

	"github.com/moby/patternmatcher"
	"github.com/moby/patternmatcher/ignorefile"

	"goship.test/oracle/internal/jsonl"
)

type matchReq struct {
	Ignore string   `json:"ignore"`
	Paths  []string `json:"paths"`
}

type matchRes struct {
	Patterns []string `json:"patterns"`
	Results  []any    `json:"results"`
	Context  []any    `json:"context"`
}

type errRes struct {
	Error string `json:"error"`
	Stage string `json:"stage"`
}

func main() {
	jsonl.Main(map[string]jsonl.Handler{"match": match}, nil)
}

func match(raw json.RawMessage) any {
	var req matchReq
	if err := json.Unmarshal(raw, &req); err != nil {
		return errRes{Error: err.Error(), Stage: "request"}
	}
	patterns, err := ignorefile.ReadAll(strings.NewReader(req.Ignore))
	if err != nil {
		return errRes{Error: err.Error(), Stage: "read"}
	}
	pm, err := patternmatcher.New(patterns)
	if err != nil {
		return errRes{Error: err.Error(), Stage: "new"}
	}
	if patterns == nil {
		patterns = []string{}
	}
	res := matchRes{Patterns: patterns, Results: []any{}, Context: []any{}}
	onlyPrefix := onlyPrefixExcludeExceptions(pm)
	for _, p := range req.Paths {
		m, err := pm.MatchesOrParentMatches(p)
		if err != nil {
			res.Results = append(res.Results, "error")
		} else {
			res.Results = append(res.Results, m)
		}
		if len(patterns) == 0 { // NewFilterFS builds no matcher at all
			res.Context = append(res.Context, false)
			continue
		}
		ex, err := excludedByWalk(pm, onlyPrefix, p)
		if err != nil {
			res.Context = append(res.Context, "error")
		} else {
			res.Context = append(res.Context, ex)
		}
	}
	return res
}

// onlyPrefixExcludeExceptions is NewFilterFS's test (Linux: `\` counts).
func onlyPrefixExcludeExceptions(pm *patternmatcher.PatternMatcher) bool {
	const patternChars = "*[]?^" + `\`
	for _, p := range pm.Patterns() {
		if p.Exclusion() && strings.ContainsAny(patternWithoutTrailingGlob(p), patternChars) {
			return false
		}
	}
	return true
}

func patternWithoutTrailingGlob(p *patternmatcher.Pattern) string {
	patStr := p.String()
	patStr = strings.TrimSuffix(patStr, string(filepath.Separator)+"**")
	patStr = strings.TrimSuffix(patStr, string(filepath.Separator)+"*")
	return patStr
}

// excludedByWalk replays filterFS.Walk down to path: each ancestor is a
// directory visited with its parent's MatchInfo; a matched ancestor the
// optimisation may skip hides everything below it.
func excludedByWalk(pm *patternmatcher.PatternMatcher, onlyPrefix bool, path string) (bool, error) {
	parts := strings.Split(path, "/")
	var info patternmatcher.MatchInfo
	for i := 1; i < len(parts); i++ {
		dir := strings.Join(parts[:i], "/")
		m, mi, err := pm.MatchesUsingParentResults(dir, info)
		if err != nil {
			return false, err
		}
		if m && onlyPrefix {
			if !pm.Exclusions() {
				return true, nil // SkipDir
			}
			keep := false
			dirSlash := dir + string(filepath.Separator)
			for _, pat := range pm.Patterns() {
				if !pat.Exclusion() {
					continue
				}
				patStr := patternWithoutTrailingGlob(pat) + string(filepath.Separator)
				if strings.HasPrefix(patStr, dirSlash) {
					keep = true
					break
				}
			}
			if !keep {
				return true, nil // SkipDir
			}
		}
		info = mi
	}
	m, _, err := pm.MatchesUsingParentResults(path, info)
	return m, err
}
