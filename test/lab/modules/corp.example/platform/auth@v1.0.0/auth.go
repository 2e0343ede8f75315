// Package auth is a synthetic private module served only by the goship build
// lab's module proxy: no public proxy or checksum database knows it.
package auth

import "strings"

// Verify reports whether token is a well-formed bearer token of the form
// "corp-<name>" and returns the name it carries.
func Verify(token string) (string, bool) {
	name, ok := strings.CutPrefix(token, "corp-")
	return name, ok && name != ""
}
