// Command worker runs one job and exits (the second main package of this
// repository; the other is cmd/api).
package main

import (
	"fmt"
	"os"

	"example.com/goship/multi/internal/jobs"
)

func main() {
	name := "default"
	if len(os.Args) > 1 {
		name = os.Args[1]
	}
	j := jobs.New(name)
	fmt.Printf("worker ran job %s (%s)\n", j.Name, j.ID)
}
