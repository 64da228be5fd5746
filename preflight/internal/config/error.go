package config

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// Error is one problem with something the user wrote, at a position.
type Error struct {
	// Pos is where the problem is; the zero Position when the value came
	// from a flag or an environment variable rather than a file.
	Pos report.Position
	// Message says what is wrong, what would be accepted and the fix. It
	// starts in lower case and never holds a secret.
	Message string
	// Err is the underlying cause, if any (for example fs.ErrNotExist when
	// the config file is missing); nil otherwise. It is not repeated in
	// Error(), whose Message already describes it.
	Err error
	// Title names the kind of problem in a few words ("Invalid endpoint",
	// "Unknown endpoint: GET /paymnts"), for annotation titles; empty
	// means "Invalid configuration".
	Title string
}

// Error renders the problem as "file:line:col: message", or just the message
// when the position is unknown.
func (e *Error) Error() string {
	if p := e.Pos.String(); p != "" {
		return p + ": " + e.Message
	}
	return e.Message
}

// Unwrap returns the underlying cause; nil when there is none.
func (e *Error) Unwrap() error { return e.Err }

// Errors returns every *Error inside err, in order, looking through
// errors.Join and through wrapping with fmt.Errorf (whose added context is
// then dropped: the *Errors carry their own). A part of err that holds no
// *Error is returned as an *Error with a zero Pos, its text as Message and
// itself as Err. It returns nil for a nil err.
func Errors(err error) []*Error {
	if err == nil {
		return nil
	}
	if found, ok := typed(err); ok {
		return found
	}
	return []*Error{{Message: err.Error(), Err: err}}
}

// typed returns the *Errors that make up err, and false when some part of
// err is not made of them.
func typed(err error) ([]*Error, bool) {
	switch u := err.(type) {
	case *Error:
		return []*Error{u}, true
	case interface{ Unwrap() []error }:
		var out []*Error
		for _, inner := range u.Unwrap() {
			out = append(out, Errors(inner)...)
		}
		return out, true
	case interface{ Unwrap() error }:
		return typed(u.Unwrap())
	}
	return nil, false
}

// errorAt builds an *Error at pos.
func errorAt(pos report.Position, msg string) *Error {
	return &Error{Pos: pos, Message: msg}
}

// joinSorted joins errs in position order (errors without a line first),
// keeping the order of errors at the same place. It returns nil for none.
func joinSorted(errs []*Error) error {
	if len(errs) == 0 {
		return nil
	}
	slices.SortStableFunc(errs, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Column, b.Pos.Column))
	})
	out := make([]error, len(errs))
	for i, e := range errs {
		out[i] = e
	}
	return errors.Join(out...)
}

// maxQuoted is how many characters of a user's value a message quotes.
const maxQuoted = 60

// clip shortens s to maxQuoted characters, marking the cut with "…", so a
// message quoting a huge value stays readable. Invalid UTF-8 bytes count as
// one character each and are kept for %q to escape.
func clip(s string) string {
	if credentialLike(s) {
		return withheld
	}
	n := 0
	for i := range len(s) {
		if !utf8.RuneStart(s[i]) && i > 0 {
			continue
		}
		if n == maxQuoted {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// withheld stands for a value that looks like a credential: a secret
// pasted into the wrong setting is never quoted back.
const withheld = "(a value that looks like a credential; not shown)"

// Quote renders a value the user wrote for a message: quoted and clipped,
// or, when it looks like a credential (pasted in the wrong place),
// withheld unquoted. Every message that quotes a setting's value uses it.
func Quote(s string) string { return quote(s) }

// quote is Quote.
func quote(s string) string {
	if credentialLike(s) {
		return withheld
	}
	return strconv.Quote(clip(s))
}

// credentialLike reports whether s holds a word that looks like a
// credential: a Checkout.com key prefix (sk_, pk_, ack_) followed by at
// least 12 more characters, or a long random-looking word (see
// looksSecret). Words are split at characters no credential uses.
func credentialLike(s string) bool {
	words := strings.FieldsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("_-*#$=+/", r))
	})
	for _, w := range words {
		for _, p := range []string{"sk_", "pk_", "ack_"} {
			if strings.HasPrefix(w, p) && len(w) >= len(p)+12 {
				return true
			}
		}
		if !strings.Contains(w, "/") && looksSecret(w) {
			return true
		}
	}
	return false
}
