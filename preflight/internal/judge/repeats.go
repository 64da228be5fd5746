package judge

import (
	"fmt"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// MaxRepeats is how many findings of one kind (the same check, status,
// title and credential) are listed; the rest are counted in one more
// finding, so that a pasted list of thousands of bad lines gives a
// readable report of bounded size.
const MaxRepeats = 10

// capRepeats keeps the first max findings of each kind, in order, and puts
// after the last one kept a finding that counts those left out.
func capRepeats(checks []report.Check, max int) []report.Check {
	type kind struct{ id, status, title, credential string }
	keyOf := func(c report.Check) kind { return kind{c.ID, string(c.Status), c.Title, c.Credential} }
	total := map[kind]int{}
	for _, c := range checks {
		total[keyOf(c)]++
	}
	var out []report.Check
	seen := map[kind]int{}
	for _, c := range checks {
		k := keyOf(c)
		seen[k]++
		switch n := seen[k]; {
		case n <= max:
			out = append(out, c)
			if n == max && total[k] > max {
				out = append(out, report.Check{ID: c.ID, Status: c.Status, Credential: c.Credential,
					Title:   c.Title + " (more)",
					Message: fmt.Sprintf("%d more findings like the ones above are not listed", total[k]-max),
					Remedy:  c.Remedy})
			}
		}
	}
	return out
}
