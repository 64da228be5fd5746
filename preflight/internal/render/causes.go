package render

import (
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// Renderers read the report's causes (report.Report.Causes, grouped by
// report.Causes); they never group checks themselves. The helpers here
// only describe a cause.

// causeChecks returns the checks a cause groups, in report order; an
// index outside r.Checks is skipped.
func causeChecks(r report.Report, c report.Cause) []report.Check {
	out := make([]report.Check, 0, len(c.Findings))
	for _, i := range c.Findings {
		if i >= 0 && i < len(r.Checks) {
			out = append(out, r.Checks[i])
		}
	}
	return out
}

// causeCount is the affected count shown with a cause: "14 endpoints"
// when it covers several endpoints, "3 findings" when it groups several
// findings none of which is about an endpoint; "" otherwise.
func causeCount(r report.Report, c report.Cause) string {
	checks := causeChecks(r, c)
	endpoints := 0
	for _, ch := range checks {
		if ch.Endpoint != "" {
			endpoints++
		}
	}
	switch {
	case endpoints > 1:
		return plural(endpoints, "endpoint", "endpoints")
	case endpoints == 0 && len(checks) > 1:
		return plural(len(checks), "finding", "findings")
	}
	return ""
}

// causeTitle is a cause's title, or its check id when it has none.
func causeTitle(c report.Cause) string {
	if c.Title == "" {
		return c.Check
	}
	return c.Title
}

// item is one entry of a fix list, a cause or a skipped run's check, as
// the Markdown and text renderers show it; nothing in it is escaped yet.
type item struct {
	status report.Status
	// title is never empty; count ("14 endpoints"), message and remedy
	// may be.
	title, count, id, message, remedy string
	// positions are where it is, each naming a file; nil when none does.
	positions []report.Position
}

// causeItem is the fix-list entry of a cause of r.
// The count is left out when the title already says it ("Not verified:
// 2 endpoints").
func causeItem(r report.Report, c report.Cause) item {
	it := item{status: c.Status, title: causeTitle(c), count: causeCount(r, c), id: c.Check,
		message: c.Message, remedy: c.Remedy, positions: filePositions(c.Positions)}
	if strings.Contains(it.title, it.count) {
		it.count = ""
	}
	return it
}

// checkItem is the fix-list entry of one check.
func checkItem(c report.Check) item {
	it := item{status: c.Status, title: c.Title, id: c.ID, message: c.Message, remedy: c.Remedy}
	if it.title == "" {
		it.title = c.ID
	}
	if c.Position != nil {
		it.positions = filePositions([]report.Position{*c.Position})
	}
	return it
}

// filePositions returns the positions that name a file, the only ones a
// reader can open.
func filePositions(ps []report.Position) []report.Position {
	var out []report.Position
	for _, p := range ps {
		if p.File != "" {
			out = append(out, p)
		}
	}
	return out
}

// maxListedPositions is how many positions a list names before "and N
// more".
const maxListedPositions = 3

// alsoAt lists the positions after the first: "also at f.yml:12,
// f.yml:13 and 3 more"; "" when there is at most one. Each position is
// rendered by show.
func alsoAt(ps []report.Position, show func(report.Position) string) string {
	if len(ps) < 2 {
		return ""
	}
	return "also at " + listPositions(ps[1:], show)
}

// listPositions names up to maxListedPositions positions, then how many
// more: "a, b, c and 2 more". Each position is rendered by show.
func listPositions(ps []report.Position, show func(report.Position) string) string {
	n := min(len(ps), maxListedPositions)
	names := make([]string, n)
	for i, p := range ps[:n] {
		names[i] = show(p)
	}
	switch rest := len(ps) - n; {
	case rest > 0:
		return strings.Join(names, ", ") + " and " + plural(rest, "more", "more")
	case n > 1:
		return strings.Join(names[:n-1], ", ") + " and " + names[n-1]
	default:
		return names[0]
	}
}

// skipNotes returns, for a skipped run, the checks that say why nothing
// was checked; nil for any other run.
func skipNotes(r report.Report) []report.Check {
	if r.Result != report.ResultSkipped {
		return nil
	}
	var out []report.Check
	for _, c := range r.Checks {
		if c.Status == report.StatusSkip {
			out = append(out, c)
		}
	}
	return out
}
