// Command dockerfile is goship's reference for the Dockerfile parser: it runs
// BuildKit's frontend/dockerfile/parser and instructions packages (pinned in
// go.mod) and prints a normalized JSON answer described in FORMAT.md.
//
//	oracle-dockerfile parse            < {"name","content"} lines
//	oracle-dockerfile bench <dir> <n>  parse every Dockerfile under dir n times
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/linter"
	"github.com/moby/buildkit/frontend/dockerfile/parser"

	"goship.test/oracle/internal/jsonl"
)

type parseReq struct {
	Name    string `json:"name"`
	Content string `json:"content"`
}

type obj = map[string]any

func main() {
	jsonl.Main(map[string]jsonl.Handler{"parse": handleParse}, map[string]jsonl.Command{"bench": bench})
}

func handleParse(raw json.RawMessage) any {
	var req parseReq
	if err := json.Unmarshal(raw, &req); err != nil {
		return obj{"error": obj{"line": 0, "message": "bad request: " + err.Error()}}
	}
	return parseOne([]byte(req.Content))
}

// parseOne never lets a panic escape: a panic is reported as such so the
// differential test shows it instead of losing the whole batch.
func parseOne(content []byte) (out any) {
	defer func() {
		if r := recover(); r != nil {
			out = obj{"panic": fmt.Sprint(r)}
		}
	}()
	res, err := parser.Parse(bytes.NewReader(content))
	if err != nil {
		return errorAnswer(err)
	}
	lint := linter.New(&linter.Config{})
	stages, metaArgs, err := instructions.Parse(res.AST, lint)
	if err != nil {
		return errorAnswer(err)
	}
	warnings := []any{}
	for _, w := range res.Warnings {
		detail := []string{}
		for _, d := range w.Detail {
			detail = append(detail, string(d))
		}
		line := 0
		if w.Location != nil {
			line = w.Location.Start.Line
		}
		warnings = append(warnings, obj{"short": w.Short, "detail": detail, "url": w.URL, "line": line})
	}
	ast := []any{}
	for _, n := range res.AST.Children {
		ast = append(ast, normNode(n))
	}
	metas := []any{}
	for i := range metaArgs {
		metas = append(metas, normCommand(&metaArgs[i]))
	}
	sts := []any{}
	for _, s := range stages {
		cmds := []any{}
		for _, c := range s.Commands {
			cmds = append(cmds, normCommand(c))
		}
		start, end := span(s.Location)
		sts = append(sts, obj{
			"name": s.Name, "baseName": s.BaseName, "platform": s.Platform, "origCmd": s.OrigCmd,
			"code": s.SourceCode, "startLine": start, "endLine": end, "docComment": s.DocComment,
			"comments": strs(s.Comments), "commands": cmds,
		})
	}
	return obj{
		"escape":     string(res.EscapeToken),
		"directives": directives(content),
		"warnings":   warnings,
		"ast":        ast,
		"metaArgs":   metas,
		"stages":     sts,
	}
}

func directives(content []byte) any {
	one := func(name, cmdline string, loc []parser.Range, ok bool) any {
		if !ok {
			return nil
		}
		line := 0
		if len(loc) > 0 {
			line = loc[0].Start.Line
		}
		return obj{"value": name, "cmdline": cmdline, "line": line}
	}
	return obj{
		"syntax": one(parser.DetectSyntax(content)),
		"escape": one(parser.ParseDirective("escape", content)),
		"check":  one(parser.ParseDirective("check", content)),
	}
}

func errorAnswer(err error) any {
	line := 0
	var le *parser.LocationError
	if errors.As(err, &le) && len(le.Locations) > 0 && len(le.Locations[0]) > 0 {
		line = le.Locations[0][0].Start.Line
	}
	return obj{"error": obj{"line": line, "message": err.Error()}}
}

func strs(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func span(r []parser.Range) (int, int) {
	if len(r) == 0 {
		return 0, 0
	}
	return r[0].Start.Line, r[len(r)-1].End.Line
}

func normNode(n *parser.Node) obj {
	next := []any{}
	for c := n.Next; c != nil; c = c.Next {
		if len(c.Children) > 0 {
			kids := []any{}
			for _, k := range c.Children {
				kids = append(kids, normNode(k))
			}
			next = append(next, obj{"children": kids})
		} else {
			next = append(next, c.Value)
		}
	}
	heredocs := []any{}
	for _, h := range n.Heredocs {
		heredocs = append(heredocs, obj{"name": h.Name, "fd": h.FileDescriptor, "expand": h.Expand, "chomp": h.Chomp, "content": h.Content})
	}
	return obj{
		"cmd": strings.ToLower(n.Value), "value": n.Value, "flags": strs(n.Flags), "next": next,
		"json": n.Attributes["json"], "heredocs": heredocs, "startLine": n.StartLine, "endLine": n.EndLine,
		"original": n.Original, "comments": strs(n.PrevComment),
	}
}

func optU64(p *uint64) any {
	if p == nil {
		return nil
	}
	return *p
}

func optStr(p *string) any {
	if p == nil {
		return nil
	}
	return *p
}

func optBool(p *bool) any {
	if p == nil {
		return nil
	}
	return *p
}

func kvps(kv instructions.KeyValuePairs) []any {
	out := []any{}
	for _, p := range kv {
		out = append(out, obj{"key": p.Key, "value": p.Value, "noDelim": p.NoDelim})
	}
	return out
}

func shellDep(o obj, c instructions.ShellDependantCmdLine) {
	var cl any
	if c.CmdLine != nil {
		cl = c.CmdLine
	}
	o["cmdLine"] = cl
	o["prependShell"] = c.PrependShell
	files := []any{}
	for _, f := range c.Files {
		files = append(files, obj{"name": f.Name, "data": f.Data, "chomp": f.Chomp})
	}
	o["files"] = files
}

func srcDest(o obj, s instructions.SourcesAndDest) {
	o["sources"] = strs(s.SourcePaths)
	contents := []any{}
	for _, c := range s.SourceContents {
		contents = append(contents, obj{"path": c.Path, "data": c.Data, "expand": c.Expand})
	}
	o["contents"] = contents
	o["dest"] = s.DestPath
}

func normCommand(c instructions.Command) obj {
	loc := c.Location()
	start, end := span(loc)
	o := obj{"name": c.Name(), "startLine": start, "endLine": end}
	if s, ok := c.(fmt.Stringer); ok {
		o["code"] = s.String()
	}
	switch c := c.(type) {
	case *instructions.EnvCommand:
		o["kind"] = "ENV"
		o["pairs"] = kvps(c.Env)
	case *instructions.LabelCommand:
		o["kind"] = "LABEL"
		o["pairs"] = kvps(c.Labels)
	case *instructions.MaintainerCommand:
		o["kind"] = "MAINTAINER"
		o["maintainer"] = c.Maintainer
	case *instructions.AddCommand:
		o["kind"] = "ADD"
		srcDest(o, c.SourcesAndDest)
		o["chown"], o["chmod"], o["link"] = c.Chown, c.Chmod, c.Link
		o["keepGitDir"], o["checksum"], o["unpack"] = optBool(c.KeepGitDir), c.Checksum, optBool(c.Unpack)
		o["excludes"] = strs(c.ExcludePatterns)
	case *instructions.CopyCommand:
		o["kind"] = "COPY"
		srcDest(o, c.SourcesAndDest)
		o["from"], o["chown"], o["chmod"], o["link"], o["parents"] = c.From, c.Chown, c.Chmod, c.Link, c.Parents
		o["excludes"] = strs(c.ExcludePatterns)
	case *instructions.OnbuildCommand:
		o["kind"] = "ONBUILD"
		o["expression"] = c.Expression
	case *instructions.WorkdirCommand:
		o["kind"] = "WORKDIR"
		o["path"] = c.Path
	case *instructions.RunCommand:
		o["kind"] = "RUN"
		shellDep(o, c.ShellDependantCmdLine)
		used := append([]string{}, c.FlagsUsed...)
		sort.Strings(used)
		o["flagsUsed"] = used
		o["network"] = instructions.GetNetwork(c)
		o["security"] = instructions.GetSecurity(c)
		devices := []any{}
		for _, d := range instructions.GetDevices(c) {
			devices = append(devices, obj{"name": d.Name, "required": d.Required})
		}
		o["devices"] = devices
		// Parse leaves mount values unexpanded and unvalidated; BuildKit
		// validates them when the build expands them. An identity expander
		// shows what that validation makes of the literal text.
		if err := c.Expand(func(w string) (string, error) { return w, nil }); err != nil {
			o["mountError"] = err.Error()
		} else {
			mounts := []any{}
			for _, m := range instructions.GetMounts(c) {
				mounts = append(mounts, obj{
					"type": string(m.Type), "from": m.From, "source": m.Source, "target": m.Target,
					"readOnly": m.ReadOnly, "sizeLimit": m.SizeLimit, "id": m.CacheID,
					"sharing": string(m.CacheSharing), "required": m.Required, "env": optStr(m.Env),
					"mode": optU64(m.Mode), "uid": optU64(m.UID), "gid": optU64(m.GID),
				})
			}
			o["mounts"] = mounts
		}
	case *instructions.CmdCommand:
		o["kind"] = "CMD"
		shellDep(o, c.ShellDependantCmdLine)
	case *instructions.EntrypointCommand:
		o["kind"] = "ENTRYPOINT"
		shellDep(o, c.ShellDependantCmdLine)
	case *instructions.HealthCheckCommand:
		o["kind"] = "HEALTHCHECK"
		h := c.Health
		o["test"] = h.Test
		o["interval"], o["timeout"] = int64(h.Interval), int64(h.Timeout)
		o["startPeriod"], o["startInterval"] = int64(h.StartPeriod), int64(h.StartInterval)
		o["retries"] = h.Retries
	case *instructions.ExposeCommand:
		o["kind"] = "EXPOSE"
		o["ports"] = strs(c.Ports)
	case *instructions.UserCommand:
		o["kind"] = "USER"
		o["user"] = c.User
	case *instructions.VolumeCommand:
		o["kind"] = "VOLUME"
		o["volumes"] = strs(c.Volumes)
	case *instructions.StopSignalCommand:
		o["kind"] = "STOPSIGNAL"
		o["signal"] = c.Signal
	case *instructions.ArgCommand:
		o["kind"] = "ARG"
		args := []any{}
		for _, a := range c.Args {
			args = append(args, obj{"key": a.Key, "value": optStr(a.Value), "docComment": a.DocComment})
		}
		o["args"] = args
	case *instructions.ShellCommand:
		o["kind"] = "SHELL"
		o["shell"] = c.Shell
	default:
		o["kind"] = fmt.Sprintf("%T", c)
	}
	return o
}

// bench parses every file named Dockerfile* under dir, n times, in process.
func bench(args []string) error {
	if len(args) != 2 {
		return errors.New("usage: bench <dir> <iterations>")
	}
	n, err := strconv.Atoi(args[1])
	if err != nil {
		return err
	}
	var files [][]byte
	err = filepath.WalkDir(args[0], func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasPrefix(d.Name(), "Dockerfile") {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			files = append(files, b)
		}
		return nil
	})
	if err != nil {
		return err
	}
	start := time.Now()
	for i := 0; i < n; i++ {
		for _, f := range files {
			res, err := parser.Parse(bytes.NewReader(f))
			if err == nil {
				_, _, _ = instructions.Parse(res.AST, linter.New(&linter.Config{}))
			}
		}
	}
	secs := time.Since(start).Seconds()
	total := len(files) * n
	return json.NewEncoder(os.Stdout).Encode(obj{
		"files": len(files), "iterations": n, "seconds": secs, "filesPerSecond": float64(total) / secs,
	})
}
