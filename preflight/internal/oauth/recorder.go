package oauth

import (
	"errors"
	"io"
	"net/http"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/transport"
)

// maxRecordedBody matches the most oauth2 reads of a token response.
const maxRecordedBody = 1 << 20

// recorder remembers what came back for one token request, so that errors
// oauth2 reports only as text ("cannot parse json", "missing access_token",
// "cannot fetch token") can be told apart: a body that could not be read is
// a transport failure, a body that was read but held no token is
// invalid_response. It is used by one request at a time.
type recorder struct {
	status      int
	contentType string
	body        []byte
	readErr     error
	requestID   string // Cko-Request-Id, when spelt like one
}

// recordingTransport passes requests to base (http.DefaultTransport when
// nil) and records the answer in rec.
type recordingTransport struct {
	base http.RoundTripper
	rec  *recorder
	// headers is called when the answer's headers are in; nil means
	// nothing to do.
	headers func()
}

// RoundTrip implements http.RoundTripper.
func (t *recordingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	base := t.base
	if base == nil {
		base = http.DefaultTransport
	}
	resp, err := base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if t.headers != nil {
		t.headers()
	}
	t.rec.status = resp.StatusCode
	t.rec.contentType = resp.Header.Get("Content-Type")
	t.rec.requestID = transport.RequestID(resp.Header.Get("Cko-Request-Id"))
	resp.Body = &recordingBody{ReadCloser: resp.Body, rec: t.rec}
	return resp, nil
}

// recordingBody copies what is read into the recorder and keeps the first
// read error other than io.EOF.
type recordingBody struct {
	io.ReadCloser
	rec *recorder
}

// Read implements io.Reader.
func (b *recordingBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if room := maxRecordedBody - len(b.rec.body); room > 0 {
		b.rec.body = append(b.rec.body, p[:min(n, room)]...)
	}
	if err != nil && !errors.Is(err, io.EOF) && b.rec.readErr == nil {
		b.rec.readErr = err
	}
	return n, err
}

// noRedirects makes the client return a redirect as the answer instead of
// following it with the Authorization header.
func noRedirects(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
