package engine

import (
	"fmt"
	"slices"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/probe"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/textdist"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// planScopes validates scopes declared directly. An unknown name is only a
// warning: the catalog lags behind Checkout.com, so the scope is still
// requested.
func (p *plan) planScopes(cat *catalog.Catalog, in CredentialInput) []string {
	values, err := config.ParseScopes(in.Scopes)
	p.configErrors(err)
	var out []string
	for _, v := range values {
		if _, ok := cat.Scope(v.Text); !ok {
			p.checks = append(p.checks, unknownScope(in.Name, v, cat))
		}
		if !contains(out, v.Text) {
			out = append(out, v.Text)
		}
	}
	return out
}

// scopeProbes verifies scopes declared for a secret key, which has no
// introspection, by probing one endpoint that each scope grants (a lookup
// by id where there is one), unless a declared endpoint needs it already.
// A scope no catalog endpoint requires is reported as unverifiable.
func (p *plan) scopeProbes(cat *catalog.Catalog, cp *credPlan) []*endpointPlan {
	var out []*endpointPlan
	for _, scope := range cp.scopes {
		if slices.ContainsFunc(cp.endpoints, func(ep *endpointPlan) bool { return ep.op.RequiredScope() == scope }) {
			continue
		}
		op, ok := representative(cat, scope)
		if !ok {
			p.checks = append(p.checks, unverifiableScope(cat, cp.in.Name, scope))
			continue
		}
		decl := config.Endpoint{Method: op.Method, Path: op.Path, Raw: fmt.Sprintf("%s %s (for scope %s)", op.Method, op.Path, scope)}
		ep := &endpointPlan{decl: decl, op: op, probe: probe.For(op)}
		ep.rep = report.Endpoint{Endpoint: decl.Raw, Method: op.Method, Path: op.Path, Template: op.Path, Host: op.Host,
			Scopes: op.Scopes(), RequiredScope: scope, Status: report.EndpointNotChecked, MissingScopes: []string{}}
		out = append(out, ep)
	}
	return out
}

// unverifiableScope warns about a declared scope that no endpoint needs as
// its most specific scope, such as a parent scope.
func unverifiableScope(cat *catalog.Catalog, name, scope string) report.Check {
	msg := fmt.Sprintf("no endpoint in the catalog needs scope %q as its most specific scope, so a secret key cannot be checked for it", scope)
	var children []string
	for _, s := range cat.Scopes() {
		if catalog.Parent(s.Name) == scope {
			children = append(children, s.Name)
		}
	}
	if len(children) > 0 {
		msg = fmt.Sprintf("%q is a parent scope (of %s); a secret key can only be checked for the specific scopes its endpoints need", scope, strings.Join(children, ", "))
	}
	return report.Check{ID: report.CheckConfig, Status: report.StatusWarn, Credential: name, Title: "Scope not verifiable",
		Message: msg, Remedy: "declare the endpoints the service calls instead; each is checked for the scope it needs"}
}

// representative picks the endpoint whose most specific scope is scope,
// preferring a GET on the API host that addresses an id.
func representative(cat *catalog.Catalog, scope string) (catalog.Operation, bool) {
	best, score := catalog.Operation{}, -1
	for _, op := range cat.Operations() {
		if op.RequiredScope() != scope || op.SandboxOnly || op.ProductionOnly {
			continue
		}
		s := 0
		if op.Method == "GET" {
			s += 4
		}
		if op.Host == "api" {
			s += 2
		}
		if strings.Contains(op.Path, "{") {
			s++
		}
		if probe.For(op).Skip == "" && s > score {
			best, score = op, s
		}
	}
	return best, score >= 0
}

// unknownScope warns about a scope name the catalog does not know,
// suggesting the closest known names.
func unknownScope(name string, v config.Value, cat *catalog.Catalog) report.Check {
	msg := fmt.Sprintf("scope %q is not in the catalog", v.Text)
	if close := closestScopes(cat, v.Text, 3); len(close) > 0 {
		msg += "; did you mean " + strings.Join(close, " or ") + "?"
	}
	return report.Check{
		ID: report.CheckConfig, Status: report.StatusWarn, Credential: name, Title: "Unknown scope",
		Message: msg, Position: positionOf(v.Pos),
		Remedy: "check the spelling; if Checkout.com added the scope recently, ignore this: OAuth access keys are still asked for it",
	}
}

// closestScopes returns up to n known scope names within a few edits of
// name, closest first.
func closestScopes(cat *catalog.Catalog, name string, n int) []string {
	type scored struct {
		name string
		d    int
	}
	var all []scored
	for _, s := range cat.Scopes() {
		if strings.Contains(s.Name, " ") {
			continue // SDK labels such as "Payment Context", not scope names
		}
		if d := textdist.Levenshtein(s.Name, name); d <= max(2, len(name)/4) {
			all = append(all, scored{s.Name, d})
		}
	}
	slices.SortStableFunc(all, func(a, b scored) int { return a.d - b.d })
	var out []string
	for _, s := range all[:min(n, len(all))] {
		out = append(out, s.name)
	}
	return out
}
