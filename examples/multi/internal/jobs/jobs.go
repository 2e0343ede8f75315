// Package jobs is the code shared by the two commands of this example.
package jobs

import "github.com/google/uuid"

// Job is one unit of work.
type Job struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// New returns a job with a fresh id.
func New(name string) Job {
	return Job{ID: uuid.NewString(), Name: name}
}
