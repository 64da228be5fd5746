package render

import (
	"slices"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// Annotation levels, as GitHub names the workflow commands.
const (
	LevelError   = "error"
	LevelWarning = "warning"
	LevelNotice  = "notice"
)

// RunnerAnnotationLimit is how many annotations of each level GitHub shows
// for one step; pass it to Annotations.
const RunnerAnnotationLimit = 10

// maxTitleRunes caps an annotation title.
const maxTitleRunes = 100

// Annotation is one workflow annotation, not yet escaped for the workflow
// command (that is the writer's job).
type Annotation struct {
	// Level is LevelError, LevelWarning or LevelNotice.
	Level string
	// Title is a short headline on one line, e.g.
	// "Missing scope: POST /payments/{id}/refunds".
	Title string
	// Message is the finding's message; then, each on a line of its own,
	// the other positions ("also at …") and the remedy, when there are.
	Message string
	// File is where the finding points; empty when no file is known, and
	// then Line and Column are zero too.
	File string
	// Line and Column are 1-based; zero means unknown.
	Line, Column int
}

// Annotations returns one annotation per cause of r (Report.Causes), at
// its first position with a file, the others listed in its message ("also
// at f.yml:12, f.yml:13 and 3 more"): an error for a failure, a warning
// for a warning or an inconclusive finding, a notice for a notice. When
// the run was skipped, each skipped check becomes a notice explaining
// why. Every run that fails its step has an error: when no cause is a
// failure (the run is inconclusive, or failed only on warnings with
// fail-on: warning), an error saying why the step is red comes first.
//
// Within a level, the most important come first: probe safety; then
// configuration, credential and whole-run findings (run.deadline,
// run.interrupted); then scopes and endpoints; then egress; then anything
// else; report order is kept within each rank.
//
// maxPerLevel caps how many annotations of each level are returned (use
// RunnerAnnotationLimit); zero or less means no cap. When anything is cut,
// a final notice says "N more errors and M more warnings are listed in the
// job summary". Overflow is reported as a notice so that every error and
// warning slot shows a real finding; a notice slot is reserved for it, so
// no level ever exceeds maxPerLevel.
func Annotations(r report.Report, maxPerLevel int) []Annotation {
	var errs, warns, notices []rankedAnnotation
	if a, ok := redStep(r); ok {
		errs = append(errs, rankedAnnotation{rank: -1, Annotation: a})
	}
	for _, c := range r.Causes {
		a := rankedAnnotation{rank: rank(c.Check), Annotation: annotateCause(c)}
		switch c.Status {
		case report.StatusFail:
			a.Level = LevelError
			errs = append(errs, a)
		case report.StatusWarn, report.StatusInconclusive:
			a.Level = LevelWarning
			warns = append(warns, a)
		case report.StatusNotice:
			a.Level = LevelNotice
			notices = append(notices, a)
		}
	}
	for _, c := range skipNotes(r) {
		a := rankedAnnotation{rank: rank(c.ID), Annotation: annotateCheck(c)}
		a.Level = LevelNotice
		notices = append(notices, a)
	}
	return capped(maxPerLevel, errs, warns, notices)
}

// capped orders each level by rank and keeps at most maxPerLevel of each
// (no cap when it is zero or less), followed by the overflow notice when
// anything was cut.
func capped(maxPerLevel int, errs, warns, notices []rankedAnnotation) []Annotation {
	capOf := func(n int) int {
		if maxPerLevel <= 0 {
			return n
		}
		return min(n, maxPerLevel)
	}
	nErr, nWarn := capOf(len(errs)), capOf(len(warns))
	nNotice := capOf(len(notices))
	cut := nErr < len(errs) || nWarn < len(warns) || nNotice < len(notices)
	if cut && maxPerLevel > 0 && nNotice == maxPerLevel {
		nNotice-- // the last notice slot carries the overflow message
	}
	out := make([]Annotation, 0, nErr+nWarn+nNotice+1)
	for _, group := range []struct {
		list []rankedAnnotation
		n    int
	}{{errs, nErr}, {warns, nWarn}, {notices, nNotice}} {
		slices.SortStableFunc(group.list, func(a, b rankedAnnotation) int { return a.rank - b.rank })
		for _, a := range group.list[:group.n] {
			out = append(out, a.Annotation)
		}
	}
	if cut {
		out = append(out, overflow(len(errs)-nErr, len(warns)-nWarn, len(notices)-nNotice))
	}
	return out
}

type rankedAnnotation struct {
	Annotation
	rank int
}

// rank orders check ids by how much a reader needs them first.
func rank(id string) int {
	switch {
	case id == report.CheckProbeSafety:
		return 0
	case id == report.CheckConfig || strings.HasPrefix(id, "run.") ||
		strings.HasPrefix(id, "credential.") && id != report.CheckScopesGranted:
		return 1
	case id == report.CheckScopesGranted || id == report.CheckEndpointAuthorized:
		return 2
	case strings.HasPrefix(id, "egress."):
		return 3
	default:
		return 4
	}
}

// annotateCause is the annotation of one cause, without its level.
func annotateCause(c report.Cause) Annotation {
	ps := filePositions(c.Positions)
	msg := c.Message
	if also := alsoAt(ps, report.Position.String); also != "" {
		msg = joinLines(msg, also)
	}
	a := Annotation{Title: oneLineTitle(causeTitle(c)), Message: joinLines(msg, c.Remedy)}
	if len(ps) > 0 {
		a.File, a.Line, a.Column = ps[0].File, ps[0].Line, ps[0].Column
	}
	return a
}

// annotateCheck is the annotation of one check, without its level.
func annotateCheck(c report.Check) Annotation {
	title := c.Title
	if title == "" {
		title = c.ID
	}
	a := Annotation{Title: oneLineTitle(title), Message: joinLines(c.Message, c.Remedy)}
	if c.Position != nil && c.Position.File != "" {
		a.File, a.Line, a.Column = c.Position.File, c.Position.Line, c.Position.Column
	}
	return a
}

// oneLineTitle makes s a title: one line, single spaces, at most
// maxTitleRunes.
func oneLineTitle(s string) string {
	return clipRunes(strings.Join(strings.Fields(flatten(s)), " "), maxTitleRunes)
}

// joinLines joins the non-empty of a and b with a newline.
func joinLines(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "\n" + b
}

// overflow is the notice that says how many annotations were cut.
func overflow(errs, warns, notices int) Annotation {
	var parts []string
	if errs > 0 {
		parts = append(parts, plural(errs, "more error", "more errors"))
	}
	if warns > 0 {
		parts = append(parts, plural(warns, "more warning", "more warnings"))
	}
	if notices > 0 {
		parts = append(parts, plural(notices, "more notice", "more notices"))
	}
	verb := " are"
	if errs+warns+notices == 1 {
		verb = " is"
	}
	var list string
	switch len(parts) {
	case 1:
		list = parts[0]
	default:
		list = strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
	}
	return Annotation{
		Level:   LevelNotice,
		Title:   "More findings in the job summary",
		Message: list + verb + " listed in the job summary",
	}
}

// clipRunes shortens s to at most n runes, ending with "…" when cut.
func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
