package catalog

import (
	"slices"
	"strings"
)

// Scheme names a security scheme of the Checkout.com API reference.
type Scheme string

// The security schemes the API reference declares.
const (
	// SchemeOAuth is an OAuth 2.0 access token from the client-credentials flow.
	SchemeOAuth Scheme = "OAuth"
	// SchemeSecretKey is a secret API key sent in the Authorization header.
	SchemeSecretKey Scheme = "ApiSecretKey"
	// SchemePublicKey is a public API key sent in the Authorization header.
	SchemePublicKey Scheme = "ApiPublicKey"
	// SchemeSessionSecret is a 3DS sessions secret.
	SchemeSessionSecret Scheme = "SessionSecret"
)

// Requirement is one alternative of an operation's security: a scheme and,
// for OAuth (and some ApiSecretKey entries), the scope names the spec lists.
// Scopes within one Requirement are themselves alternatives in Checkout.com's
// usage: any one of them grants access. Nil or empty Scopes means the scheme
// alone suffices.
type Requirement struct {
	Scheme Scheme
	Scopes []string
}

// Operation statuses.
const (
	// StatusCurrent marks an operation of the catalog's API reference.
	StatusCurrent = "current"
	// StatusRemovedFromSpec marks an operation that later spec versions removed.
	StatusRemovedFromSpec = "removed_from_spec"
	// StatusSDKOnly marks an operation official SDKs call but the spec lacks.
	StatusSDKOnly = "sdk_only"
)

// Operation is one endpoint of the Checkout.com API.
type Operation struct {
	// Method is the upper-case HTTP method, e.g. "POST".
	Method string
	// Path is the path template, e.g. "/payments/{id}/refunds".
	Path string
	// Host is the first label of the host serving the operation: "api",
	// "files", "transfers", "balances", "access", "forward" or
	// "identity-verification".
	Host string
	// Summary is the one-line summary; empty when the source gives none.
	Summary string
	// OperationID is the spec's operationId; empty when it declares none.
	OperationID string
	// Tag is the first tag; empty when the operation has none.
	Tag string
	// Status is StatusCurrent, StatusRemovedFromSpec or StatusSDKOnly.
	Status string
	// SandboxOnly is true when only the sandbox environment serves the
	// operation at this path.
	SandboxOnly bool
	// ProductionOnly is true when only the production environment serves the
	// operation at this path (for example "/klarna/..." whose sandbox
	// counterpart is "/klarna-external/...").
	ProductionOnly bool
	// Security lists the alternatives, any one of which authorizes a request.
	// Nil means unknown (the source declares no security); an empty non-nil
	// slice would mean no authentication at all.
	Security []Requirement
	// ScopeHints are unverified scope names that official SDK material
	// associates with an operation whose Security is unknown. They are hints
	// only, never requirements; nil when there are none.
	ScopeHints []string
	// SchemeHints are the schemes official SDKs authenticate an operation
	// of unknown Security with; unverified; nil when unknown.
	SchemeHints []Scheme
}

// KnownScopes reports whether the operation's security is known, i.e.
// whether Scopes is authoritative.
func (o Operation) KnownScopes() bool { return o.Security != nil }

// Scopes returns the OAuth scopes that grant the operation, in spec order,
// deduplicated; any one of them suffices. It returns nil when the security is
// unknown and an empty non-nil slice when the operation is known but accepts
// no OAuth scope (for example the token endpoint or public-key endpoints).
func (o Operation) Scopes() []string {
	if o.Security == nil {
		return nil
	}
	out := []string{}
	seen := map[string]bool{}
	for _, r := range o.Security {
		if r.Scheme != SchemeOAuth {
			continue
		}
		for _, s := range r.Scopes {
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out
}

// RequiredScope returns the most specific scope of Scopes (the one with the
// most ':'-separated segments; ties go to the first in spec order), which is
// the scope to ask for when granting least privilege. It returns "" when
// the operation has no known OAuth scope.
func (o Operation) RequiredScope() string {
	best, depth := "", -1
	for _, s := range o.Scopes() {
		if d := strings.Count(s, ":"); d > depth {
			best, depth = s, d
		}
	}
	return best
}

// String returns the method and path template, e.g. "POST /payments". It
// does not show the host; see Host.
func (o Operation) String() string {
	return o.Method + " " + o.Path
}

// IsTokenEndpoint reports whether o is the OAuth token endpoint
// (POST /connect/token on host "access"), which needs no scope and is not a
// target for scope checks.
func (o Operation) IsTokenEndpoint() bool {
	return o.Host == "access" && o.Method == "POST" && o.Path == "/connect/token"
}

// clone returns a deep copy of o, so that callers cannot change a catalog
// through the slices of an operation it returned.
func (o Operation) clone() Operation {
	if o.Security != nil {
		sec := make([]Requirement, len(o.Security))
		for i, r := range o.Security {
			sec[i] = Requirement{Scheme: r.Scheme, Scopes: slices.Clone(r.Scopes)}
		}
		o.Security = sec
	}
	o.ScopeHints = slices.Clone(o.ScopeHints)
	o.SchemeHints = slices.Clone(o.SchemeHints)
	return o
}
