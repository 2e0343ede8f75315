// Command goproject is goship's oracle for src/goproject: go/build/constraint
// (Go standard library) parsing and evaluating build-constraint lines,
// answering one JSON request per line (internal/jsonl).
package main

import (
	"encoding/json"
	"errors"

	"go/build/constraint"

	"goship.test/oracle/internal/jsonl"
)

type constraintReq struct {
	Line string     `json:"line"`
	Sets [][]string `json:"sets"`
}

type constraintRes struct {
	Err     string `json:"err,omitempty"`
	Offset  int    `json:"offset"`
	String  string `json:"string,omitempty"`
	GoBuild bool   `json:"goBuild"`
	Plus    bool   `json:"plus"`
	Eval    []bool `json:"eval"`
}

func parseConstraint(raw json.RawMessage) any {
	var req constraintReq
	if err := json.Unmarshal(raw, &req); err != nil {
		return constraintRes{Err: "bad request: " + err.Error()}
	}
	res := constraintRes{
		Offset:  -1,
		GoBuild: constraint.IsGoBuild(req.Line),
		Plus:    constraint.IsPlusBuild(req.Line),
		Eval:    []bool{},
	}
	x, err := constraint.Parse(req.Line)
	if err != nil {
		res.Err = err.Error()
		var se *constraint.SyntaxError
		if errors.As(err, &se) {
			res.Offset = se.Offset
		}
		return res
	}
	res.String = x.String()
	for _, set := range req.Sets {
		have := map[string]bool{}
		for _, t := range set {
			have[t] = true
		}
		res.Eval = append(res.Eval, x.Eval(func(tag string) bool { return have[tag] }))
	}
	return res
}

func main() {
	jsonl.Main(map[string]jsonl.Handler{
		"constraint": parseConstraint,
	}, nil)
}
