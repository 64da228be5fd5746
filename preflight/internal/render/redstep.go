package render

import (
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// redStep is the error annotation of a run whose step fails although no
// cause is an error: an inconclusive run (exit 3), or one that failed only
// on warnings because of fail-on: warning (exit 1). It reports false for
// any other run, whose failures are errors of their own.
func redStep(r report.Report) (Annotation, bool) {
	c := countChecks(r.Checks)
	switch {
	case r.Result == report.ResultInconclusive:
		title, what := "Run inconclusive", inconclusiveWhat(r.Checks)
		if what == "" {
			what = "every check"
		} else {
			title += ": " + what + " not verified"
		}
		return Annotation{
			Level: LevelError, Title: title,
			Message: "checkout-preflight could not verify " + what +
				": the run is inconclusive (exit 3), which fails the step; the warnings say why. " +
				"Re-run the job; if it keeps happening, check the runner's network and https://status.checkout.com",
		}, true
	case c.failedOnWarnings(r.Result):
		return Annotation{
			Level: LevelError,
			Title: "Failed on " + plural(c.warn, "warning", "warnings") + " (fail-on: warning)",
			Message: "checkout-preflight failed because fail-on is warning and there " + isAre(c.warn) + " " +
				plural(c.warn, "warning", "warnings") + " (exit 1); fix what the warnings say, or set fail-on: error to let warnings pass",
		}, true
	}
	return Annotation{}, false
}

// inconclusiveWhat names the inconclusive checks: "2 endpoints",
// "1 check", "2 endpoints and 1 other check"; "" when there are none.
func inconclusiveWhat(checks []report.Check) string {
	endpoints, others := 0, 0
	for _, c := range checks {
		switch {
		case c.Status != report.StatusInconclusive:
		case c.Endpoint != "":
			endpoints++
		default:
			others++
		}
	}
	var parts []string
	if endpoints > 0 {
		parts = append(parts, plural(endpoints, "endpoint", "endpoints"))
	}
	switch {
	case others > 0 && endpoints > 0:
		parts = append(parts, plural(others, "other check", "other checks"))
	case others > 0:
		parts = append(parts, plural(others, "check", "checks"))
	}
	return strings.Join(parts, " and ")
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}
