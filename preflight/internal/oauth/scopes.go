package oauth

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
)

// maxJWTLength bounds the access tokens ScopesFromJWT reads.
const maxJWTLength = 64 << 10

// ScopesFromJWT reads the "scope" claim of a JWT access token, which may be
// a space-separated string or an array of strings, and returns the scopes
// once each in their order. The signature is not verified and the header is
// not read: the result only explains what the token says, it proves
// nothing.
//
// It returns nil and no error when the claims hold no "scope" (or a null
// one), and an empty, non-nil slice for an empty claim. It returns an error
// for anything that is not a JWS compact serialisation with a JSON object
// payload, or for a claim of another type or with a value that is not a
// valid scope (RFC 6749 §3.3: printable ASCII other than '"' and '\').
// Error messages never quote the token.
func ScopesFromJWT(token string) ([]string, error) {
	if len(token) > maxJWTLength {
		return nil, fmt.Errorf("access token is %d bytes long; a JWT of at most %d bytes was expected", len(token), maxJWTLength)
	}
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return nil, fmt.Errorf("access token is not a JWT: it has %d dot-separated parts, want 3 (header.payload.signature)", len(parts))
	}
	payload, err := decodeSegment(parts[1])
	if err != nil {
		return nil, fmt.Errorf("access token is not a JWT: its payload is not base64url: %w", err)
	}
	var claims map[string]json.RawMessage
	if err := json.Unmarshal(payload, &claims); err != nil || claims == nil {
		return nil, fmt.Errorf("access token is not a JWT: its payload is not a JSON object")
	}
	raw, ok := claims["scope"]
	if !ok || string(raw) == "null" {
		return nil, nil
	}
	var values []string
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		values = []string{s}
	} else if err := json.Unmarshal(raw, &values); err != nil {
		return nil, fmt.Errorf("the access token's scope claim is neither a string nor an array of strings")
	}
	scopes, err := scopeTokens(values)
	if err != nil {
		return nil, fmt.Errorf("the access token's scope claim: %w", err)
	}
	return scopes, nil
}

// decodeSegment decodes one base64url segment, with or without padding.
func decodeSegment(s string) ([]byte, error) {
	s = strings.TrimRight(s, "=")
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, err
	}
	return b, nil
}

// scopeTokens splits each value at whitespace and returns the scope tokens
// once each, in order, never nil. A token not spelt like a Checkout.com
// scope name (catalog.ValidScopeName) is an error that does not quote it:
// the text came from the server.
func scopeTokens(values []string) ([]string, error) {
	scopes := []string{}
	seen := make(map[string]bool)
	for _, v := range values {
		for _, tok := range strings.FieldsFunc(v, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }) {
			if !catalog.ValidScopeName(tok) {
				return nil, fmt.Errorf("a granted scope is not spelt like a Checkout.com scope name (%d bytes); scopes are lower-case letters, digits and \"-\" joined by \":\"", len(tok))
			}
			if !seen[tok] {
				seen[tok] = true
				scopes = append(scopes, tok)
			}
		}
	}
	return scopes, nil
}

// scopesFromExtra reads a token response's "scope" field, a space-separated
// string (RFC 6749 §5.1) or, leniently, an array of strings. ok is false
// when the field is absent, null, blank or unreadable: oauth2 reports an
// absent field of a form-encoded response as "", so blank cannot be told
// from absent.
func scopesFromExtra(v any) (scopes []string, ok bool) {
	var values []string
	switch v := v.(type) {
	case string:
		if strings.TrimSpace(v) == "" {
			return nil, false
		}
		values = []string{v}
	case []any:
		for _, e := range v {
			s, isString := e.(string)
			if !isString {
				return nil, false
			}
			values = append(values, s)
		}
	default:
		return nil, false
	}
	scopes, err := scopeTokens(values)
	if err != nil {
		return nil, false
	}
	return scopes, true
}
