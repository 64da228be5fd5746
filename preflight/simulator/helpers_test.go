package simulator

import (
	"context"
	"io"
	"net/http"
	"net/http/httptrace"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
)

// Fake credentials of the tests (none is real).
const (
	keyFull       = "sk_sbox_ujzdegxdncf32epf3dhodzdocis" // gateway, disputes, fx, accounts
	keyNoRefunds  = "sk_sbox_2jhtlgmxgedn73u55xtplpft7v4"
	keyRevoked    = "sk_sbox_seh2kvj72ceuvw75efr6edt4syw"
	keyRestricted = "sk_sbox_b5wkh7dnsipzz7fk4zri3r2wyoj"
	keyPrevious   = "sk_test_0e4b6a3e-2c5d-4f6a-9b8c-7d6e5f4a3b2c"
	keyPublic     = "pk_sbox_fljooa7lqsaj2xuid5zzzzg6zdm"
	keyLive       = "sk_en4khvdgajgxbenyjqwx6hh7566" // current platform, production shape

	clientOK      = "ack_tfjgvq6kbnxjbtfqxkwovompzo"
	clientRevoked = "ack_m7wbbr6qmw4wxfogo6mvn6a6wf"
	secretOK      = "fake+client/secret:with=odd&chars"
	secretRevoked = "Zx81!pQ7&mW2#rT5vB9"
)

// secrets lists every secret value of testCredentials.
func secrets() []string {
	return []string{keyFull, keyNoRefunds, keyRevoked, keyRestricted, keyPrevious, keyPublic, keyLive,
		secretOK, secretRevoked}
}

func testCredentials() []Credential {
	return []Credential{
		{Name: "full", SecretKey: keyFull, Scopes: []string{"gateway", "disputes", "fx", "accounts"}},
		{Name: "no-refunds", SecretKey: keyNoRefunds, Scopes: []string{"gateway:payment", "gateway:payment-details"}},
		{Name: "revoked", SecretKey: keyRevoked, Scopes: []string{"gateway"}, Revoked: true},
		{Name: "restricted", SecretKey: keyRestricted, Scopes: []string{"gateway"}, Restricted: []string{"POST /payments/{id}/refunds"}},
		{Name: "previous", SecretKey: keyPrevious},
		{Name: "public", SecretKey: keyPublic},
		{Name: "live", SecretKey: keyLive, Scopes: []string{"gateway"}},
		{Name: "oauth", ClientID: clientOK, ClientSecret: secretOK, Scopes: []string{"gateway", "disputes:accept"}},
		{Name: "oauth-revoked", ClientID: clientRevoked, ClientSecret: secretRevoked, Scopes: []string{"gateway"}, Revoked: true},
	}
}

// testCatalog is a small catalog shaped like the real one.
func testCatalog() *catalog.Catalog {
	oauthOrKey := func(scopes ...string) []catalog.Requirement {
		return []catalog.Requirement{{Scheme: catalog.SchemeOAuth, Scopes: scopes}, {Scheme: catalog.SchemeSecretKey, Scopes: []string{}}}
	}
	both := func(scopes ...string) []catalog.Requirement {
		return []catalog.Requirement{{Scheme: catalog.SchemeOAuth, Scopes: scopes}, {Scheme: catalog.SchemeSecretKey, Scopes: scopes}}
	}
	op := func(method, path, host string, sec []catalog.Requirement) catalog.Operation {
		return catalog.Operation{Method: method, Path: path, Host: host, Status: catalog.StatusCurrent, Security: sec}
	}
	return catalog.New([]catalog.Operation{
		op("GET", "/payments", "api", oauthOrKey("gateway", "gateway:payment-details")),
		op("POST", "/payments", "api", oauthOrKey("gateway", "gateway:payment")),
		op("GET", "/payments/{id}", "api", oauthOrKey("gateway", "gateway:payment-details")),
		op("POST", "/payments/{id}/refunds", "api", oauthOrKey("gateway", "gateway:payment-refunds")),
		op("POST", "/payments/{id}/captures", "api", oauthOrKey("gateway", "gateway:payment-captures")),
		op("GET", "/disputes", "api", oauthOrKey("disputes", "disputes:view")),
		op("POST", "/files", "api", oauthOrKey("disputes", "disputes:provide-evidence")),
		op("POST", "/files", "files", both("files")),
		op("GET", "/forex/rates", "api", []catalog.Requirement{{Scheme: catalog.SchemeOAuth, Scopes: []string{"fx"}}}),
		op("POST", "/accounts/entities", "api", both("accounts")),
		op("POST", "/hosted-payments", "api", []catalog.Requirement{{Scheme: catalog.SchemeSecretKey, Scopes: []string{}}}),
		op("POST", "/tokens", "api", []catalog.Requirement{{Scheme: catalog.SchemePublicKey, Scopes: []string{}}}),
		op("POST", "/issuing/cards", "api", nil),
		op("DELETE", "/simulated/things", "api", oauthOrKey("gateway")),
	}, nil)
}

// fixedNow is the clock of most tests.
var fixedNow = time.Date(2026, 5, 4, 3, 2, 1, 0, time.UTC)

// newTestServer starts a server with the test credentials, catalog and
// fixed clock, unless o sets them; it is closed when tb ends.
func newTestServer(tb testing.TB, o Options) *Server {
	tb.Helper()
	if o.Credentials == nil {
		o.Credentials = testCredentials()
	}
	if o.Catalog == nil {
		o.Catalog = testCatalog()
	}
	if o.Now == nil {
		o.Now = func() time.Time { return fixedNow }
	}
	s := NewServer(o)
	tb.Cleanup(s.Close)
	return s
}

// answer is what a test request got.
type answer struct {
	Status int
	Body   string
	Header http.Header
}

// do sends one request; auth is the Authorization value ("" for none) and
// body the request body ("" for none). It fails tb on a transport error.
func do(tb testing.TB, s *Server, method, path, auth, body string, header ...string) answer {
	tb.Helper()
	req := newRequest(tb, context.Background(), method, s.URL()+path, auth, body, header...)
	resp, err := s.Client().Do(req)
	if err != nil {
		tb.Fatalf("%s %s: %v", method, path, err)
	}
	return readAnswer(tb, resp)
}

// newRequest builds a request; header holds name, value pairs.
func newRequest(tb testing.TB, ctx context.Context, method, url, auth, body string, header ...string) *http.Request {
	tb.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, url, rd)
	if err != nil {
		tb.Fatalf("new request: %v", err)
	}
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return req
}

// cancelOnceWritten returns a context that is cancelled as soon as the
// request using it has been fully written to the server.
func cancelOnceWritten() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	return httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		WroteRequest: func(httptrace.WroteRequestInfo) { cancel() },
	})
}

// assertNoSecret fails tb if text holds any 8-character substring of a
// secret.
func assertNoSecret(tb testing.TB, text string, secrets ...string) {
	tb.Helper()
	for _, sec := range secrets {
		for i := 0; i+8 <= len(sec); i++ {
			if strings.Contains(text, sec[i:i+8]) {
				tb.Fatalf("text holds %q, part of a secret", sec[i:i+8])
			}
		}
	}
}

// hookedServer starts an unstarted server whose handlers report, on the
// returned channels, when a fault is about to be served and when a
// handler has finished.
func hookedServer(tb testing.TB, o Options) (s *Server, faulting, finished <-chan struct{}) {
	tb.Helper()
	if o.Credentials == nil {
		o.Credentials = testCredentials()
	}
	if o.Catalog == nil {
		o.Catalog = testCatalog()
	}
	s = NewUnstartedServer(o)
	f, d := make(chan struct{}, 16), make(chan struct{}, 16)
	s.hooks = &testHooks{
		fault: func() { f <- struct{}{} },
		done:  func() { d <- struct{}{} },
	}
	s.Start()
	tb.Cleanup(s.Close)
	return s, f, d
}

// readAnswer reads and closes resp.
func readAnswer(tb testing.TB, resp *http.Response) answer {
	tb.Helper()
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatalf("read body: %v", err)
	}
	return answer{Status: resp.StatusCode, Body: string(b), Header: resp.Header}
}

// findRecord returns the record of the request answered with requestID.
func findRecord(tb testing.TB, s *Server, requestID string) Request {
	tb.Helper()
	for _, r := range s.Requests() {
		if r.RequestID == requestID {
			return r
		}
	}
	tb.Fatalf("no record of request %q", requestID)
	return Request{}
}

// syncClock is a settable clock safe for concurrent use.
type syncClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *syncClock) set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

func (c *syncClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func secs(n int64) time.Duration { return time.Duration(n) * time.Second }
