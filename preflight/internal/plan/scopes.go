package plan

import (
	"fmt"
	"slices"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/probe"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/spec"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/textdist"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// scopes returns the scopes declared directly, each once. An unknown name
// is only a warning: the catalog lags behind Checkout.com, so the scope is
// still requested.
func (b *builder) scopes(in spec.Credential) []string {
	var out []string
	for _, v := range in.Scopes {
		if _, ok := b.cat.Scope(v.Text); !ok {
			b.others = append(b.others, unknownScope(in.Name, v, b.cat))
		}
		if !slices.Contains(out, v.Text) {
			out = append(out, v.Text)
		}
	}
	return out
}

// scopeTargets proves scopes declared for a secret key, which has no
// introspection, by probing one endpoint each scope grants (a lookup by id
// where there is one), unless a declared endpoint needs it already. A scope
// no catalog endpoint requires is reported as unverifiable.
func (b *builder) scopeTargets(name string, declared []Target, scopes []string) []Target {
	var out []Target
	for _, scope := range scopes {
		if slices.ContainsFunc(declared, func(t Target) bool { return t.Op.RequiredScope() == scope }) {
			continue
		}
		op, ok := representative(b.cat, scope)
		if !ok {
			b.others = append(b.others, unverifiableScope(b.cat, name, scope))
			continue
		}
		decl := config.Endpoint{Method: op.Method, Path: op.Path, Raw: fmt.Sprintf("%s %s (for scope %s)", op.Method, op.Path, scope)}
		out = append(out, Target{Decl: decl, Op: op, Probe: probe.For(op), Origin: OriginScope, Scope: scope})
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
		if !catalog.ValidScopeName(s.Name) {
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
