// Package deps pins every reference package the oracles use, so `go mod tidy`
// keeps go.mod stable whichever oracle folder is being edited.
package deps

import (
	_ "github.com/moby/buildkit/frontend/dockerfile/dockerfile2llb"
	_ "github.com/moby/buildkit/frontend/dockerfile/instructions"
	_ "github.com/moby/buildkit/frontend/dockerfile/linter"
	_ "github.com/moby/buildkit/frontend/dockerfile/parser"
	_ "github.com/moby/buildkit/frontend/dockerfile/shell"
	_ "github.com/moby/patternmatcher"
	_ "github.com/moby/patternmatcher/ignorefile"
	_ "golang.org/x/mod/modfile"
	_ "golang.org/x/mod/module"
	_ "golang.org/x/mod/semver"
	_ "golang.org/x/mod/sumdb"
	_ "golang.org/x/mod/sumdb/dirhash"
	_ "golang.org/x/mod/sumdb/note"
	_ "golang.org/x/mod/sumdb/tlog"
	_ "golang.org/x/mod/zip"
	_ "mvdan.cc/sh/v3/syntax"
)
