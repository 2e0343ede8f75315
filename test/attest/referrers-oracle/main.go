// Command referrers-oracle is go-containerregistry as a reference for
// goship's referrers code: `serve ADDR` runs its in-memory registry with
// the OCI 1.1 referrers API enabled (pkg/registry, WithReferrersSupport) on
// loopback; `list REF@DIGEST [ARTIFACT_TYPE]` prints, as JSON, the
// referrers ggcr's client finds (remote.Referrers: the API, else the
// sha256-<hex> tag schema).
package main

import (
	"encoding/json"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"

	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/registry"
	"github.com/google/go-containerregistry/pkg/v1/remote"
)

func main() {
	if len(os.Args) < 3 {
		log.Fatal("usage: referrers-oracle serve ADDR | list REF@DIGEST [ARTIFACT_TYPE]")
	}
	switch os.Args[1] {
	case "serve":
		l, err := net.Listen("tcp", os.Args[2])
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("listening on %s\n", l.Addr())
		log.Fatal(http.Serve(l, registry.New(registry.WithReferrersSupport(true), registry.Logger(log.New(os.Stderr, "", 0)))))
	case "list":
		d, err := name.NewDigest(os.Args[2], name.Insecure)
		if err != nil {
			log.Fatal(err)
		}
		var opts []remote.Option
		if len(os.Args) > 3 {
			opts = append(opts, remote.WithFilter("artifactType", os.Args[3]))
		}
		idx, err := remote.Referrers(d, opts...)
		if err != nil {
			log.Fatal(err)
		}
		m, err := idx.IndexManifest()
		if err != nil {
			log.Fatal(err)
		}
		json.NewEncoder(os.Stdout).Encode(m)
	default:
		log.Fatalf("unknown command %q", os.Args[1])
	}
}
