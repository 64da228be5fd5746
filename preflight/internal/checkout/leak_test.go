package checkout

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/probe"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/transport"
)

// assertNoSecret fails if s contains secret or any 8-character piece of it.
func assertNoSecret(tb testing.TB, what, s, secret string) {
	tb.Helper()
	for n := 0; n+8 <= len(secret); n++ {
		if piece := secret[n : n+8]; strings.Contains(s, piece) {
			tb.Errorf("%s contains %q, a piece of the credential: %s", what, piece, s)
			return
		}
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// TestNoSecretLeaks runs probes that fail in every way and checks that the
// Authorization value shows up in no error, no request id and no log line:
// the client never quotes a header, a body or a malformed request id.
func TestNoSecretLeaks(t *testing.T) {
	t.Parallel()
	const secret = "sk_sbox_m73dzbpy7cf3gfd46xr4yj5xo4e"
	echo := func(w http.ResponseWriter, r *http.Request) {
		// A hostile proxy echoing the header wherever it can.
		w.Header().Set("Cko-Request-Id", r.Header.Get("Authorization"))
		w.Header().Set("Location", "https://x.example/"+r.Header.Get("Authorization"))
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprint(w, r.Header.Get("Authorization"))
	}
	refused := func() string {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		return "http://" + l.Addr().String()
	}()
	tests := []struct {
		name  string
		setup func(t *testing.T) *Client
	}{
		{"echoing server", func(t *testing.T) *Client {
			reg, srv := newStubServer(t)
			for range 2 {
				reg.register("POST", "/payments", echo)
			}
			c := testClient(t, srv)
			c.Retry.MaxAttempts = 2
			return c
		}},
		// A request id spelt like one but holding a piece of the key is
		// kept here; the redacting sink removes it from every output (see
		// the command package's leak matrix).
		{"connection refused", func(t *testing.T) *Client {
			return &Client{Endpoints: Endpoints{API: refused}, Retry: fastRetry()}
		}},
		{"transport error quoting the header", func(t *testing.T) *Client {
			return &Client{
				Endpoints: Endpoints{API: "https://api.sandbox.checkout.com"},
				Retry:     fastRetry(),
				HTTP: &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
					return nil, &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("refused for " + r.Header.Get("Authorization"))}
				})},
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := tt.setup(t)
			var mu sync.Mutex
			var lines []string
			c.Log = func(l transport.RequestLog) { mu.Lock(); lines = append(lines, l.String()); mu.Unlock() }
			p := probe.Probe{Method: "POST", Host: "api", Path: "/payments", Body: []byte("[]"), ContentType: "application/json"}
			r := c.Probe(context.Background(), "Bearer "+secret, p)
			if r.Err == nil {
				t.Fatalf("Probe = %+v, want an error to inspect", r)
			}
			if len(lines) == 0 {
				t.Fatalf("no log line to inspect")
			}
			assertNoSecret(t, "Err", r.Err.Error(), secret)
			assertNoSecret(t, "RequestID", r.RequestID, secret)
			assertNoSecret(t, "Result", fmt.Sprintf("%+v", r), secret)
			for _, l := range lines {
				assertNoSecret(t, "log line", l, secret)
			}
		})
	}
}
