package transport

import (
	"fmt"
	"time"
)

// RequestLog is one request of a probe, for debug logging. It never holds
// a header other than the Cko-Request-Id, and never a body.
type RequestLog struct {
	// Method, Host and Path are the request line (Host is the URL's host
	// name, e.g. "api.sandbox.checkout.com"; Path has no query).
	Method, Host, Path string
	// Attempt counts from 1.
	Attempt int
	// Status is the HTTP status; 0 when there was no answer.
	Status int
	// RequestID is the answer's Cko-Request-Id; empty when none.
	RequestID string
	// Duration is the time the request took.
	Duration time.Duration
	// Error is the transport failure, in words; empty when answered.
	Error string
}

// String renders the entry on one line, e.g.
// `GET api.sandbox.checkout.com/payments/pay_… attempt 1: 404 in 120ms (cko-request-id "0HM…")`.
func (l RequestLog) String() string {
	s := fmt.Sprintf("%s %s%s attempt %d: ", l.Method, l.Host, l.Path, l.Attempt)
	if l.Status == 0 {
		s += "no answer"
	} else {
		s += fmt.Sprint(l.Status)
	}
	s += " in " + l.Duration.Round(time.Millisecond).String()
	if l.RequestID != "" {
		s += fmt.Sprintf(" (cko-request-id %q)", l.RequestID)
	}
	if l.Error != "" {
		s += ": " + l.Error
	}
	return s
}

// maxRequestID bounds a request id worth keeping.
const maxRequestID = 128

// RequestID returns a Cko-Request-Id header value when it is spelt like
// one — 1 to 128 of A-Z, a-z, 0-9, "_", "-" and ":" (ASP.NET trace
// identifiers such as "0HMVD3G8T1J1K:00000002") — and "" otherwise: the
// header is the server's (or a proxy's) text and is never echoed as is.
func RequestID(v string) string {
	if v == "" || len(v) > maxRequestID {
		return ""
	}
	for i := range len(v) {
		if c := v[i]; !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == ':') {
			return ""
		}
	}
	return v
}
