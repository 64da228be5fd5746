package plan

import (
	"slices"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/credential"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/probe"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/spec"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// Plan is what a run will check. It is never modified once New returns.
type Plan struct {
	// Run is the specification the plan was made from.
	Run spec.Run
	// Credentials parallels Run.Credentials.
	Credentials []Credential
	// Findings are what planning found: configuration errors (Invalid is
	// then true) and warnings, then unusable credentials, in input order.
	Findings []report.Check
	// Invalid is true when a configuration error means nothing may be sent.
	Invalid bool

	// cat is the catalog the plan was made against, for WithCalls.
	cat *catalog.Catalog
}

// Credential is one credential ready to be checked.
type Credential struct {
	// Spec is the credential as resolved.
	Spec spec.Credential
	// Cred is the recognised credential; its Kind is KindUnknown when the
	// value is unusable (Usable false).
	Cred credential.Credential
	// Usable is true when Cred parsed and may be sent.
	Usable bool
	// Targets are the endpoints to probe: the declared ones that matched
	// the catalog, in order, then one per scope declared for a secret key.
	Targets []Target
	// Activity is the harmless request that proves the credential active
	// when no target is sent (none can be, or an OAuth access key's tokens
	// grant none); never nil in a Plan from New.
	Activity *Target
	// Families are, for a secret key, one harmless lookup per common scope
	// family, sent beside the targets (see familyLookups); nil for other
	// kinds.
	Families []Target
	// Control is the Authorization value of a credential of the same kind
	// that cannot exist, sent with every probe as its control; empty for
	// an unusable credential.
	Control string
	// ControlScope is, for an OAuth access key, the scope of the token
	// sent as the scope control of the targets it does not grant; empty
	// when there is none.
	ControlScope string
	// Scopes are the scope names declared directly, each once, in order.
	Scopes []string
	// Required are the scopes an OAuth access key asks for: the most
	// specific scope of each target whose scopes are known, then the
	// declared scopes, each once; nil for other kinds.
	Required []string
	// Unmatched are the calls discovery found whose endpoint the catalog
	// does not know (previous-platform or unknown paths): reported, not
	// probed; nil when none.
	Unmatched []Call
	// URLs has the base URLs of each environment the credential may belong
	// to: its own, or both for an OAuth access key left to "auto".
	URLs map[credential.Environment]checkout.Endpoints
}

// Name is the credential's name in reports.
func (c Credential) Name() string { return c.Spec.Name }

// Origin says why a target is probed.
type Origin string

// The origins of a target.
const (
	OriginDeclared Origin = "declared" // an endpoint the user declared
	OriginScope    Origin = "scope"    // proves a scope declared for a secret key
	OriginActivity Origin = "activity" // proves the credential active
	OriginPublic   Origin = "public"   // the one endpoint a public key may call
	// OriginDiscovered is an endpoint the code calls that was not declared.
	OriginDiscovered Origin = "discovered"
)

// Target is one endpoint to probe for one credential.
type Target struct {
	// Decl is the endpoint as declared; for scope and activity targets, a
	// declaration made by the planner (no position).
	Decl config.Endpoint
	// Op is the catalog operation the declaration matched.
	Op catalog.Operation
	// Probe is the request to send; Probe.Skip says when it must not be.
	Probe probe.Probe
	// Origin says why the target is probed.
	Origin Origin
	// Scope is, for OriginScope, the declared scope the target proves;
	// empty otherwise.
	Scope string
	// Calls are the places in the code that call the endpoint, in the
	// order discovery found them; nil when discovery found none.
	Calls []Call
}

// RequiredScope is the scope to add when the target is refused: the
// declared scope it proves, else its operation's most specific scope.
func (t Target) RequiredScope() string {
	if t.Scope != "" {
		return t.Scope
	}
	return t.Op.RequiredScope()
}

// Sendable reports whether any of targets may be sent.
func Sendable(targets []Target) bool {
	return slices.ContainsFunc(targets, func(t Target) bool { return t.Probe.Skip == "" })
}

// BaseURLs lists, once each and in plan order, the base URL of every host
// the plan may send to: for each usable credential, in every environment
// it may belong to, its token endpoint (an OAuth access key's first
// request) and the hosts of its targets and activity probe. Nothing is
// sent to a host that is not listed; it is empty for an Invalid plan.
func (p Plan) BaseURLs() []string {
	var out []string
	if p.Invalid {
		return out
	}
	for _, c := range p.Credentials {
		if !c.Usable {
			continue
		}
		hosts := []string{c.Activity.Probe.Host}
		for _, t := range append(append([]Target{}, c.Targets...), c.Families...) {
			hosts = append(hosts, t.Probe.Host)
		}
		for _, env := range []credential.Environment{credential.Sandbox, credential.Production} {
			urls, ok := c.URLs[env]
			if !ok {
				continue
			}
			bases := []string{}
			if c.Cred.Kind == credential.KindOAuth {
				bases = append(bases, urls.Base("access"))
			}
			for _, h := range hosts {
				bases = append(bases, urls.Base(h))
			}
			for _, b := range bases {
				if b != "" && !slices.Contains(out, b) {
					out = append(out, b)
				}
			}
		}
	}
	return out
}
