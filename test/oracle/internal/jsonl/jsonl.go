// Package jsonl is the request loop shared by goship's oracle commands. Each
// oracle (test/oracle/<area>) is its own main package so areas stay
// independent; all speak the same protocol: `oracle-<area> <subcommand>`
// reads one JSON request per line on stdin and writes one normalized JSON
// answer per line on stdout, in order, so one process serves a whole batch.
package jsonl

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"
)

// Handler answers one request; the value is marshalled as one output line.
type Handler func(req json.RawMessage) any

// Command does its own I/O (for example a benchmark) and returns an error.
type Command func(args []string) error

// Main dispatches os.Args[1] to a handler (request loop) or a command.
func Main(handlers map[string]Handler, commands map[string]Command) {
	if len(os.Args) < 2 {
		usage(handlers, commands)
	}
	name := os.Args[1]
	if c, ok := commands[name]; ok {
		if err := c(os.Args[2:]); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	h, ok := handlers[name]
	if !ok {
		usage(handlers, commands)
	}
	out := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	dec := json.NewDecoder(bufio.NewReaderSize(os.Stdin, 1<<20))
	for {
		var req json.RawMessage
		if err := dec.Decode(&req); err != nil {
			break
		}
		if err := enc.Encode(h(req)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

func usage(handlers map[string]Handler, commands map[string]Command) {
	var names []string
	for n := range handlers {
		names = append(names, n)
	}
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintf(os.Stderr, "usage: %s <%v> < requests.jsonl\n", os.Args[0], names)
	os.Exit(2)
}
