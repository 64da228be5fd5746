package simulator

import (
	"fmt"
	"slices"
	"strings"
)

// Credential is one credential the simulated Checkout.com knows. A
// credential may carry a secret (or public) key, an OAuth client, or both;
// each is looked up independently.
type Credential struct {
	// Name identifies the credential in Request records and messages. It is
	// never a secret; empty is allowed and records "".
	Name string

	// SecretKey is an API key; empty means the credential has no key. Its
	// format decides how it must be sent:
	//   - current platform, "sk_sbox_…" / "sk_…" (and public "pk_sbox_…" /
	//     "pk_…"): "Authorization: Bearer <key>";
	//   - previous platform, "sk_test_<uuid>" / "sk_<uuid>" (and public
	//     "pk_test_<uuid>" / "pk_<uuid>"): "Authorization: <key>", raw.
	// A key sent the other way answers 401, as the real API does. Keys
	// starting "pk_" are public keys: they authenticate only operations whose
	// security accepts ApiPublicKey (POST /tokens in the default catalog).
	SecretKey string

	// ClientID and ClientSecret are an OAuth access key ("ack_…") for the
	// token endpoint; empty ClientID means the credential has no OAuth
	// client.
	ClientID, ClientSecret string

	// Scopes are the granted OAuth scopes; a parent grants its children
	// (catalog.Grants). Nil grants nothing. Previous-platform keys ignore
	// Scopes and reach every operation a secret key may call.
	Scopes []string

	// UnscopedScopes are the scopes of a token asked for with no scope
	// parameter; nil means all of Scopes, which is what this simulator
	// assumes Checkout.com does. Set it to model a token endpoint whose
	// default is narrower (empty: a token that carries no scope) or, to
	// test a client's distrust, one that lists scopes the client lacks.
	UnscopedScopes []string

	// Revoked marks a credential that is known but no longer valid: its key
	// answers 401 and its OAuth client invalid_client.
	Revoked bool

	// Restricted lists operations, as "METHOD /template" exactly as the
	// catalog writes them (e.g. "POST /payments/{id}/refunds"), that answer
	// 403 whatever the scopes, like an account-side or network restriction.
	// Nil restricts nothing.
	Restricted []string
}

// String returns the credential's name and what it holds, never a secret,
// e.g. `simulator credential "ci" (current-platform secret key, OAuth client)`.
func (c Credential) String() string {
	var parts []string
	if c.SecretKey != "" {
		parts = append(parts, classifyKey(c.SecretKey).String())
	}
	if c.ClientID != "" {
		parts = append(parts, "OAuth client")
	}
	if c.Revoked {
		parts = append(parts, "revoked")
	}
	if len(parts) == 0 {
		parts = append(parts, "empty")
	}
	return fmt.Sprintf("simulator credential %q (%s)", c.Name, strings.Join(parts, ", "))
}

// GoString is String, so that %#v cannot print a secret either.
func (c Credential) GoString() string { return c.String() }

// keyKind classifies an API key by its format.
type keyKind struct {
	public   bool // "pk_…"
	previous bool // previous platform: the part after the prefix is a UUID
}

func (k keyKind) String() string {
	platform := "current-platform"
	if k.previous {
		platform = "previous-platform"
	}
	kind := "secret key"
	if k.public {
		kind = "public key"
	}
	return platform + " " + kind
}

// classifyKey tells public from secret keys ("pk_" prefix) and the previous
// platform from the current one (a UUID after "sk_"/"pk_" and an optional
// "test_"). Anything else counts as a current-platform secret key.
func classifyKey(key string) keyKind {
	var k keyKind
	rest, ok := strings.CutPrefix(key, "pk_")
	if ok {
		k.public = true
	} else {
		rest, _ = strings.CutPrefix(key, "sk_")
	}
	rest = strings.TrimPrefix(rest, "test_")
	k.previous = isUUID(rest)
	return k
}

// isUUID reports whether s is a hyphenated UUID (8-4-4-4-12 hex digits).
func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i, c := range []byte(s) {
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
				return false
			}
		}
	}
	return true
}

// restricted reports whether route ("METHOD /template") is in c.Restricted.
// The method compares case-insensitively, the template exactly.
func (c *Credential) restricted(route string) bool {
	return slices.ContainsFunc(c.Restricted, func(r string) bool {
		m, p, _ := strings.Cut(strings.TrimSpace(r), " ")
		rm, rp, _ := strings.Cut(route, " ")
		return strings.EqualFold(m, rm) && strings.TrimSpace(p) == rp
	})
}
