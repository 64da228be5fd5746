package plan

import (
	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/probe"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// Call is one place in the code that makes a Checkout.com request, as
// discovery found it.
type Call struct {
	// Method and Path are the request: Path in the catalog's template
	// spelling when Known, else the code's with parameters "{}".
	Method, Path string
	// Host is the first label of the request's host ("api", "files",
	// "access", …).
	Host string
	// Known is true when the scanner matched the endpoint to the catalog or
	// to the previous platform's operations.
	Known bool
	// Pos is where the call is, relative to the workspace.
	Pos report.Position
	// Symbol is what the code calls ("cko.payments.refund").
	Symbol string
}

// WithCalls returns the plan made again with the calls discovery found
// for each credential: byCredential parallels Credentials (nil or short
// means none for the rest). A call whose endpoint a target already sends
// joins that target's Calls; a call of another catalog endpoint becomes a
// target of its own (OriginDiscovered); a call the catalog does not know
// goes to Unmatched. Token requests (host "access") are the access key's
// own business and are left out.
func (p Plan) WithCalls(byCredential [][]Call) Plan {
	if p.Invalid {
		return p
	}
	cat := p.cat
	if cat == nil {
		cat = catalog.Default()
	}
	return build(p.Run, cat, byCredential)
}

// addCalls files calls into targets (appending new discovered targets)
// and returns the calls the catalog does not know.
func (b *builder) addCalls(targets []Target, calls []Call) ([]Target, []Call) {
	var unmatched []Call
	for _, call := range calls {
		if call.Host == "access" {
			continue
		}
		m, err := b.cat.Match(call.Method, "https://"+call.Host+".checkout.com"+call.Path)
		if err != nil {
			unmatched = append(unmatched, call)
			continue
		}
		i := targetOf(targets, m.Operation.Method, m.Operation.Host, m.Operation.Path)
		if i < 0 {
			op := m.Operation
			targets = append(targets, Target{
				Decl: config.Endpoint{Method: op.Method, Path: op.Path, Raw: op.String(), Pos: call.Pos},
				Op:   op, Probe: probe.For(op), Origin: OriginDiscovered,
			})
			i = len(targets) - 1
		}
		targets[i].Calls = append(targets[i].Calls, call)
	}
	return targets, unmatched
}

func targetOf(targets []Target, method, host, path string) int {
	for i, t := range targets {
		if t.Op.Method == method && t.Op.Host == host && t.Op.Path == path && (t.Origin == OriginDeclared || t.Origin == OriginDiscovered) {
			return i
		}
	}
	return -1
}
