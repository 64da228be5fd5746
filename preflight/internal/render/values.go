package render

import (
	"strconv"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// endpointLine is the request line shown for an endpoint, in the
// catalog's spelling as titles use it: the method and the catalog's path
// template ("GET /disputes/{dispute_id}", however it was declared); the
// normalised declared path when no template matched; the line as declared
// when the method or both paths are empty.
func endpointLine(e report.Endpoint) string {
	p := e.Template
	if p == "" {
		p = e.Path
	}
	if (e.Method == "" || p == "") && e.Endpoint != "" {
		return e.Endpoint
	}
	return strings.TrimSpace(e.Method + " " + p)
}

// scopeText is the scope to add for an endpoint: its required scope, else
// its alternatives joined by " or ", else "unknown".
func scopeText(e report.Endpoint) string {
	switch {
	case e.RequiredScope != "":
		return e.RequiredScope
	case len(e.Scopes) > 0:
		return strings.Join(e.Scopes, " or ")
	default:
		return "unknown"
	}
}

// httpText renders an HTTP status code; "-" when no answer came.
func httpText(code int) string {
	if code == 0 {
		return "-"
	}
	return strconv.Itoa(code)
}

// duration renders a run's wall time: "350ms", "1.2s", "2m5s".
func duration(ms int64) string {
	switch {
	case ms < 0:
		return "0ms"
	case ms < 1000:
		return strconv.FormatInt(ms, 10) + "ms"
	case ms < 60_000:
		return strconv.FormatFloat(float64(ms)/1000, 'f', 1, 64) + "s"
	default:
		s := (ms + 500) / 1000
		return strconv.FormatInt(s/60, 10) + "m" + strconv.FormatInt(s%60, 10) + "s"
	}
}

// positionText renders where a check points, or "" when no file is known
// (a line without a file names no place a reader can open).
func positionText(p *report.Position) string {
	if p == nil || p.File == "" {
		return ""
	}
	return p.String()
}

// restSummary describes endpoints left out of a table: "27 endpoints
// authorized", or with more (other rows are shown) "3 more endpoints:
// 2 authorized, 1 not checked". It returns "" for none.
func restSummary(eps []report.Endpoint, more bool) string {
	if len(eps) == 0 {
		return ""
	}
	var labels []string
	n := map[string]int{}
	for _, e := range eps {
		label, _ := outcome(e.Status)
		if n[label] == 0 {
			labels = append(labels, label)
		}
		n[label]++
	}
	noun := plural(len(eps), "endpoint", "endpoints")
	if more {
		noun = plural(len(eps), "more endpoint", "more endpoints")
	}
	if len(labels) == 1 {
		return noun + " " + labels[0]
	}
	parts := make([]string, len(labels))
	for i, l := range labels {
		parts[i] = strconv.Itoa(n[l]) + " " + l
	}
	return noun + ": " + strings.Join(parts, ", ")
}

// needsRow reports an endpoint whose row every table shows: one that
// failed or could not be verified. Authorized and not-checked endpoints
// are folded away (a not-checked endpoint's cause is its credential's).
func needsRow(e report.Endpoint) bool {
	_, st := outcome(e.Status)
	return st == report.StatusFail || st == report.StatusInconclusive
}
