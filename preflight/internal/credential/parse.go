package credential

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Error is a problem with a credential value that stops it from being
// used. Its message names the setting and never contains the value.
type Error struct {
	// Setting is the input or flag that held the value, e.g. "secret-key".
	Setting string
	// Reason is what is wrong, lower-case, without the value.
	Reason string
	// Fix says what to do.
	Fix string
	// Mismatch is true when the problem is an environment that contradicts
	// the key (a configuration error rather than a bad key).
	Mismatch bool
}

func (e *Error) Error() string {
	if e.Fix == "" {
		return e.Setting + ": " + e.Reason
	}
	return e.Setting + ": " + e.Reason + "; " + e.Fix
}

// maxLen bounds what is examined; longer values are rejected unread.
const maxLen = 4096

// ParseSecretKey recognises the value of a secret-key setting. env is
// "auto" (or empty) to infer the environment from the key's prefix, or
// "sandbox"/"production", which must agree with the prefix.
//
// Surrounding whitespace is trimmed and reported in Warnings. Public keys,
// OAuth client ids and unrecognised values are errors that say what would
// be accepted; the value itself is never echoed.
func ParseSecretKey(setting, raw, env string) (Credential, error) {
	v, warnings, err := clean(setting, raw)
	if err != nil {
		return Credential{}, err
	}
	kind, inferred := Classify(v)
	switch kind {
	case KindSecretKey, KindPreviousSecretKey:
	case KindPublicKey, KindPreviousPublicKey:
		return Credential{}, &Error{Setting: setting,
			Reason: fmt.Sprintf("the value is a %s (%s…), which cannot call server-side endpoints", kind.Label(), prefixOf(v)),
			Fix:    "store the secret key (sk_…) from the same Dashboard key pair in this secret"}
	case KindOAuth:
		return Credential{}, &Error{Setting: setting,
			Reason: "the value is an OAuth client id (ack_…), not a secret key",
			Fix:    "pass it as client-id together with client-secret"}
	default:
		return Credential{}, unrecognised(setting, v)
	}
	c := Credential{Kind: kind, Environment: inferred, Warnings: warnings, parts: hold(parts{secret: v})}
	if err := checkEnv(setting, c, env); err != nil {
		return Credential{}, err
	}
	return c, nil
}

// ParsePublicKey recognises the value of a public-key setting: a public
// key of either platform (pk_sbox_… / pk_…, pk_test_<uuid> / pk_<uuid>).
// env works as for ParseSecretKey. A secret key or anything else is an
// error that names what the value is without showing it.
func ParsePublicKey(setting, raw, env string) (Credential, error) {
	v, warnings, err := clean(setting, raw)
	if err != nil {
		return Credential{}, err
	}
	kind, inferred := Classify(v)
	switch kind {
	case KindPublicKey, KindPreviousPublicKey:
	case KindSecretKey, KindPreviousSecretKey:
		return Credential{}, &Error{Setting: setting,
			Reason: fmt.Sprintf("the value is a %s (%s…), not a public key", kind.Label(), prefixOf(v)),
			Fix:    "pass it as secret-key, and store the public key (pk_…) in this secret"}
	default:
		return Credential{}, &Error{Setting: setting,
			Reason: fmt.Sprintf("unrecognised format (%d characters%s)", len(v), safeStart(v)),
			Fix:    "expected pk_sbox_… or pk_… followed by 27 base32 characters, or pk_test_<uuid> or pk_<uuid>; copy the key again from the Dashboard"}
	}
	c := Credential{Kind: kind, Environment: inferred, Warnings: warnings, parts: hold(parts{secret: v})}
	if err := checkEnv(setting, c, env); err != nil {
		return Credential{}, err
	}
	return c, nil
}

// ParseOAuth recognises an OAuth access key: a client id (ack_…) and its
// client secret. env is "auto" (or empty), which leaves the environment
// unknown because nothing in an access key reveals it, or
// "sandbox"/"production".
func ParseOAuth(clientID, clientSecret, env string) (Credential, error) {
	id, idWarn, err := clean("client-id", clientID)
	if err != nil {
		return Credential{}, err
	}
	if kind, _ := Classify(id); kind != KindOAuth {
		return Credential{}, wrongClientID(kind)
	}
	secret, secretWarn, err := clean("client-secret", clientSecret)
	if err != nil {
		return Credential{}, err
	}
	if kind, _ := Classify(secret); kind != KindUnknown {
		return Credential{}, &Error{Setting: "client-secret",
			Reason: fmt.Sprintf("the value is a %s, not an OAuth client secret", kind.Label()),
			Fix:    "store the client secret shown when the access key was created in the Dashboard"}
	}
	if err := Plausible(secret); err != nil {
		return Credential{}, &Error{Setting: "client-secret",
			Reason: "the value cannot be an OAuth client secret: it is " + err.Error(),
			Fix:    "store the client secret shown when the access key was created in the Dashboard"}
	}
	c := Credential{Kind: KindOAuth, Warnings: append(idWarn, secretWarn...), parts: hold(parts{secret: secret, clientID: id})}
	switch Environment(env) {
	case Sandbox, Production:
		c.Environment = Environment(env)
	case "", Auto:
	default:
		return Credential{}, badEnv(env)
	}
	return c, nil
}

func wrongClientID(kind Kind) error {
	e := &Error{Setting: "client-id", Reason: "the value is not an OAuth client id (ack_ followed by 26 base32 characters)",
		Fix: "copy the access key id from the Dashboard (Developers > Keys)"}
	if kind == KindSecretKey || kind == KindPreviousSecretKey {
		e.Reason = "the value is a secret key, not an OAuth client id"
		e.Fix = "pass it as secret-key instead"
	}
	return e
}

// clean trims surrounding whitespace (with a warning) and rejects values
// that are empty, oversized, or hold bytes no key can contain.
func clean(setting, raw string) (string, []string, error) {
	if len(raw) > maxLen {
		return "", nil, &Error{Setting: setting, Reason: fmt.Sprintf("the value is %d bytes long, far longer than any Checkout.com credential", len(raw)),
			Fix: "check that the secret holds only the key"}
	}
	v := strings.TrimSpace(raw)
	if v == "" {
		return "", nil, &Error{Setting: setting, Reason: "the value is empty", Fix: "set it from a repository or environment secret"}
	}
	var warnings []string
	if v != raw {
		warnings = append(warnings, fmt.Sprintf("%s: the value had %s; it was trimmed before use — store the secret without it, because SDKs do not trim", setting, describeSpace(raw, v)))
	}
	if !utf8.ValidString(v) || strings.ContainsFunc(v, isControlOrSpace) {
		return "", nil, &Error{Setting: setting, Reason: "the value contains spaces, control characters or invalid UTF-8, which no Checkout.com credential has",
			Fix: "copy the key again from the Dashboard and store it on its own"}
	}
	return v, warnings, nil
}

func isControlOrSpace(r rune) bool { return r < 0x21 || r == 0x7f || r == utf8.RuneError }

func describeSpace(raw, trimmed string) string {
	if strings.HasSuffix(raw, "\n") && strings.TrimRight(raw, "\r\n") == trimmed {
		return "a trailing newline"
	}
	return "leading or trailing whitespace"
}

func unrecognised(setting, v string) error {
	return &Error{Setting: setting,
		Reason: fmt.Sprintf("unrecognised format (%d characters%s)", len(v), safeStart(v)),
		Fix:    "expected " + strings.Join(AcceptedSecretShapes(), ", or ") + "; copy the key again from the Dashboard"}
}

// safeStart names the public prefix of a value when it has one of the
// documented prefixes; nothing else of an unrecognised value is shown.
func safeStart(v string) string {
	if p := prefixOf(v); p != "" {
		return fmt.Sprintf(", starting %q", p)
	}
	return ""
}

func checkEnv(setting string, c Credential, env string) error {
	switch Environment(env) {
	case "", Auto:
		return nil
	case Sandbox, Production:
		if Environment(env) != c.Environment {
			return &Error{Setting: "environment", Mismatch: true,
				Reason: fmt.Sprintf("%q contradicts the %s, which is a %s key (%s)", env, setting, c.Environment, c.Fingerprint()),
				Fix:    fmt.Sprintf("set environment to %q or \"auto\", or use a %s key", c.Environment, env)}
		}
		return nil
	default:
		return badEnv(env)
	}
}

func badEnv(env string) error {
	return &Error{Setting: "environment", Reason: fmt.Sprintf("unknown environment %q", env),
		Fix: `use "auto", "sandbox" or "production"`}
}

// hold returns a function that returns p, so that p is out of fmt's reach.
func hold(p parts) func() parts { return func() parts { return p } }
