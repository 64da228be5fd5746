package command

import (
	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/probe"
)

// operationRow is one catalog operation as `scopes` and `catalog` print it
// in JSON (documented in README.md): the one representation of an
// endpoint outside the report.
type operationRow struct {
	// Endpoint is the line as given to `scopes`; empty for `catalog`.
	Endpoint      string   `json:"endpoint,omitempty"`
	Method        string   `json:"method"`
	Template      string   `json:"template"`
	Host          string   `json:"host"`
	Summary       string   `json:"summary"`
	Status        string   `json:"status"`
	Scopes        []string `json:"scopes"`
	KnownScopes   bool     `json:"known_scopes"`
	RequiredScope string   `json:"required_scope,omitempty"`
	ScopeHints    []string `json:"scope_hints,omitempty"`
	// Probe is the request the tool sends for the operation; nil for
	// `scopes`.
	Probe *probeRow `json:"probe,omitempty"`
}

type probeRow struct {
	Method string `json:"method"`
	Path   string `json:"path"`
	Query  string `json:"query,omitempty"`
	Body   string `json:"body,omitempty"`
	Shape  string `json:"shape"`
	Skip   string `json:"skip,omitempty"`
}

func newOperationRow(op catalog.Operation) operationRow {
	return operationRow{
		Method: op.Method, Template: op.Path, Host: op.Host, Summary: op.Summary, Status: op.Status,
		Scopes: nonNil(op.Scopes()), KnownScopes: op.KnownScopes(), RequiredScope: op.RequiredScope(),
		ScopeHints: op.ScopeHints,
	}
}

// withProbe adds the probe the tool sends for op.
func (r operationRow) withProbe(op catalog.Operation) operationRow {
	p := probe.For(op)
	r.Probe = &probeRow{Method: p.Method, Path: p.Path, Query: p.Query, Body: string(p.Body), Shape: p.Shape, Skip: p.Skip}
	return r
}
