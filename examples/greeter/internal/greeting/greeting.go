// Package greeting builds the greeter's messages.
package greeting

import "strings"

// For returns the greeting for name; an empty name greets the world.
func For(name string) string {
	name = strings.TrimSpace(name)
	if name == "" {
		name = "world"
	}
	return "Hello, " + name + "!"
}
