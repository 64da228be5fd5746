package oauth

import (
	"fmt"
	"log/slog"
	"strings"
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
// secret: it is reachable only through [Token.AccessToken], and every fmt
// verb, String, GoString, slog and a Token nested in another value print
// it redacted. The zero Token holds no access token.
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

	// access is behind a pointer so that fmt, printing a Token nested in
	// another value, shows an address rather than the token.
	access *secret
}

type secret struct{ value string }

// NewToken returns a Token holding accessToken, for tests and fakes.
// scopes is copied; source is a ScopeSource constant or empty.
func NewToken(accessToken string, scopes []string, source string, expiry time.Time) Token {
	t := Token{ScopeSource: source, Expiry: expiry, access: &secret{accessToken}}
	if scopes != nil {
		t.Scopes = append([]string{}, scopes...)
	}
	return t
}

// AccessToken returns the access token: a secret, to be sent only in an
// Authorization header to Checkout.com. It is empty for the zero Token.
func (t Token) AccessToken() string {
	if t.access == nil {
		return ""
	}
	return t.access.value
}

// String describes the token without the access token, for example
// `oauth.Token{AccessToken:[redacted], Scopes:["gateway" "vault"],
// ScopeSource:"response", Expiry:2025-01-02T03:04:05Z}`.
func (t Token) String() string {
	var b strings.Builder
	b.WriteString("oauth.Token{AccessToken:")
	if t.AccessToken() == "" {
		b.WriteString(`""`)
	} else {
		b.WriteString(Redacted)
	}
	b.WriteString(", Scopes:")
	if t.Scopes == nil {
		b.WriteString("nil")
	} else {
		fmt.Fprintf(&b, "%q", t.Scopes)
	}
	fmt.Fprintf(&b, ", ScopeSource:%q, Expiry:", t.ScopeSource)
	if t.Expiry.IsZero() {
		b.WriteString("unknown")
	} else {
		b.WriteString(t.Expiry.UTC().Format(time.RFC3339))
	}
	b.WriteString("}")
	return b.String()
}

// GoString is String: %#v never shows the access token either.
func (t Token) GoString() string { return t.String() }

// Format prints String for every verb (%v, %+v, %#v, %s, %q, %x, ...), so
// that no verb reaches the access token.
func (t Token) Format(f fmt.State, verb rune) {
	switch verb {
	case 'q':
		fmt.Fprintf(f, "%q", t.String())
	default:
		_, _ = f.Write([]byte(t.String()))
	}
}

// LogValue logs the token as String does.
func (t Token) LogValue() slog.Value { return slog.StringValue(t.String()) }
