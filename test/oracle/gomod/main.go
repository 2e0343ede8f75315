// Command gomod is goship's oracle for src/gomod: golang.org/x/mod v0.43.0
// (modfile.Parse, ParseLax, ParseWork; module.MatchPrefixPatterns,
// CheckPath, CheckImportPath, CanonicalVersion; semver) and Go's path.Match,
// answering one JSON request per line (internal/jsonl). Go's unicode tables
// come from the expand oracle (`oracle-expand tables`, src/golang/).
package main

import (
	"encoding/json"
	"path"
	"unicode/utf16"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
	"golang.org/x/mod/semver"
	"goship.test/oracle/internal/jsonl"
)

type fileReq struct {
	Name    string `json:"name"`
	Content string `json:"content"`
}

// where is a 1-based range with UTF-16 columns, matching goship's Range.
type where struct {
	Line    int `json:"line"`
	Col     int `json:"col"`
	EndLine int `json:"endLine"`
	EndCol  int `json:"endCol"`
}

type modOut struct {
	Module    *moduleOut    `json:"module"`
	Go        *goOut        `json:"go"`
	Toolchain *toolchainOut `json:"toolchain"`
	Godebug   []godebugOut  `json:"godebug"`
	Require   []requireOut  `json:"require"`
	Exclude   []excludeOut  `json:"exclude"`
	Replace   []replaceOut  `json:"replace"`
	Retract   []retractOut  `json:"retract"`
	Tool      []pathOut     `json:"tool"`
	Ignore    []pathOut     `json:"ignore"`
	Use       []pathOut     `json:"use,omitempty"`
}

type moduleOut struct {
	Path       string `json:"path"`
	Deprecated string `json:"deprecated"`
	At         where  `json:"at"`
}
type goOut struct {
	Version string `json:"version"`
	At      where  `json:"at"`
}
type toolchainOut struct {
	Name string `json:"name"`
	At   where  `json:"at"`
}
type godebugOut struct {
	Key   string `json:"key"`
	Value string `json:"value"`
	At    where  `json:"at"`
}
type requireOut struct {
	Path     string `json:"path"`
	Version  string `json:"version"`
	Indirect bool   `json:"indirect"`
	At       where  `json:"at"`
}
type excludeOut struct {
	Path    string `json:"path"`
	Version string `json:"version"`
	At      where  `json:"at"`
}
type replaceOut struct {
	OldPath    string `json:"oldPath"`
	OldVersion string `json:"oldVersion"`
	NewPath    string `json:"newPath"`
	NewVersion string `json:"newVersion"`
	At         where  `json:"at"`
}
type retractOut struct {
	Low       string `json:"low"`
	High      string `json:"high"`
	Rationale string `json:"rationale"`
	At        where  `json:"at"`
}
type pathOut struct {
	Path string `json:"path"`
	At   where  `json:"at"`
}

type errOut struct {
	Error string `json:"error"`
}

// col16 converts a modfile byte offset into a 1-based UTF-16 column.
func col16(data []byte, byteOff int) int {
	start := byteOff
	for start > 0 && data[start-1] != '\n' {
		start--
	}
	n := 0
	for _, r := range string(data[start:byteOff]) {
		n += len(utf16.Encode([]rune{r}))
	}
	return n + 1
}

func at(data []byte, l *modfile.Line) where {
	return where{l.Start.Line, col16(data, l.Start.Byte), l.End.Line, col16(data, l.End.Byte)}
}

func decode(req json.RawMessage) (fileReq, error) {
	var r fileReq
	err := json.Unmarshal(req, &r)
	return r, err
}

func convertReplace(data []byte, rs []*modfile.Replace) []replaceOut {
	out := []replaceOut{}
	for _, r := range rs {
		out = append(out, replaceOut{r.Old.Path, r.Old.Version, r.New.Path, r.New.Version, at(data, r.Syntax)})
	}
	return out
}

func convertGodebug(data []byte, gs []*modfile.Godebug) []godebugOut {
	out := []godebugOut{}
	for _, g := range gs {
		out = append(out, godebugOut{g.Key, g.Value, at(data, g.Syntax)})
	}
	return out
}

func modHandler(lax bool) jsonl.Handler {
	return func(req json.RawMessage) any {
		r, err := decode(req)
		if err != nil {
			return errOut{"bad request: " + err.Error()}
		}
		data := []byte(r.Content)
		parse := modfile.Parse
		if lax {
			parse = modfile.ParseLax
		}
		f, err := parse(r.Name, data, nil)
		if err != nil {
			return errOut{err.Error()}
		}
		o := modOut{Godebug: convertGodebug(data, f.Godebug), Require: []requireOut{}, Exclude: []excludeOut{},
			Replace: convertReplace(data, f.Replace), Retract: []retractOut{}, Tool: []pathOut{}, Ignore: []pathOut{}}
		if f.Module != nil {
			o.Module = &moduleOut{f.Module.Mod.Path, f.Module.Deprecated, at(data, f.Module.Syntax)}
		}
		if f.Go != nil {
			o.Go = &goOut{f.Go.Version, at(data, f.Go.Syntax)}
		}
		if f.Toolchain != nil {
			o.Toolchain = &toolchainOut{f.Toolchain.Name, at(data, f.Toolchain.Syntax)}
		}
		for _, x := range f.Require {
			o.Require = append(o.Require, requireOut{x.Mod.Path, x.Mod.Version, x.Indirect, at(data, x.Syntax)})
		}
		for _, x := range f.Exclude {
			o.Exclude = append(o.Exclude, excludeOut{x.Mod.Path, x.Mod.Version, at(data, x.Syntax)})
		}
		for _, x := range f.Retract {
			o.Retract = append(o.Retract, retractOut{x.Low, x.High, x.Rationale, at(data, x.Syntax)})
		}
		for _, x := range f.Tool {
			o.Tool = append(o.Tool, pathOut{x.Path, at(data, x.Syntax)})
		}
		for _, x := range f.Ignore {
			o.Ignore = append(o.Ignore, pathOut{x.Path, at(data, x.Syntax)})
		}
		return o
	}
}

type workOut struct {
	Go        *goOut        `json:"go"`
	Toolchain *toolchainOut `json:"toolchain"`
	Godebug   []godebugOut  `json:"godebug"`
	Use       []pathOut     `json:"use"`
	Replace   []replaceOut  `json:"replace"`
}

func workHandler(req json.RawMessage) any {
	r, err := decode(req)
	if err != nil {
		return errOut{"bad request: " + err.Error()}
	}
	data := []byte(r.Content)
	f, err := modfile.ParseWork(r.Name, data, nil)
	if err != nil {
		return errOut{err.Error()}
	}
	o := workOut{Godebug: convertGodebug(data, f.Godebug), Use: []pathOut{}, Replace: convertReplace(data, f.Replace)}
	if f.Go != nil {
		o.Go = &goOut{f.Go.Version, at(data, f.Go.Syntax)}
	}
	if f.Toolchain != nil {
		o.Toolchain = &toolchainOut{f.Toolchain.Name, at(data, f.Toolchain.Syntax)}
	}
	for _, u := range f.Use {
		o.Use = append(o.Use, pathOut{u.Path, at(data, u.Syntax)})
	}
	return o
}

func matchHandler(req json.RawMessage) any {
	var r struct {
		Globs string `json:"globs"`
		Path  string `json:"path"`
	}
	if err := json.Unmarshal(req, &r); err != nil {
		return errOut{"bad request: " + err.Error()}
	}
	return module.MatchPrefixPatterns(r.Globs, r.Path)
}

func pathMatchHandler(req json.RawMessage) any {
	var r struct {
		Pattern string `json:"pattern"`
		Name    string `json:"name"`
	}
	if err := json.Unmarshal(req, &r); err != nil {
		return errOut{"bad request: " + err.Error()}
	}
	ok, err := path.Match(r.Pattern, r.Name)
	e := ""
	if err != nil {
		e = err.Error()
	}
	return map[string]any{"matched": ok, "error": e}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func checkPathHandler(req json.RawMessage) any {
	var r struct {
		Path string `json:"path"`
	}
	if err := json.Unmarshal(req, &r); err != nil {
		return errOut{"bad request: " + err.Error()}
	}
	prefix, major, ok := module.SplitPathVersion(r.Path)
	return map[string]any{
		"module": errString(module.CheckPath(r.Path)),
		"import": errString(module.CheckImportPath(r.Path)),
		"split":  []any{prefix, major, ok},
	}
}

func semverHandler(req json.RawMessage) any {
	var r struct {
		V     string `json:"v"`
		W     string `json:"w"`
		Major string `json:"pathMajor"`
	}
	if err := json.Unmarshal(req, &r); err != nil {
		return errOut{"bad request: " + err.Error()}
	}
	return map[string]any{
		"valid":            semver.IsValid(r.V),
		"canonical":        semver.Canonical(r.V),
		"major":            semver.Major(r.V),
		"build":            semver.Build(r.V),
		"prerelease":       semver.Prerelease(r.V),
		"compare":          semver.Compare(r.V, r.W),
		"canonicalVersion": module.CanonicalVersion(r.V),
		"checkPathMajor":   errString(module.CheckPathMajor(r.V, r.Major)),
	}
}

func main() {
	jsonl.Main(map[string]jsonl.Handler{
		"modfile":     modHandler(false),
		"modfile-lax": modHandler(true),
		"workfile":    workHandler,
		"match":       matchHandler,
		"pathmatch":   pathMatchHandler,
		"checkpath":   checkPathHandler,
		"semver":      semverHandler,
	}, nil)
}
