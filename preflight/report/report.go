package report

import "time"

// SchemaVersion is the version of the JSON report format. It is raised only
// when an existing field changes meaning or disappears; new fields may be
// added without raising it.
const SchemaVersion = 1

// Result is the verdict of a whole run.
type Result string

// The verdicts of a run, from best to worst for CI purposes.
const (
	ResultPass         Result = "pass"         // every check passed (warnings allowed unless fail-on: warning)
	ResultFail         Result = "fail"         // at least one check failed
	ResultInconclusive Result = "inconclusive" // no failure, but a check could not be completed
	ResultSkipped      Result = "skipped"      // nothing was checked (for example, no credential on a fork pull request)
)

// Status is the outcome of one check.
type Status string

// The outcomes of a check.
const (
	StatusPass         Status = "pass"
	StatusFail         Status = "fail"
	StatusWarn         Status = "warn"
	StatusNotice       Status = "notice" // worth knowing, never a failure (a declared endpoint no code calls)
	StatusSkip         Status = "skip"
	StatusInconclusive Status = "inconclusive"
)

// Report is the complete, renderable result of a run. The zero value is an
// empty report with no checks; nil slices mean "nothing of that kind".
type Report struct {
	// SchemaVersion is always SchemaVersion when produced by this package.
	SchemaVersion int `json:"version"`
	// Tool and ToolVersion name the program that produced the report.
	Tool        string `json:"tool"`
	ToolVersion string `json:"tool_version"`
	// Result is the overall verdict.
	Result Result `json:"result"`
	// Checks lists every check in the order it should be shown.
	Checks []Check `json:"checks"`
	// Causes groups the checks that need attention (failed, inconclusive,
	// warned, noticed) by root cause, the most severe first; empty when
	// none does.
	Causes []Cause `json:"causes"`
	// Credentials lists what was learned about each credential checked.
	Credentials []Credential `json:"credentials"`
	// Egress is the runner's egress address; nil when discovery was not run.
	Egress *Egress `json:"egress"`
	// StartedAt is when the run began; Duration how long it took.
	StartedAt time.Time `json:"started_at"`
	// DurationMS is the wall time of the run in milliseconds.
	DurationMS int64 `json:"duration_ms"`
}

// Position is a place in a file the user wrote: a config file or a workflow.
// Line and Column are 1-based; zero means unknown. An empty File means the
// value did not come from a file (a flag or an environment variable).
type Position struct {
	File   string `json:"file,omitempty"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
}

// IsZero reports whether p names no place at all.
func (p Position) IsZero() bool { return p.File == "" && p.Line == 0 && p.Column == 0 }

// String renders p as file:line:col, omitting unknown parts. It returns ""
// for the zero Position.
func (p Position) String() string {
	if p.IsZero() {
		return ""
	}
	s := p.File
	if p.Line > 0 {
		s += ":" + itoa(p.Line)
		if p.Column > 0 {
			s += ":" + itoa(p.Column)
		}
	}
	return s
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
