package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// JSON writes the report as indented JSON followed by a newline. The lists
// a consumer iterates over — checks, credentials, each credential's
// endpoints and missing_scopes, each endpoint's missing_scopes and the
// egress sources — are written as [] rather than null when empty; the
// report itself is not changed. Endpoint scopes stay null when unknown,
// because null and [] mean different things there. HTML characters are not
// escaped (the JSON is not meant to be embedded in a page). It returns the
// writer's error, wrapped.
func JSON(w io.Writer, r report.Report) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(normalise(r)); err != nil {
		return fmt.Errorf("render: encode JSON report: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("render: write JSON report: %w", err)
	}
	return nil
}

// normalise returns a copy of r whose list fields are non-nil. It copies
// every slice and struct it changes, so r is never modified.
func normalise(r report.Report) report.Report {
	r.Checks = orEmpty(r.Checks)
	r.Causes = orEmpty(r.Causes)
	creds := make([]report.Credential, len(r.Credentials))
	for i, c := range r.Credentials {
		c.MissingScopes = orEmpty(c.MissingScopes)
		c.Endpoints = orEmpty(normaliseEndpoints(c.Endpoints))
		c.Activity = normaliseEndpoints(c.Activity)
		creds[i] = c
	}
	r.Credentials = creds
	if r.Egress != nil {
		e := *r.Egress
		e.Sources = orEmpty(e.Sources)
		r.Egress = &e
	}
	return r
}

// normaliseEndpoints returns a copy of eps whose list fields are
// non-nil; nil when eps is nil.
func normaliseEndpoints(eps []report.Endpoint) []report.Endpoint {
	if eps == nil {
		return nil
	}
	out := make([]report.Endpoint, len(eps))
	for i, e := range eps {
		e.MissingScopes = orEmpty(e.MissingScopes)
		out[i] = e
	}
	return out
}

// orEmpty returns s, or an empty non-nil slice when s is nil.
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
