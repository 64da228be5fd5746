package discover

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// JSONVersion is the version of the JSON document WriteJSON writes. It
// changes only when a field changes meaning or is removed; fields may be
// added without a change.
const JSONVersion = 1

// jsonResult is the JSON form of a Result.
type jsonResult struct {
	Version       int            `json:"version"`
	Calls         []jsonCall     `json:"calls"`
	FilesScanned  int            `json:"files_scanned"`
	Skipped       []jsonSkipped  `json:"skipped"`
	SkippedCounts map[string]int `json:"skipped_counts"`
}

type jsonCall struct {
	File       string   `json:"file"`
	Line       int      `json:"line"`
	Column     int      `json:"column"`
	Endpoint   string   `json:"endpoint"`
	Method     string   `json:"method"`
	Path       string   `json:"path"`
	Host       string   `json:"host"`
	Platform   string   `json:"platform"`
	Language   string   `json:"language"`
	Via        string   `json:"via"`
	SDK        string   `json:"sdk"`
	Symbol     string   `json:"symbol"`
	Scopes     []string `json:"scopes"`
	Confidence string   `json:"confidence"`
	Known      bool     `json:"known"`
	Test       bool     `json:"test"`
}

type jsonSkipped struct {
	File   string `json:"file"`
	Reason string `json:"reason"`
}

// WriteJSON writes r as one JSON document (version JSONVersion):
//
//	{"version": 1, "calls": [{"file", "line", "column", "endpoint",
//	  "method", "path", "host", "platform", "language", "via", "sdk",
//	  "symbol", "scopes", "confidence", "known", "test"}],
//	 "files_scanned": N, "skipped": [{"file", "reason"}],
//	 "skipped_counts": {"reason": N}}
//
// "scopes" is null when unknown (or for the previous platform, which has
// none) and [] when no OAuth scope grants the endpoint; "sdk" is "" for
// raw HTTP. Lists are [] rather than null when empty.
func WriteJSON(w io.Writer, r Result) error {
	out := jsonResult{Version: JSONVersion, Calls: []jsonCall{}, FilesScanned: r.FilesScanned, Skipped: []jsonSkipped{}, SkippedCounts: map[string]int{}}
	for _, c := range r.Calls {
		out.Calls = append(out.Calls, jsonCall{
			File: c.File, Line: c.Line, Column: c.Column, Endpoint: c.Endpoint(), Method: c.Method, Path: c.Path, Host: c.Host,
			Platform: c.Platform, Language: c.Language, Via: c.Via, SDK: c.SDK, Symbol: c.Symbol, Scopes: c.Scopes,
			Confidence: c.Confidence, Known: c.Known, Test: c.Test,
		})
	}
	for _, s := range r.Skipped {
		out.Skipped = append(out.Skipped, jsonSkipped(s))
	}
	for k, v := range r.SkippedCounts {
		out.SkippedCounts[k] = v
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("writing the JSON result: %w", err)
	}
	return nil
}

// WriteText writes one line per call,
//
//	file:line:col: METHOD /template  (how it was recognised)  needs SCOPE
//
// then a summary line. The scope part says "needs S (or T, U)" for the
// most specific scope that grants the endpoint and its alternatives,
// "scope unknown" when the catalog does not say, "previous platform: no
// scopes", "token endpoint: no scope", or "no OAuth scope grants it".
func WriteText(w io.Writer, r Result) error {
	var b strings.Builder
	files := map[string]bool{}
	for _, c := range r.Calls {
		files[c.File] = true
		fmt.Fprintf(&b, "%s:%d:%d: %s %s  (%s)  %s\n", c.File, c.Line, c.Column, c.Method, c.Path, howText(c), scopeText(c))
	}
	fmt.Fprintf(&b, "%d %s in %d %s; %d source %s scanned%s\n",
		len(r.Calls), plural(len(r.Calls), "call", "calls"), len(files), plural(len(files), "file", "files"),
		r.FilesScanned, plural(r.FilesScanned, "file", "files"), skippedText(r.SkippedCounts))
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("writing the result: %w", err)
	}
	return nil
}

func howText(c Call) string {
	var parts []string
	if c.Via == "http" {
		parts = append(parts, "raw HTTP "+c.Symbol)
		if c.Host != "api" {
			parts[0] += " to " + c.Host
		}
	} else {
		parts = append(parts, c.How)
	}
	if c.Platform == "abc" {
		parts = append(parts, "previous platform")
	}
	if !c.Known {
		parts = append(parts, "not in the catalog")
	}
	if c.Confidence != "high" {
		parts = append(parts, c.Confidence+" confidence")
	}
	if c.Test {
		parts = append(parts, "test")
	}
	return strings.Join(parts, ", ")
}

func scopeText(c Call) string {
	switch {
	case c.Platform == "abc":
		return "previous platform: no scopes"
	case c.Host == "access" && c.Method == "POST" && c.Path == "/connect/token":
		return "token endpoint: no scope"
	case c.Scopes == nil:
		return "scope unknown"
	case len(c.Scopes) == 0:
		return "no OAuth scope grants it"
	}
	best := mostSpecific(c.Scopes)
	others := slices.DeleteFunc(slices.Clone(c.Scopes), func(s string) bool { return s == best })
	if len(others) == 0 {
		return "needs " + best
	}
	return "needs " + best + " (or " + strings.Join(others, ", ") + ")"
}

// mostSpecific returns the scope with the most ':'-separated parts; the
// first such in order.
func mostSpecific(scopes []string) string {
	best, depth := "", -1
	for _, s := range scopes {
		if d := strings.Count(s, ":"); d > depth {
			best, depth = s, d
		}
	}
	return best
}

func skippedText(counts map[string]int) string {
	if len(counts) == 0 {
		return ""
	}
	var keys []string
	for k := range counts {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%d %s", counts[k], k))
	}
	return "; skipped " + strings.Join(parts, ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
