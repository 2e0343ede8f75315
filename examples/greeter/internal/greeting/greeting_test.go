package greeting

import "testing"

func TestFor(t *testing.T) {
	for in, want := range map[string]string{"": "Hello, world!", " Ada ": "Hello, Ada!"} {
		if got := For(in); got != want {
			t.Errorf("For(%q) = %q, want %q", in, got, want)
		}
	}
}
