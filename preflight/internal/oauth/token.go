package oauth

import (
	"time"
)

// Where [Token.Scopes] came from.
const (
	// ScopeSourceResponse: the token response's "scope" field.
	ScopeSourceResponse = "response"
	// ScopeSourceJWT: the access token's "scope" claim (signature not verified).
	ScopeSourceJWT = "jwt"
	// ScopeSourceRequested: neither was present, so, as RFC 6749 §5.1
	// allows, the granted scopes are those that were requested.
	ScopeSourceRequested = "requested"
)

// Token is an access token and what it grants. The access token is a
// secret: it is reachable only through [Token.AccessToken]; it sits behind
// an unexported function, so fmt, slog and encoding/json, however they
// print a Token, show an address or nothing. The zero Token holds no
// access token.
type Token struct {
	// Scopes lists the granted scopes, once each, in the order given;
	// nil when they are unknown (a token response with no "scope" field,
	// an access token that is not a JWT with a "scope" claim, and no
	// scopes requested); empty but non-nil when none were granted.
	Scopes []string
	// ScopeSource says where Scopes came from (a ScopeSource constant);
	// empty when Scopes is nil.
	ScopeSource string
	// Expiry is when the token expires, from the response's expires_in;
	// zero when the response did not say.
	Expiry time.Time

	// access returns the access token; a function, so that fmt, printing
	// a Token with any verb, shows an address rather than the token.
	access func() string
}

// AccessToken returns the access token: a secret, to be sent only in an
// Authorization header to Checkout.com. It is empty for the zero Token.
func (t Token) AccessToken() string {
	if t.access == nil {
		return ""
	}
	return t.access()
}
