// Command buildinfo is goship's oracle for src/sbom: the Go standard
// library's debug/buildinfo.ReadFile (and runtime/debug.ParseBuildInfo /
// BuildInfo.String), answering one JSON request per line (internal/jsonl).
//
//	read  {"file": "/path/to/binary"}  -> the BuildInfo, field by field, or err
//	parse {"text": "path\t...\n"}      -> ParseBuildInfo(text) and its String()
package main

import (
	"debug/buildinfo"
	"encoding/json"
	"runtime/debug"

	"goship.test/oracle/internal/jsonl"
)

type module struct {
	Path    string  `json:"path"`
	Version string  `json:"version"`
	Sum     string  `json:"sum"`
	Replace *module `json:"replace,omitempty"`
}

type setting struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

type info struct {
	GoVersion string    `json:"goVersion"`
	Path      string    `json:"path"`
	Main      module    `json:"main"`
	Deps      []module  `json:"deps"`
	Settings  []setting `json:"settings"`
}

type res struct {
	Err    string `json:"err,omitempty"`
	Info   *info  `json:"info,omitempty"`
	String string `json:"string,omitempty"`
}

func conv(m *debug.Module) module {
	out := module{Path: m.Path, Version: m.Version, Sum: m.Sum}
	if m.Replace != nil {
		r := conv(m.Replace)
		out.Replace = &r
	}
	return out
}

func toInfo(bi *debug.BuildInfo) *info {
	out := &info{GoVersion: bi.GoVersion, Path: bi.Path, Main: conv(&bi.Main), Deps: []module{}, Settings: []setting{}}
	for _, d := range bi.Deps {
		out.Deps = append(out.Deps, conv(d))
	}
	for _, s := range bi.Settings {
		out.Settings = append(out.Settings, setting{Key: s.Key, Value: s.Value})
	}
	return out
}

func read(raw json.RawMessage) any {
	var req struct {
		File string `json:"file"`
	}
	if err := json.Unmarshal(raw, &req); err != nil {
		return res{Err: "bad request: " + err.Error()}
	}
	bi, err := buildinfo.ReadFile(req.File)
	if err != nil {
		return res{Err: err.Error()}
	}
	return res{Info: toInfo(bi), String: bi.String()}
}

func parse(raw json.RawMessage) any {
	var req struct {
		Text string `json:"text"`
	}
	if err := json.Unmarshal(raw, &req); err != nil {
		return res{Err: "bad request: " + err.Error()}
	}
	bi, err := debug.ParseBuildInfo(req.Text)
	if err != nil {
		return res{Err: err.Error()}
	}
	return res{Info: toInfo(bi), String: bi.String()}
}

func main() {
	jsonl.Main(map[string]jsonl.Handler{
		"read":  read,
		"parse": parse,
	}, nil)
}
