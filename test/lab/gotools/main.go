// Command labtools is the build lab's Go helper. It makes module zips the way
// the go command does (golang.org/x/mod/zip, pinned in go.mod) so the lab's
// module proxy can serve private and synthetic modules, prints the go.sum
// lines for them (dirhash h1), and makes tampered copies of module zips for
// the proxy's "tamper" fault. It leaves out everything else of the proxy
// protocol: the proxy itself is test/lab/proxy.ts.
//
//	labtools module <srcdir> <module path> <version> <time RFC3339> <outroot>
//	    writes <outroot>/<escaped path>/@v/{<version>.zip,.mod,.info,list}
//	    and prints the two go.sum lines for the module.
//	labtools tamper <in.zip> <out.zip>
//	    copies a module zip, appending a comment to its first .go file, so the
//	    zip stays valid but its h1 hash no longer matches go.sum.
package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/mod/module"
	"golang.org/x/mod/sumdb/dirhash"
	modzip "golang.org/x/mod/zip"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "labtools:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("usage: labtools module|tamper ...")
	}
	switch args[0] {
	case "module":
		if len(args) != 6 {
			return fmt.Errorf("usage: labtools module <srcdir> <path> <version> <time> <outroot>")
		}
		return makeModule(args[1], args[2], args[3], args[4], args[5])
	case "tamper":
		if len(args) != 3 {
			return fmt.Errorf("usage: labtools tamper <in.zip> <out.zip>")
		}
		return tamper(args[1], args[2])
	}
	return fmt.Errorf("unknown command %q", args[0])
}

func makeModule(src, path, version, when, outRoot string) error {
	mv := module.Version{Path: path, Version: version}
	if err := module.Check(path, version); err != nil {
		return err
	}
	esc, err := module.EscapePath(path)
	if err != nil {
		return err
	}
	escVer, err := module.EscapeVersion(version)
	if err != nil {
		return err
	}
	dir := filepath.Join(outRoot, filepath.FromSlash(esc), "@v")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var zbuf bytes.Buffer
	if err := modzip.CreateFromDir(&zbuf, mv, src); err != nil {
		return err
	}
	zipPath := filepath.Join(dir, escVer+".zip")
	if err := writeAtomic(zipPath, zbuf.Bytes()); err != nil {
		return err
	}
	gomod, err := os.ReadFile(filepath.Join(src, "go.mod"))
	if err != nil {
		return err
	}
	if err := writeAtomic(filepath.Join(dir, escVer+".mod"), gomod); err != nil {
		return err
	}
	info, _ := json.Marshal(map[string]string{"Version": version, "Time": when})
	if err := writeAtomic(filepath.Join(dir, escVer+".info"), info); err != nil {
		return err
	}
	if err := addToList(filepath.Join(dir, "list"), version); err != nil {
		return err
	}
	h1, err := dirhash.HashZip(zipPath, dirhash.Hash1)
	if err != nil {
		return err
	}
	modHash, err := dirhash.Hash1([]string{"go.mod"}, func(string) (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(gomod)), nil
	})
	if err != nil {
		return err
	}
	fmt.Printf("%s %s %s\n%s %s/go.mod %s\n", path, version, h1, path, version, modHash)
	return nil
}

func addToList(listPath, version string) error {
	old, err := os.ReadFile(listPath)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	lines := strings.Fields(string(old))
	if !slices.Contains(lines, version) {
		lines = append(lines, version)
	}
	slices.Sort(lines)
	return writeAtomic(listPath, []byte(strings.Join(lines, "\n")+"\n"))
}

func tamper(in, out string) error {
	zr, err := zip.OpenReader(in)
	if err != nil {
		return err
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	done := false
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		if !done && strings.HasSuffix(f.Name, ".go") {
			data = append(data, []byte("\n// tampered by goship-lab\n")...)
			done = true
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
		if err != nil {
			return err
		}
		if _, err := w.Write(data); err != nil {
			return err
		}
	}
	if !done {
		return fmt.Errorf("%s has no .go file to tamper with", in)
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return writeAtomic(out, buf.Bytes())
}

func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".labtools-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}
