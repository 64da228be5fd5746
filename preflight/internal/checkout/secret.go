package checkout

import (
	"errors"
	"strings"
	"unicode"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/transport"
)

// secretWindow is the length of the shortest piece of a secret that must
// never be shown.
const secretWindow = 8

// containsSecret reports whether s contains the credential of
// authorization (the value after any "Bearer " scheme), or any 8-character
// piece of it.
func containsSecret(s, authorization string) bool {
	secret := authorization
	if i := strings.IndexByte(secret, ' '); i >= 0 {
		secret = secret[i+1:]
	}
	if secret == "" || s == "" {
		return false
	}
	if len(secret) < secretWindow {
		return strings.Contains(s, secret)
	}
	for i := 0; i+secretWindow <= len(secret); i++ {
		if strings.Contains(s, secret[i:i+secretWindow]) {
			return true
		}
	}
	return false
}

// withoutSecret returns err, or a replacement without detail when err's
// message contains part of the credential. It never should; this is the
// last line of defence.
func withoutSecret(err error, authorization string) error {
	if err == nil || !containsSecret(err.Error(), authorization) {
		return err
	}
	var te *transport.Error
	if errors.As(err, &te) {
		return &transport.Error{Host: te.Host, Cause: te.Cause, Err: withheldError{}}
	}
	return withheldError{}
}

// withheldError replaces a message that contained part of the credential.
type withheldError struct{}

func (withheldError) Error() string {
	return "details withheld because they contained part of the credential"
}

// cleanRequestID keeps a Cko-Request-Id only if it is short, printable and
// free of the credential: a misbehaving proxy could echo anything.
func cleanRequestID(id, authorization string) string {
	if len(id) > 128 || containsSecret(id, authorization) {
		return ""
	}
	for _, r := range id {
		if !unicode.IsPrint(r) {
			return ""
		}
	}
	return id
}
