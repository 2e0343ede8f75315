// Command buildcheck is goship's reference for BuildKit's build checks: it
// runs dockerfile2llb.DockerfileLint (BuildKit v0.34.2, pinned in go.mod) the
// way `docker build --check` does, but offline: every base image resolves to
// an empty image config (so only PATH is in a stage's base ENV, as BuildKit
// adds it), there is no client, no build context and no .dockerignore (so
// CopyIgnoredFile never fires), no build args, every LLB capability, and
// every stage is checked.
//
//	oracle-buildcheck lint < {"content"} lines
//
// Answer: {"warnings":[{"rule","line","message"}]} with warnings in the order
// BuildKit reports them (line = start line of the first range, 0 when the
// warning has no location), plus "error" (BuildKit's build error message)
// when the Dockerfile does not convert; a panic is answered as {"panic"}.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime/debug"

	"github.com/moby/buildkit/client/llb"
	"github.com/moby/buildkit/client/llb/sourceresolver"
	"github.com/moby/buildkit/frontend/dockerfile/dockerfile2llb"
	"github.com/moby/buildkit/solver/pb"
	"github.com/opencontainers/go-digest"

	"goship.test/oracle/internal/jsonl"
)

type lintReq struct {
	Content string `json:"content"`
}

type warning struct {
	Rule    string `json:"rule"`
	Line    int    `json:"line"`
	Message string `json:"message"`
}

type answer struct {
	Warnings []warning `json:"warnings"`
	Error    *string   `json:"error,omitempty"`
	Panic    *string   `json:"panic,omitempty"`
}

// emptyConfigResolver answers every image with an empty config: no ENV, no
// layers, nothing fetched.
type emptyConfigResolver struct{}

func (emptyConfigResolver) ResolveImageConfig(_ context.Context, ref string, _ sourceresolver.Opt) (string, digest.Digest, []byte, error) {
	return ref, "", []byte(`{}`), nil
}

var _ llb.ImageMetaResolver = emptyConfigResolver{}

func main() {
	jsonl.Main(map[string]jsonl.Handler{"lint": handleLint}, nil)
}

func handleLint(raw json.RawMessage) any {
	var req lintReq
	if err := json.Unmarshal(raw, &req); err != nil {
		msg := "bad request: " + err.Error()
		return answer{Warnings: []warning{}, Error: &msg}
	}
	return lintOne([]byte(req.Content))
}

// lintOne never lets a panic escape, so one bad input does not lose the batch.
func lintOne(content []byte) (out answer) {
	defer func() {
		if r := recover(); r != nil {
			msg := fmt.Sprint(r) + "\n" + string(debug.Stack())
			out = answer{Warnings: []warning{}, Panic: &msg}
		}
	}()
	sm := llb.NewSourceMap(nil, "Dockerfile", "Dockerfile", content)
	sm.Definition = &llb.Definition{}
	// Every LLB capability, as a current BuildKit daemon offers them.
	caps := pb.Caps.CapSet(pb.Caps.All())
	opt := dockerfile2llb.ConvertOpt{MetaResolver: emptyConfigResolver{}, SourceMap: sm, LLBCaps: &caps}
	res, err := dockerfile2llb.DockerfileLint(context.Background(), content, opt)
	if err != nil {
		msg := err.Error()
		return answer{Warnings: []warning{}, Error: &msg}
	}
	out.Warnings = []warning{}
	for _, w := range res.Warnings {
		line := 0
		if w.Location != nil && len(w.Location.Ranges) > 0 {
			line = int(w.Location.Ranges[0].Start.Line)
		}
		out.Warnings = append(out.Warnings, warning{Rule: w.RuleName, Line: line, Message: w.Detail})
	}
	if res.Error != nil {
		msg := res.Error.Message
		out.Error = &msg
	}
	return out
}
