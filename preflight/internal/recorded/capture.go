package recorded

import (
	"io"
	"net/http"
	"sync"
)

// Exchange is what one answer carried, as the client saw it.
type Exchange struct {
	// Status is the HTTP status code.
	Status int
	// Header is a copy of the answer's headers.
	Header http.Header
	// Body holds the bytes of the body the client read (it may have
	// stopped before the end); nil when it read none.
	Body []byte
}

// Capture is an http.RoundTripper that keeps what the last answer through
// it carried: when a client retries, the answer it judged. Use one Capture
// per probe. Its zero value sends with http.DefaultTransport. It is safe
// for concurrent use, but concurrent requests make Last meaningless.
type Capture struct {
	// Base sends the requests; nil means http.DefaultTransport.
	Base http.RoundTripper

	mu   sync.Mutex
	last *Exchange
}

// RoundTrip sends r through Base and keeps the answer's status, headers
// and, as the caller reads it, its body.
func (c *Capture) RoundTrip(r *http.Request) (*http.Response, error) {
	base := c.Base
	if base == nil {
		base = http.DefaultTransport
	}
	resp, err := base.RoundTrip(r)
	if err != nil {
		return resp, err
	}
	ex := &Exchange{Status: resp.StatusCode, Header: resp.Header.Clone()}
	c.mu.Lock()
	c.last = ex
	c.mu.Unlock()
	if resp.Body != nil {
		resp.Body = &teeBody{ReadCloser: resp.Body, c: c, ex: ex}
	}
	return resp, nil
}

// Last returns a copy of the last answer; ok is false when none came.
func (c *Capture) Last() (ex Exchange, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.last == nil {
		return Exchange{}, false
	}
	ex = *c.last
	ex.Header = ex.Header.Clone()
	ex.Body = append([]byte(nil), ex.Body...)
	if len(ex.Body) == 0 {
		ex.Body = nil
	}
	return ex, true
}

// teeBody copies what is read of an answer's body into its Exchange.
type teeBody struct {
	io.ReadCloser
	c  *Capture
	ex *Exchange
}

func (b *teeBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if n > 0 {
		b.c.mu.Lock()
		b.ex.Body = append(b.ex.Body, p[:n]...)
		b.c.mu.Unlock()
	}
	return n, err
}
