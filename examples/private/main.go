// Command private depends on corp.example/platform/auth, a module that only a
// private module proxy serves (in goship's build lab: the lab's own proxy).
// Build it with GOPRIVATE=corp.example so the public checksum database is
// never asked about it, and GONOPROXY=none so the private proxy serves it:
//
//	GOPROXY=<private proxy> GOPRIVATE=corp.example GONOPROXY=none go build .
package main

import (
	"fmt"
	"os"

	"corp.example/platform/auth"
)

func main() {
	token := "corp-gopher"
	if len(os.Args) > 1 {
		token = os.Args[1]
	}
	name, ok := auth.Verify(token)
	if !ok {
		fmt.Fprintln(os.Stderr, "invalid token")
		os.Exit(1)
	}
	fmt.Printf("token accepted for %s\n", name)
}
