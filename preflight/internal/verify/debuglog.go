package verify

import (
	"net/http"
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/transport"
)

// LoggedClient returns client with every exchange logged to debug, for the
// requests that log nothing themselves: IP echo lookups (the API client
// and the token exchange log their own, after masking). It returns client unchanged when debug is nil; a
// nil now means time.Now.
func LoggedClient(client *http.Client, debug func(string), now func() time.Time) *http.Client {
	if debug == nil {
		return client
	}
	if now == nil {
		now = time.Now
	}
	c := *client
	base := c.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	c.Transport = &logTransport{base: base, log: debug, now: now}
	return &c
}

// logTransport writes one line per exchange: method, host, path, status,
// request id and timing — never a header, a body or an error's text,
// which could quote the request.
type logTransport struct {
	base http.RoundTripper
	log  func(string)
	now  func() time.Time
}

func (t *logTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	start := t.now()
	resp, err := t.base.RoundTrip(r)
	l := transport.RequestLog{Method: r.Method, Host: r.URL.Host, Path: r.URL.Path, Attempt: 1, Duration: t.now().Sub(start)}
	if err != nil {
		l.Error = "the request failed"
	} else {
		l.Status, l.RequestID = resp.StatusCode, transport.RequestID(resp.Header.Get("Cko-Request-Id"))
	}
	t.log(l.String())
	return resp, err
}
