// Command sumdb is goship's oracle for src/sumdb: golang.org/x/mod v0.43.0
// sumdb/note (Open, Sign, NewVerifier), sumdb/tlog (stored hashes, TreeHash,
// record and tree proofs, tiles and tile paths, tree notes and records),
// sumdb/dirhash (Hash1 over zips and folders), answering one JSON request
// per line (internal/jsonl), and a checksum database on loopback:
//
//	oracle-sumdb serve -name <name> [-modcache <dir>] [-skey <key>] [-prefill n] [-lie path@version,...]
//
// serves x/mod's sumdb.NewTestServer over HTTP on 127.0.0.1, with records
// computed from a module cache's download folder (<dir>/<escaped
// path>/@v/<version>.{ziphash,zip,mod}). It prints one JSON line
// {"url","vkey","skey"} and serves until stdin closes. -prefill adds n
// records of its own first (a different history under the same key: a
// fork); -lie makes the database record a wrong h1 for those modules' zips
// (a lying but correctly signed database).
package main

import (
	"bufio"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/mod/module"
	"golang.org/x/mod/sumdb"
	"golang.org/x/mod/sumdb/dirhash"
	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
	"goship.test/oracle/internal/jsonl"
)

func b64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

func unb64(s string) []byte {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func errType(err error) string {
	switch err.(type) {
	case nil:
		return ""
	case *note.UnverifiedNoteError:
		return "UnverifiedNoteError"
	case *note.InvalidSignatureError:
		return "InvalidSignatureError"
	case *note.UnknownVerifierError:
		return "UnknownVerifierError"
	}
	return "error"
}

// ---- note ----

type sigOut struct {
	Name   string `json:"name"`
	Hash   uint32 `json:"hash"`
	Base64 string `json:"base64"`
}

func sigs(list []note.Signature) []sigOut {
	out := []sigOut{}
	for _, s := range list {
		out = append(out, sigOut{s.Name, s.Hash, s.Base64})
	}
	return out
}

func noteOpen(raw json.RawMessage) any {
	var req struct {
		Msg  string   `json:"msg"`
		Keys []string `json:"keys"`
	}
	json.Unmarshal(raw, &req)
	var vs []note.Verifier
	for _, k := range req.Keys {
		v, err := note.NewVerifier(k)
		if err != nil {
			return map[string]any{"err": "key: " + err.Error()}
		}
		vs = append(vs, v)
	}
	n, err := note.Open(unb64(req.Msg), note.VerifierList(vs...))
	out := map[string]any{"err": errString(err), "errType": errType(err)}
	if e, ok := err.(*note.UnverifiedNoteError); ok {
		n = e.Note
	}
	if n != nil {
		out["text"] = n.Text
		out["sigs"] = sigs(n.Sigs)
		out["unverified"] = sigs(n.UnverifiedSigs)
	}
	return out
}

func noteVerifier(raw json.RawMessage) any {
	var req struct {
		Key string `json:"key"`
	}
	json.Unmarshal(raw, &req)
	v, err := note.NewVerifier(req.Key)
	if err != nil {
		return map[string]any{"err": err.Error()}
	}
	return map[string]any{"err": "", "name": v.Name(), "hash": v.KeyHash()}
}

func noteSign(raw json.RawMessage) any {
	var req struct {
		Text  string   `json:"text"`
		Skeys []string `json:"skeys"`
	}
	json.Unmarshal(raw, &req)
	var ss []note.Signer
	for _, k := range req.Skeys {
		s, err := note.NewSigner(k)
		if err != nil {
			return map[string]any{"err": err.Error()}
		}
		ss = append(ss, s)
	}
	msg, err := note.Sign(&note.Note{Text: req.Text}, ss...)
	return map[string]any{"err": errString(err), "msg": b64(msg)}
}

// ---- tlog ----

type memHashes []tlog.Hash

func (h memHashes) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(indexes))
	for i, x := range indexes {
		if x < 0 || x >= int64(len(h)) {
			return nil, fmt.Errorf("no hash %d", x)
		}
		out[i] = h[x]
	}
	return out, nil
}

func hashes(list []tlog.Hash) []string {
	out := []string{}
	for _, h := range list {
		out = append(out, h.String())
	}
	return out
}

func build(records []string) memHashes {
	var hs memHashes
	for i, r := range records {
		more, err := tlog.StoredHashes(int64(i), unb64(r), hs)
		if err != nil {
			panic(err)
		}
		hs = append(hs, more...)
	}
	return hs
}

// tlogLog builds a log of the given records and answers queries about it.
func tlogLog(raw json.RawMessage) any {
	var req struct {
		Records      []string   `json:"records"`
		TreeSizes    []int64    `json:"treeSizes"`
		RecordProofs [][2]int64 `json:"recordProofs"`
		TreeProofs   [][2]int64 `json:"treeProofs"`
		Tiles        []string   `json:"tiles"`
		NewTiles     [][3]int64 `json:"newTiles"`
	}
	json.Unmarshal(raw, &req)
	hs := build(req.Records)
	out := map[string]any{"stored": hashes(hs), "storedCount": tlog.StoredHashCount(int64(len(req.Records)))}
	var ths []string
	for _, n := range req.TreeSizes {
		h, err := tlog.TreeHash(n, hs)
		if err != nil {
			ths = append(ths, "err: "+err.Error())
			continue
		}
		ths = append(ths, h.String())
	}
	out["treeHashes"] = ths
	var rps [][]string
	for _, q := range req.RecordProofs {
		p, err := tlog.ProveRecord(q[0], q[1], hs)
		if err != nil {
			rps = append(rps, []string{"err: " + err.Error()})
			continue
		}
		rps = append(rps, hashes(p))
	}
	out["recordProofs"] = rps
	var tps [][]string
	for _, q := range req.TreeProofs {
		p, err := tlog.ProveTree(q[0], q[1], hs)
		if err != nil {
			tps = append(tps, []string{"err: " + err.Error()})
			continue
		}
		tps = append(tps, hashes(p))
	}
	out["treeProofs"] = tps
	var tiles []string
	for _, path := range req.Tiles {
		t, err := tlog.ParseTilePath(path)
		if err != nil {
			tiles = append(tiles, "err: "+err.Error())
			continue
		}
		data, err := tlog.ReadTileData(t, hs)
		if err != nil {
			tiles = append(tiles, "err: "+err.Error())
			continue
		}
		tiles = append(tiles, b64(data))
	}
	out["tiles"] = tiles
	var nts [][]string
	for _, q := range req.NewTiles {
		list := []string{}
		for _, t := range tlog.NewTiles(int(q[0]), q[1], q[2]) {
			list = append(list, t.Path())
		}
		nts = append(nts, list)
	}
	out["newTiles"] = nts
	return out
}

func checkProof(raw json.RawMessage) any {
	var req struct {
		Kind  string   `json:"kind"`
		Proof []string `json:"proof"`
		T     int64    `json:"t"`
		TH    string   `json:"th"`
		N     int64    `json:"n"`
		H     string   `json:"h"`
	}
	json.Unmarshal(raw, &req)
	var p []tlog.Hash
	for _, s := range req.Proof {
		h, err := tlog.ParseHash(s)
		if err != nil {
			return map[string]any{"err": "bad hash"}
		}
		p = append(p, h)
	}
	th, _ := tlog.ParseHash(req.TH)
	h, _ := tlog.ParseHash(req.H)
	var err error
	if req.Kind == "record" {
		err = tlog.CheckRecord(p, req.T, th, req.N, h)
	} else {
		err = tlog.CheckTree(p, req.T, th, req.N, h)
	}
	return map[string]any{"err": errString(err)}
}

func indexMath(raw json.RawMessage) any {
	var req struct {
		Level  int   `json:"level"`
		N      int64 `json:"n"`
		Index  int64 `json:"index"`
		Height int   `json:"height"`
	}
	json.Unmarshal(raw, &req)
	level, n := tlog.SplitStoredHashIndex(req.Index)
	return map[string]any{
		"stored":     tlog.StoredHashIndex(req.Level, req.N),
		"count":      tlog.StoredHashCount(req.N),
		"splitLevel": level,
		"splitN":     n,
		"tile":       tlog.TileForIndex(req.Height, req.Index).Path(),
	}
}

func tilePath(raw json.RawMessage) any {
	var req struct {
		Path string `json:"path"`
	}
	json.Unmarshal(raw, &req)
	t, err := tlog.ParseTilePath(req.Path)
	if err != nil {
		return map[string]any{"err": err.Error()}
	}
	return map[string]any{"err": "", "h": t.H, "l": t.L, "n": t.N, "w": t.W, "path": t.Path()}
}

func treeParse(raw json.RawMessage) any {
	var req struct {
		Text string `json:"text"`
	}
	json.Unmarshal(raw, &req)
	t, err := tlog.ParseTree([]byte(req.Text))
	if err != nil {
		return map[string]any{"err": err.Error()}
	}
	return map[string]any{"err": "", "n": t.N, "hash": t.Hash.String(), "format": string(tlog.FormatTree(t))}
}

func recordParse(raw json.RawMessage) any {
	var req struct {
		Msg string `json:"msg"`
	}
	json.Unmarshal(raw, &req)
	id, text, rest, err := tlog.ParseRecord(unb64(req.Msg))
	if err != nil {
		return map[string]any{"err": err.Error()}
	}
	return map[string]any{"err": "", "id": id, "text": b64(text), "rest": b64(rest)}
}

// ---- dirhash ----

func hashZip(raw json.RawMessage) any {
	var req struct {
		File string `json:"file"`
	}
	json.Unmarshal(raw, &req)
	h, err := dirhash.HashZip(req.File, dirhash.Hash1)
	return map[string]any{"hash": h, "err": errString(err)}
}

func hashDir(raw json.RawMessage) any {
	var req struct {
		Dir    string `json:"dir"`
		Prefix string `json:"prefix"`
	}
	json.Unmarshal(raw, &req)
	h, err := dirhash.HashDir(req.Dir, req.Prefix, dirhash.Hash1)
	return map[string]any{"hash": h, "err": errString(err)}
}

func hashFiles(raw json.RawMessage) any {
	var req struct {
		Files map[string]string `json:"files"`
	}
	json.Unmarshal(raw, &req)
	var names []string
	for n := range req.Files {
		names = append(names, n)
	}
	h, err := dirhash.Hash1(names, func(n string) (io.ReadCloser, error) {
		return io.NopCloser(strings.NewReader(string(unb64(req.Files[n])))), nil
	})
	return map[string]any{"hash": h, "err": errString(err)}
}

// ---- serve ----

// goSumFromCache computes a module's two go.sum lines from a module cache's
// download folder, as a real database records them.
func goSumFromCache(root string, lie map[string]bool) func(path, vers string) ([]byte, error) {
	return func(path, vers string) ([]byte, error) {
		ep, err := module.EscapePath(path)
		if err != nil {
			return nil, err
		}
		ev, err := module.EscapeVersion(vers)
		if err != nil {
			return nil, err
		}
		base := filepath.Join(root, ep, "@v", ev)
		modData, err := os.ReadFile(base + ".mod")
		if err != nil {
			return nil, os.ErrNotExist
		}
		modHash, err := dirhash.Hash1([]string{"go.mod"}, func(string) (io.ReadCloser, error) {
			return io.NopCloser(strings.NewReader(string(modData))), nil
		})
		if err != nil {
			return nil, err
		}
		zipHash := ""
		if b, err := os.ReadFile(base + ".ziphash"); err == nil {
			zipHash = strings.TrimSpace(string(b))
		} else if h, err := dirhash.HashZip(base+".zip", dirhash.Hash1); err == nil {
			zipHash = h
		} else {
			return nil, os.ErrNotExist
		}
		if lie[path+"@"+vers] {
			zipHash = "h1:" + base64.StdEncoding.EncodeToString(make([]byte, 32))
		}
		return []byte(fmt.Sprintf("%s %s %s\n%s %s/go.mod %s\n", path, vers, zipHash, path, vers, modHash)), nil
	}
}

func serve(args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	name := fs.String("name", "goship.test/sumdb", "database name")
	modcache := fs.String("modcache", "", "module cache download folder")
	skey := fs.String("skey", "", "signer key (default: a new one)")
	prefill := fs.Int("prefill", 0, "records of its own to add first")
	lieList := fs.String("lie", "", "path@version,... whose zip hash the database misstates")
	if err := fs.Parse(args); err != nil {
		return err
	}
	vkey := ""
	if *skey == "" {
		s, v, err := note.GenerateKey(rand.Reader, *name)
		if err != nil {
			return err
		}
		*skey, vkey = s, v
	} else {
		signer, err := note.NewSigner(*skey)
		if err != nil {
			return err
		}
		_ = signer
		vkey = verifierFromSigner(*skey)
	}
	lie := map[string]bool{}
	for _, m := range strings.Split(*lieList, ",") {
		if m != "" {
			lie[m] = true
		}
	}
	var prefilled = map[string][]byte{}
	gosum := goSumFromCache(*modcache, lie)
	ts := sumdb.NewTestServer(*skey, func(path, vers string) ([]byte, error) {
		if b, ok := prefilled[path+"@"+vers]; ok {
			return b, nil
		}
		if *modcache == "" {
			return nil, os.ErrNotExist
		}
		return gosum(path, vers)
	})
	for i := 0; i < *prefill; i++ {
		p := fmt.Sprintf("fork.example/m%d", i)
		prefilled[p+"@v1.0.0"] = []byte(fmt.Sprintf("%s v1.0.0 h1:%s\n%s v1.0.0/go.mod h1:%s\n", p, b64(make([]byte, 32)), p, b64(make([]byte, 32))))
		if _, err := ts.Lookup(nil, module.Version{Path: p, Version: "v1.0.0"}); err != nil {
			return err
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	var requests atomic.Int64
	h := sumdb.NewServer(ts)
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		h.ServeHTTP(w, r)
	}), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	line, _ := json.Marshal(map[string]string{"url": "http://" + ln.Addr().String(), "vkey": vkey, "skey": *skey})
	fmt.Println(string(line))
	io.Copy(io.Discard, bufio.NewReader(os.Stdin))
	fmt.Fprintf(os.Stderr, "sumdb: served %d requests\n", requests.Load())
	return srv.Close()
}

// verifierFromSigner derives the verifier key of a signer key by signing
// nothing: note has no exported function for it, so rebuild it.
func verifierFromSigner(skey string) string {
	parts := strings.SplitN(skey, "+", 5)
	if len(parts) != 5 {
		panic(errors.New("bad signer key"))
	}
	key := unb64(parts[4])
	priv := ed25519FromSeed(key[1:])
	v, err := note.NewEd25519VerifierKey(parts[2], priv)
	if err != nil {
		panic(err)
	}
	return v
}

func main() {
	jsonl.Main(map[string]jsonl.Handler{
		"note-open":     noteOpen,
		"note-verifier": noteVerifier,
		"note-sign":     noteSign,
		"tlog-log":      tlogLog,
		"tlog-check":    checkProof,
		"tlog-index":    indexMath,
		"tile-path":     tilePath,
		"tree-parse":    treeParse,
		"record-parse":  recordParse,
		"hash-zip":      hashZip,
		"hash-dir":      hashDir,
		"hash-files":    hashFiles,
	}, map[string]jsonl.Command{
		"serve": serve,
	})
}
