package credential

import (
	"strings"
)

// Credential is a recognised Checkout.com credential. The zero value is an
// unusable credential of unknown kind. Its secret parts are held by an
// unexported function, so that fmt, however it prints a Credential (any
// verb, nested in another value), shows an address, never a secret.
type Credential struct {
	// Kind is what the credential is.
	Kind Kind
	// Environment is the environment the credential belongs to: inferred
	// from the key prefix, or declared. It is empty for an OAuth access key
	// whose environment was left to "auto".
	Environment Environment
	// Warnings are problems that did not stop the credential from being
	// used, such as surrounding whitespace that was trimmed.
	Warnings []string

	parts func() parts
}

// parts are the secret parts of a Credential.
type parts struct {
	secret   string // the secret key, or the OAuth client secret
	clientID string // the OAuth client id; empty for keys
}

func (c Credential) secret() string {
	if c.parts == nil {
		return ""
	}
	return c.parts().secret
}

// Secret returns the value to authenticate with: the secret key, or the
// OAuth client secret. Callers must never print it.
func (c Credential) Secret() string { return c.secret() }

// ClientID returns the OAuth client id, or "" for keys.
func (c Credential) ClientID() string {
	if c.parts == nil {
		return ""
	}
	return c.parts().clientID
}

// AuthorizationHeader returns the Authorization header value for a key:
// "Bearer <key>" on the current platform and the raw key on the previous
// one. It returns "" for OAuth access keys, which authenticate with a token.
func (c Credential) AuthorizationHeader() string {
	switch c.Kind {
	case KindSecretKey, KindPublicKey:
		return "Bearer " + c.secret()
	case KindPreviousSecretKey, KindPreviousPublicKey:
		return c.secret()
	default:
		return ""
	}
}

// Fingerprint is the redacted form safe for reports: the key's prefix, an
// ellipsis and its last four characters ("sk_sbox_…k7q2"); for OAuth
// access keys the client id's ("ack_…wxyz"). It never shows more.
func (c Credential) Fingerprint() string {
	v := c.secret()
	if c.Kind == KindOAuth {
		v = c.ClientID()
	}
	if c.Kind == KindUnknown || len(v) < 12 {
		return "…"
	}
	return prefixOf(v) + "…" + v[len(v)-4:]
}

// prefixOf returns the public prefix of a recognised value: "sk_sbox_",
// "sk_test_", "sk_", "pk_sbox_", "ack_" and so on.
func prefixOf(v string) string {
	for _, p := range []string{"sk_sbox_", "sk_test_", "pk_sbox_", "pk_test_", "sk_", "pk_", "ack_"} {
		if strings.HasPrefix(v, p) {
			return p
		}
	}
	return ""
}
