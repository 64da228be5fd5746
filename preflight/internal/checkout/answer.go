package checkout

import (
	"encoding/json"
	"net/http"
	"strings"
)

// Shapes of an answer's body, as Answer.Body names them.
const (
	BodyEmpty = "empty" // no body, or only white space
	BodyJSON  = "json"  // a JSON object (error_type and error_codes read from it)
	BodyOther = "other" // anything else (HTML, text, an array)
)

// Answer is what one HTTP answer looked like, reduced to what the
// evidence table (Evidence) reads. Every text in it has been validated:
// the server's words are kept only when spelt like codes.
type Answer struct {
	// Status is the HTTP status code.
	Status int
	// Body is the body's shape: BodyEmpty, BodyJSON or BodyOther.
	Body string
	// ErrorType is the JSON body's "error_type" when spelt like a code
	// (lower-case letters, digits and "_"); empty otherwise.
	ErrorType string
	// ErrorCodes are the JSON body's "error_codes" spelt like codes, at
	// most maxErrorCodes; nil when none.
	ErrorCodes []string
	// Challenge is the "error" of a Bearer WWW-Authenticate header
	// (RFC 6750 §3), such as "insufficient_scope", when spelt like a code;
	// empty otherwise.
	Challenge string
}

const (
	maxErrorCodes = 8
	maxCodeLength = 64
)

// readAnswer reduces an answer's status, headers and the first bytes of
// its body to an Answer.
func readAnswer(status int, h http.Header, body []byte) Answer {
	a := Answer{Status: status, Body: BodyEmpty, Challenge: bearerError(h.Values("WWW-Authenticate"))}
	trimmed := strings.TrimSpace(string(body))
	switch {
	case trimmed == "":
	case strings.HasPrefix(trimmed, "{"):
		var v struct {
			ErrorType  any `json:"error_type"`
			ErrorCodes any `json:"error_codes"`
		}
		if json.Unmarshal([]byte(trimmed), &v) != nil {
			a.Body = BodyOther
			break
		}
		a.Body = BodyJSON
		if s, ok := v.ErrorType.(string); ok && isCode(s) {
			a.ErrorType = s
		}
		if list, ok := v.ErrorCodes.([]any); ok {
			for _, c := range list {
				if s, ok := c.(string); ok && isCode(s) && len(a.ErrorCodes) < maxErrorCodes {
					a.ErrorCodes = append(a.ErrorCodes, s)
				}
			}
		}
	default:
		a.Body = BodyOther
	}
	return a
}

// bearerError returns the error parameter of a Bearer challenge, when
// spelt like a code.
func bearerError(challenges []string) string {
	for _, c := range challenges {
		scheme, params, _ := strings.Cut(strings.TrimSpace(c), " ")
		if !strings.EqualFold(scheme, "Bearer") {
			continue
		}
		for p := range strings.SplitSeq(params, ",") {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "error") {
				if v = strings.Trim(strings.TrimSpace(v), `"`); isCode(v) {
					return v
				}
			}
		}
	}
	return ""
}

// isCode reports whether s is spelt like an error code: 1 to 64 of
// lower-case letters, digits and "_".
func isCode(s string) bool {
	if s == "" || len(s) > maxCodeLength {
		return false
	}
	for i := range len(s) {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}
