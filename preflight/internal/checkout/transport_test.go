package checkout

import (
	"context"
	"errors"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/transport"
)

// transportError asserts that r is inconclusive because of a
// *transport.Error with cause, and returns it.
func transportError(tb testing.TB, r Result, cause transport.Cause) *transport.Error {
	tb.Helper()
	var te *transport.Error
	if !errors.As(r.Err, &te) {
		tb.Fatalf("Err = %v (%T), want a *transport.Error", r.Err, r.Err)
	}
	if r.Outcome != OutcomeInconclusive || te.Cause != cause {
		tb.Fatalf("outcome %q, cause %q (%v), want inconclusive, %q", r.Outcome, te.Cause, te, cause)
	}
	return te
}

func TestProbeHangingServerAndDeadline(t *testing.T) {
	t.Parallel()
	reg, srv := newStubServer(t)
	reg.register("GET", getProbe().Path, func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done() // never answers; ends when the client gives up
	})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	got := testClient(t, srv).Probe(ctx, testAuthorization, getProbe())
	te := transportError(t, got, transport.CauseTimeout)
	if got.Attempts != 1 {
		t.Errorf("Attempts = %d, want 1: no retry after the deadline", got.Attempts)
	}
	if want := "cannot reach " + srv.Listener.Addr().String() + ": no answer in time; the network or the service is slow; rerun, or allow more time"; te.Error() != want {
		t.Errorf("Error() = %q, want %q", te.Error(), want)
	}
}

func TestProbeConnectionRefused(t *testing.T) {
	t.Parallel()
	addr := closedAddr(t)
	c := &Client{Endpoints: Endpoints{API: "http://" + addr}, Retry: fastRetry()}
	got := c.Probe(context.Background(), testAuthorization, getProbe())
	te := transportError(t, got, transport.CauseConnect)
	if got.Attempts != DefaultMaxAttempts {
		t.Errorf("Attempts = %d, want %d: a refused connection is retried", got.Attempts, DefaultMaxAttempts)
	}
	if !strings.HasPrefix(te.Error(), "cannot reach "+addr+": connection failed (connection refused); ") {
		t.Errorf("Error() = %q", te.Error())
	}
}

// hijackClose drops the connection without answering.
func hijackClose(tb testing.TB) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err != nil {
			tb.Errorf("hijack: %v", err)
			return
		}
		conn.Close()
	}
}

func TestProbeConnectionClosedMidResponse(t *testing.T) {
	t.Parallel()
	t.Run("retried", func(t *testing.T) {
		t.Parallel()
		reg, srv := newStubServer(t)
		reg.register("POST", "/payments", hijackClose(t))
		reg.register("POST", "/payments", status(422, "req-2"))
		got := testClient(t, srv).Probe(context.Background(), testAuthorization, postProbe())
		want := Result{Outcome: OutcomeAuthorized, HTTPStatus: 422, RequestID: "req-2", Attempts: 2}
		if diff := cmp.Diff(want, got, ignoreVolatile()); diff != "" {
			t.Errorf("Probe (-want +got):\n%s", diff)
		}
		if keys := reg.requests(); keys[0].Header.Get("Cko-Idempotency-Key") != keys[1].Header.Get("Cko-Idempotency-Key") {
			t.Errorf("the retry changed the idempotency key")
		}
	})
	t.Run("half an answer", func(t *testing.T) {
		t.Parallel()
		reg, srv := newStubServer(t)
		reg.register("GET", getProbe().Path, func(w http.ResponseWriter, _ *http.Request) {
			conn, buf, err := w.(http.Hijacker).Hijack()
			if err != nil {
				t.Errorf("hijack: %v", err)
				return
			}
			buf.WriteString("HTTP/1.1 404 Not Fo")
			buf.Flush()
			conn.Close()
		})
		c := testClient(t, srv)
		c.Retry.MaxAttempts = 1
		got := c.Probe(context.Background(), testAuthorization, getProbe())
		transportError(t, got, transport.CauseEOF)
	})
}

func TestProbeTLSFailure(t *testing.T) {
	t.Parallel()
	reg := &registry{tb: t} // no stub: the handshake must fail first
	srv := httptest.NewUnstartedServer(reg)
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the handshake error is expected
	srv.StartTLS()
	t.Cleanup(func() { srv.Close(); reg.verify() })
	e, err := ResolveEndpoints("sandbox", "", srv.URL, "")
	if err != nil {
		t.Fatal(err)
	}
	c := &Client{HTTP: NewHTTPClient(ClientOptions{}), Endpoints: e, Retry: fastRetry()}
	got := c.Probe(context.Background(), testAuthorization, getProbe())
	te := transportError(t, got, transport.CauseTLS)
	if got.Attempts != 1 {
		t.Errorf("Attempts = %d, want 1: a certificate error is not retried", got.Attempts)
	}
	if want := "cannot reach " + srv.Listener.Addr().String() + ": TLS handshake failed ("; !strings.HasPrefix(te.Error(), want) || !strings.Contains(te.Error(), "certificate") {
		t.Errorf("Error() = %q, want it to start %q and name the certificate", te.Error(), want)
	}
}

func TestProbeDNSFailure(t *testing.T) {
	t.Parallel()
	// .invalid never resolves (RFC 2606); no query leaves a resolver that
	// knows it, but a sandbox resolver might hang: then skip.
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	c := &Client{Endpoints: Endpoints{API: "http://nonexistent.invalid"}, Retry: fastRetry()}
	got := c.Probe(ctx, testAuthorization, getProbe())
	var te *transport.Error
	if errors.As(got.Err, &te) && te.Cause == transport.CauseTimeout {
		t.Skip("the resolver did not answer in time")
	}
	te = transportError(t, got, transport.CauseDNS)
	if !strings.HasPrefix(te.Error(), "cannot reach nonexistent.invalid: DNS lookup failed (") {
		t.Errorf("Error() = %q", te.Error())
	}
}

func TestNewHTTPClientProxy(t *testing.T) {
	t.Parallel()
	env := map[string]string{
		"HTTPS_PROXY": "http://proxy.internal:3128",
		"http_proxy":  "http://127.0.0.1:8888",
		"NO_PROXY":    "files.sandbox.checkout.com",
	}
	hc := NewHTTPClient(ClientOptions{Getenv: func(k string) string { return env[k] }, UserAgent: "ua"})
	tr := hc.Transport.(*userAgentTransport).next.proxied // the transport of proxied requests
	tests := map[string]string{
		"https://api.sandbox.checkout.com/payments": "http://proxy.internal:3128",
		"http://api.sandbox.checkout.com/payments":  "http://127.0.0.1:8888",
		"https://files.sandbox.checkout.com/files":  "",
		"http://127.0.0.1:9999/payments":            "", // httpproxy never proxies loopback
		"https://localhost/payments":                "",
	}
	for target, want := range tests {
		req, _ := http.NewRequest("GET", target, nil)
		u, err := tr.Proxy(req)
		if err != nil {
			t.Fatalf("Proxy(%s): %v", target, err)
		}
		got := ""
		if u != nil {
			got = u.String()
		}
		if got != want {
			t.Errorf("Proxy(%s) = %q, want %q", target, got, want)
		}
	}
	if tr := NewHTTPClient(ClientOptions{}).Transport.(*hostTransport); tr.proxied != nil || tr.direct.Proxy != nil {
		t.Errorf("a nil Getenv must mean no proxy")
	}
}

func TestProbeThroughProxy(t *testing.T) {
	t.Parallel()
	// A fake forward proxy on loopback: the probe targets the real host
	// name over http://, which HTTP_PROXY sends to the proxy; nothing
	// leaves the machine.
	reg, proxy := newStubServer(t)
	var gotHost string
	reg.register("GET", getProbe().Path, func(w http.ResponseWriter, r *http.Request) {
		gotHost = r.Host
		status(404, "via-proxy")(w, r)
	})
	env := map[string]string{"HTTP_PROXY": proxy.URL}
	c := &Client{
		HTTP:      NewHTTPClient(ClientOptions{Getenv: func(k string) string { return env[k] }}),
		Endpoints: Endpoints{API: "http://api.sandbox.checkout.com"},
		Retry:     fastRetry(),
	}
	got := c.Probe(context.Background(), testAuthorization, getProbe())
	want := Result{Outcome: OutcomeAuthorized, HTTPStatus: 404, RequestID: "via-proxy", Attempts: 1}
	if diff := cmp.Diff(want, got, ignoreVolatile()); diff != "" {
		t.Errorf("Probe (-want +got):\n%s", diff)
	}
	if gotHost != "api.sandbox.checkout.com" {
		t.Errorf("the proxy saw host %q, want api.sandbox.checkout.com", gotHost)
	}
}

func TestNewHTTPClientDefaults(t *testing.T) {
	t.Parallel()
	hc := NewHTTPClient(ClientOptions{})
	tr := hc.Transport.(*hostTransport).direct
	got := []any{hc.Timeout, tr.ForceAttemptHTTP2, tr.MaxIdleConnsPerHost, tr.TLSHandshakeTimeout, tr.ResponseHeaderTimeout, tr.DisableKeepAlives,
		hc.CheckRedirect(nil, nil) == http.ErrUseLastResponse}
	want := []any{DefaultTimeout, true, DefaultMaxIdleConnsPerHost, DefaultTimeout, DefaultTimeout, false, true}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("defaults (-want +got):\n%s", diff)
	}
}
