package render

import (
	"strconv"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// product is how the job summary names the run.
const product = "Checkout.com preflight"

// defaultTool names the program when a report does not.
const defaultTool = "checkout-preflight"

// toolName returns r.Tool, or defaultTool when it is empty.
func toolName(r report.Report) string {
	if r.Tool == "" {
		return defaultTool
	}
	return r.Tool
}

// counts tallies checks by status.
type counts struct {
	total, pass, fail, warn, notice, inconclusive, skip int
}

func countChecks(checks []report.Check) counts {
	c := counts{total: len(checks)}
	for _, ch := range checks {
		switch ch.Status {
		case report.StatusPass:
			c.pass++
		case report.StatusFail:
			c.fail++
		case report.StatusWarn:
			c.warn++
		case report.StatusNotice:
			c.notice++
		case report.StatusInconclusive:
			c.inconclusive++
		default:
			c.skip++
		}
	}
	return c
}

// failedOnWarnings reports a run that failed only because of fail-on:
// warning: its result is fail, yet no check failed (judge.Verdict fails a
// run on a warning only then).
func (c counts) failedOnWarnings(res report.Result) bool {
	return res == report.ResultFail && c.fail == 0 && c.warn > 0
}

// plural returns "1 check" or "2 checks".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// extras lists the counts a verdict mentions after its main clause.
func (c counts) extras(inconclusive bool) []string {
	var s []string
	if inconclusive && c.inconclusive > 0 {
		s = append(s, strconv.Itoa(c.inconclusive)+" inconclusive")
	}
	if c.warn > 0 {
		s = append(s, plural(c.warn, "warning", "warnings"))
	}
	if c.notice > 0 {
		s = append(s, plural(c.notice, "notice", "notices"))
	}
	return s
}

// textVerdict is the terminal verdict after the tool name, e.g.
// "2 checks failed, 1 warning".
func textVerdict(res report.Result, c counts) string {
	var parts []string
	switch res {
	case report.ResultFail:
		if c.failedOnWarnings(res) {
			return "failed on " + plural(c.warn, "warning", "warnings") + " (fail-on: warning)"
		}
		parts = append([]string{plural(c.fail, "check", "checks") + " failed"}, c.extras(true)...)
	case report.ResultInconclusive:
		parts = append([]string{plural(c.inconclusive, "check", "checks") + " inconclusive"}, c.extras(false)...)
	case report.ResultSkipped:
		return "skipped, nothing was checked"
	default:
		return passClause(c)
	}
	return strings.Join(parts, ", ")
}

// passClause describes a passing run: "all 7 checks passed" or
// "6 of 7 checks passed, 1 warning".
func passClause(c counts) string {
	switch {
	case c.total == 0:
		return "no checks were run"
	case c.pass == c.total:
		if c.total == 1 {
			return "the only check passed"
		}
		return "all " + strconv.Itoa(c.total) + " checks passed"
	}
	parts := []string{strconv.Itoa(c.pass) + " of " + plural(c.total, "check", "checks") + " passed"}
	parts = append(parts, c.extras(true)...)
	if c.skip > 0 {
		parts = append(parts, strconv.Itoa(c.skip)+" skipped")
	}
	return strings.Join(parts, ", ")
}

// markdownVerdict is the first line of the job summary, e.g.
// "### ❌ Checkout.com preflight failed — 2 of 7 checks failed".
func markdownVerdict(res report.Result, c counts) string {
	of := func(n int, what string) string {
		return strconv.Itoa(n) + " of " + plural(c.total, "check", "checks") + " " + what
	}
	var icon, word string
	var parts []string
	switch res {
	case report.ResultFail:
		icon, word = "❌", "failed"
		parts = append([]string{of(c.fail, "failed")}, c.extras(true)...)
		if c.failedOnWarnings(res) {
			parts = []string{plural(c.warn, "warning", "warnings") + " and fail-on: warning"}
		}
	case report.ResultInconclusive:
		icon, word = "❔", "inconclusive"
		parts = append([]string{of(c.inconclusive, "could not be completed")}, c.extras(false)...)
	case report.ResultSkipped:
		icon, word = "⏭️", "skipped"
		parts = []string{"nothing was checked"}
	default:
		icon, word = "✅", "passed"
		if c.warn > 0 {
			icon, word = "⚠️", "passed with "+plural(c.warn, "warning", "warnings")
		}
		parts = []string{passClause(c)}
	}
	return "### " + icon + " " + product + " " + word + " — " + strings.Join(parts, ", ")
}

// Status glyphs for terminal text (one cell wide) and icons for Markdown.
func textGlyph(s report.Status) string {
	switch s {
	case report.StatusPass:
		return "✓"
	case report.StatusFail:
		return "✗"
	case report.StatusWarn:
		return "!"
	case report.StatusNotice:
		return "i"
	case report.StatusInconclusive:
		return "?"
	default:
		return "-"
	}
}

func markdownIcon(s report.Status) string {
	switch s {
	case report.StatusPass:
		return "✅"
	case report.StatusFail:
		return "❌"
	case report.StatusWarn:
		return "⚠️"
	case report.StatusNotice:
		return "ℹ️"
	case report.StatusInconclusive:
		return "❔"
	default:
		return "⏭️"
	}
}

// resultStatus maps a run verdict to the status whose glyph shows it.
func resultStatus(res report.Result) report.Status {
	switch res {
	case report.ResultFail:
		return report.StatusFail
	case report.ResultInconclusive:
		return report.StatusInconclusive
	case report.ResultSkipped:
		return report.StatusSkip
	default:
		return report.StatusPass
	}
}

// outcome describes one endpoint outcome: its label and the check status
// it corresponds to (which picks glyph, icon and colour).
func outcome(endpointStatus report.EndpointStatus) (label string, s report.Status) {
	switch endpointStatus {
	case report.EndpointAuthorized:
		return "authorized", report.StatusPass
	case report.EndpointForbidden:
		return "forbidden", report.StatusFail
	case report.EndpointUnauthenticated:
		return "unauthenticated", report.StatusFail
	case report.EndpointMissingScope:
		return "missing scope", report.StatusFail
	case report.EndpointInconclusive:
		return "inconclusive", report.StatusInconclusive
	case report.EndpointUnexpectedSuccess:
		return "unexpected success", report.StatusFail
	case report.EndpointNotChecked, "":
		return "not checked", report.StatusSkip
	default:
		return strings.ReplaceAll(string(endpointStatus), "_", " "), report.StatusInconclusive
	}
}

// endpointIcon is the Markdown icon of an endpoint outcome; an unexpected
// success gets a siren because a probe must never succeed.
func endpointIcon(endpointStatus report.EndpointStatus) string {
	if endpointStatus == report.EndpointUnexpectedSuccess {
		return "🚨"
	}
	_, s := outcome(endpointStatus)
	return markdownIcon(s)
}

// activeWord renders Credential.Active.
func activeWord(active *bool) (string, report.Status) {
	switch {
	case active == nil:
		return "unknown", report.StatusInconclusive
	case *active:
		return "yes", report.StatusPass
	default:
		return "no", report.StatusFail
	}
}

// egressVerdict renders the allowlist verdict, without the matched entry.
func egressVerdict(e report.Egress) (string, report.Status) {
	switch {
	case e.Allowed != nil && *e.Allowed:
		return "allowed", report.StatusPass
	case e.Allowed != nil:
		return "not on the allowlist", report.StatusFail
	case e.IPv4 == "" && e.IPv6 == "":
		return "unknown, no address was found", report.StatusInconclusive
	case len(e.Allowlist) == 0:
		return "no allowlist given", report.StatusSkip
	default:
		return "unknown", report.StatusInconclusive
	}
}

// omittedNote is the note left where rows of a table or list were cut.
func omittedNote(n int, allPassed bool) string {
	if allPassed {
		return plural(n, "passing row", "passing rows") + " omitted; see the JSON report"
	}
	return plural(n, "more row", "more rows") + " omitted; see the JSON report"
}
