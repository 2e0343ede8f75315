// Command api accepts jobs over HTTP (the first of this repository's two
// main packages; the other is cmd/worker).
package main

import (
	"encoding/json"
	"log"
	"net/http"
	"os"

	"example.com/goship/multi/internal/jobs"
)

func main() {
	http.HandleFunc("POST /jobs", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusAccepted)
		_ = json.NewEncoder(w).Encode(jobs.New(r.URL.Query().Get("name")))
	})
	addr := ":" + os.Getenv("PORT")
	if addr == ":" {
		addr = ":8081"
	}
	log.Printf("api listening on %s", addr)
	log.Fatal(http.ListenAndServe(addr, nil))
}
