package plan

import (
	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/credential"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/probe"
)

// familyLookups are the harmless lookups, one per common scope family,
// that a secret key's run sends beside its declared endpoints: a key that
// lacks every scope of its endpoints still answers one of them, so that
// "active but missing these scopes" is told apart from "unknown or
// revoked".
func familyLookups() []string {
	return []string{
		"GET /payments/{id}",          // gateway
		"GET /instruments/{id}",       // vault
		"GET /disputes/{id}",          // disputes
		"GET /reports/{id}",           // reports
		"GET /workflows/{id}",         // flow
		"GET /accounts/entities/{id}", // accounts
		"GET /transfers/{id}",         // transfers
		"GET /balances/{id}",          // balances
	}
}

// families returns the family lookups as targets, leaving out those a
// declared target already sends.
func families(cat *catalog.Catalog, declared []Target) []Target {
	var out []Target
	for _, line := range familyLookups() {
		v, err := config.ParseEndpoint(config.Value{Text: line})
		if err != nil {
			continue
		}
		m, err := cat.Match(v.Method, v.Path)
		if err != nil || sends(declared, m.Operation) {
			continue
		}
		out = append(out, Target{Decl: config.Endpoint{Method: v.Method, Path: m.Operation.Path, Raw: m.Operation.String()},
			Op: m.Operation, Probe: probe.For(m.Operation), Origin: OriginActivity})
	}
	return out
}

func sends(targets []Target, op catalog.Operation) bool {
	for _, t := range targets {
		if t.Op.Method == op.Method && t.Op.Path == op.Path && t.Op.Host == op.Host {
			return true
		}
	}
	return false
}

// controlBody is the body of every control credential: recognisable in
// logs and, being made up, impossible as a real key.
const controlBody = "checkoutpreflightcontrolaa"

// controlAuthorization is the Authorization value of a credential of the
// same kind and environment as cred that cannot exist: the probe's
// control. A route that refuses it and answers the real key otherwise has
// checked the key before answering. Control credentials are public: they
// are neither masked nor redacted.
func controlAuthorization(cred credential.Credential) string {
	sandbox := cred.Environment != credential.Production
	pick := func(sbox, prod string) string {
		if sandbox {
			return sbox
		}
		return prod
	}
	switch cred.Kind {
	case credential.KindSecretKey:
		return "Bearer " + pick("sk_sbox_", "sk_") + controlBody + "q"
	case credential.KindPublicKey:
		return "Bearer " + pick("pk_sbox_", "pk_") + controlBody + "q"
	case credential.KindPreviousSecretKey:
		return pick("sk_test_", "sk_") + "checkout-pref-ligh-tcon-trol00000000"
	case credential.KindPreviousPublicKey:
		return pick("pk_test_", "pk_") + "checkout-pref-ligh-tcon-trol00000000"
	case credential.KindOAuth:
		return "Bearer checkout-preflight-control-token-never-issued"
	}
	return ""
}

// controlScope picks, for an OAuth access key, a scope to ask a token for
// on its own, beside the main token request: that token is the scope
// control of every target it does not grant. It is the first required
// scope when the targets need two scope families or more, else a scope of
// another family; "" when nothing is required.
func controlScope(required []string, targets []Target) string {
	if len(required) == 0 {
		return ""
	}
	first := catalog.Parent(required[0])
	if first == "" {
		first = required[0]
	}
	for _, t := range targets {
		if t.Op.KnownScopes() && !catalog.Satisfies([]string{required[0]}, t.Op.Scopes()) {
			return required[0]
		}
	}
	if first == "gateway" {
		return "vault:instruments"
	}
	return "gateway:payment-details"
}
