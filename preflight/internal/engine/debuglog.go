package engine

import (
	"net/http"
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
)

// loggedClient returns the run's client with every exchange logged, for
// the requests the Checkout.com client does not log itself: token
// requests and IP echo lookups. It returns the client unchanged when
// debugging is off.
func (o Options) loggedClient() *http.Client {
	if o.Debug == nil {
		return o.HTTPClient
	}
	c := *o.HTTPClient
	base := c.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	c.Transport = &logTransport{base: base, log: o.Debug, now: o.Now}
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
	l := checkout.RequestLog{Method: r.Method, Host: r.URL.Host, Path: r.URL.Path, Attempt: 1, Duration: t.now().Sub(start)}
	if err != nil {
		l.Error = "the request failed"
	} else {
		l.Status, l.RequestID = resp.StatusCode, resp.Header.Get("Cko-Request-Id")
	}
	t.log(l.String())
	return resp, err
}
