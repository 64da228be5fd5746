package checkout

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/probe"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/transport"
)

// A made-up credential for the tests; it is not a real key.
const testAuthorization = "Bearer sk_sbox_m73dzbpy7cf3gfd46xr4yj5xo4e"

// fastRetry keeps retry waits in the milliseconds.
func fastRetry() RetryPolicy {
	return RetryPolicy{Initial: time.Millisecond, Max: 5 * time.Millisecond}
}

// testClient returns a client whose every host is srv.
func testClient(tb testing.TB, srv *httptest.Server) *Client {
	tb.Helper()
	e, err := ResolveEndpoints("sandbox", "", srv.URL, srv.URL+"/connect/token")
	if err != nil {
		tb.Fatal(err)
	}
	keys := 0
	var mu sync.Mutex
	return &Client{
		HTTP:      NewHTTPClient(ClientOptions{}),
		Endpoints: e,
		UserAgent: "checkout-preflight/test",
		Retry:     fastRetry(),
		NewIdempotencyKey: func() string {
			mu.Lock()
			defer mu.Unlock()
			keys++
			return fmt.Sprintf("key-%d", keys)
		},
	}
}

func getProbe() probe.Probe {
	return probe.Probe{Method: "GET", Host: "api", Path: "/payments/pay_" + probe.Marker, Idempotent: true}
}

func postProbe() probe.Probe {
	return probe.Probe{Method: "POST", Host: "api", Path: "/payments", Body: []byte("[]"), ContentType: "application/json"}
}

// ignoreVolatile leaves Duration and Err to dedicated assertions.
func ignoreVolatile() cmp.Option {
	return cmpopts.IgnoreFields(Result{}, "Duration", "Err", "Answer", "Evidence")
}

func TestProbeOutcomes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		p       probe.Probe
		status  int
		want    Outcome
		wantErr bool // a *StatusError
	}{
		{"GET 200", getProbe(), 200, OutcomeAuthorized, false},
		{"GET 404", getProbe(), 404, OutcomeAuthorized, false},
		{"POST 400", postProbe(), 400, OutcomeAuthorized, false},
		{"POST 405", postProbe(), 405, OutcomeAuthorized, false},
		{"POST 409", postProbe(), 409, OutcomeAuthorized, false},
		{"POST 415", postProbe(), 415, OutcomeAuthorized, false},
		{"POST 422", postProbe(), 422, OutcomeAuthorized, false},
		{"POST 401", postProbe(), 401, OutcomeUnauthenticated, false},
		{"GET 403", getProbe(), 403, OutcomeForbidden, false},
		{"POST 201", postProbe(), 201, OutcomeUnexpectedSuccess, true},
		{"GET 302 not followed, past authorisation", getProbe(), 302, OutcomeAuthorized, false},
		{"GET 407", getProbe(), 407, OutcomeInconclusive, true},
		{"GET 418", getProbe(), 418, OutcomeInconclusive, true},
		{"GET 501 not retried", getProbe(), 501, OutcomeInconclusive, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			reg, srv := newStubServer(t)
			reg.register(tt.p.Method, tt.p.Path, status(tt.status, "req-1", "Location", "https://elsewhere.example.com/"))
			got := testClient(t, srv).Probe(context.Background(), testAuthorization, tt.p)
			want := Result{Outcome: tt.want, HTTPStatus: tt.status, RequestID: "req-1", Attempts: 1}
			if diff := cmp.Diff(want, got, ignoreVolatile()); diff != "" {
				t.Errorf("Probe (-want +got):\n%s", diff)
			}
			var se *StatusError
			if gotErr := errors.As(got.Err, &se); gotErr != tt.wantErr || (got.Err != nil && !gotErr) {
				t.Errorf("Err = %v (%T), want a *StatusError: %v", got.Err, got.Err, tt.wantErr)
			}
		})
	}
}

func TestProbeRequest(t *testing.T) {
	t.Parallel()
	reg, srv := newStubServer(t)
	reg.register("POST", "/payments", status(422, ""))
	reg.register("GET", "/disputes", status(200, ""))
	c := testClient(t, srv)
	c.Probe(context.Background(), testAuthorization, postProbe())
	c.Probe(context.Background(), "sk_sbox_previousplatformkey0", probe.Probe{Method: "GET", Host: "api", Path: "/disputes", Query: "limit=1", Idempotent: true})
	got := reg.requests()
	for i := range got {
		got[i].Header = http.Header{
			"Authorization":       got[i].Header.Values("Authorization"),
			"User-Agent":          got[i].Header.Values("User-Agent"),
			"Content-Type":        got[i].Header.Values("Content-Type"),
			"Accept":              got[i].Header.Values("Accept"),
			"Cko-Idempotency-Key": got[i].Header.Values("Cko-Idempotency-Key"),
		}
	}
	want := []seen{
		{Method: "POST", Path: "/payments", Body: "[]", Header: http.Header{
			"Authorization":       {testAuthorization},
			"User-Agent":          {"checkout-preflight/test"},
			"Content-Type":        {"application/json"},
			"Accept":              {"application/json"},
			"Cko-Idempotency-Key": {"key-1"},
		}},
		{Method: "GET", Path: "/disputes", Query: "limit=1", Header: http.Header{
			"Authorization":       {"sk_sbox_previousplatformkey0"},
			"User-Agent":          {"checkout-preflight/test"},
			"Content-Type":        nil,
			"Accept":              {"application/json"},
			"Cko-Idempotency-Key": nil,
		}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
}

func TestProbeUserAgentFromHTTPClient(t *testing.T) {
	t.Parallel()
	reg, srv := newStubServer(t)
	reg.register("GET", getProbe().Path, status(404, ""))
	c := testClient(t, srv)
	c.UserAgent = ""
	c.HTTP = NewHTTPClient(ClientOptions{UserAgent: "checkout-preflight/9.9 (+https://example.invalid)"})
	c.Probe(context.Background(), "", getProbe())
	got := reg.requests()
	if len(got) != 1 {
		t.Fatalf("got %d requests, want 1", len(got))
	}
	if diff := cmp.Diff([]string{"checkout-preflight/9.9 (+https://example.invalid)"}, got[0].Header.Values("User-Agent")); diff != "" {
		t.Errorf("User-Agent (-want +got):\n%s", diff)
	}
	if v := got[0].Header.Values("Authorization"); v != nil {
		t.Errorf("Authorization = %q, want none for an empty authorization", v)
	}
}

func TestProbeIdempotencyKeyAcrossRetries(t *testing.T) {
	t.Parallel()
	reg, srv := newStubServer(t)
	reg.register("POST", "/payments", status(503, ""))
	reg.register("POST", "/payments", status(502, ""))
	reg.register("POST", "/payments", status(422, "req-3"))
	reg.register("POST", "/payments", status(422, ""))
	c := testClient(t, srv)
	c.NewIdempotencyKey = nil // the default: a random UUIDv4
	got := c.Probe(context.Background(), testAuthorization, postProbe())
	want := Result{Outcome: OutcomeAuthorized, HTTPStatus: 422, RequestID: "req-3", Attempts: 3}
	if diff := cmp.Diff(want, got, ignoreVolatile()); diff != "" {
		t.Errorf("Probe (-want +got):\n%s", diff)
	}
	c.Probe(context.Background(), testAuthorization, postProbe())
	var keys []string
	for _, r := range reg.requests() {
		keys = append(keys, r.Header.Get("Cko-Idempotency-Key"))
	}
	uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	if len(keys) != 4 || !uuid.MatchString(keys[0]) || keys[0] != keys[1] || keys[1] != keys[2] || keys[3] == keys[0] || !uuid.MatchString(keys[3]) {
		t.Errorf("keys = %q, want one UUIDv4 for the three attempts of the first probe and another for the second", keys)
	}
}

func TestProbeRetryAfterThenAnswer(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, retryAfter string }{
		{"seconds", "1"},
		{"http date", time.Now().Add(time.Hour).UTC().Format(http.TimeFormat)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			reg, srv := newStubServer(t)
			reg.register("GET", getProbe().Path, status(429, "", "Retry-After", tt.retryAfter))
			reg.register("GET", getProbe().Path, status(404, "req-2"))
			got := testClient(t, srv).Probe(context.Background(), testAuthorization, getProbe())
			want := Result{Outcome: OutcomeAuthorized, HTTPStatus: 404, RequestID: "req-2", Attempts: 2}
			if diff := cmp.Diff(want, got, ignoreVolatile()); diff != "" {
				t.Errorf("Probe (-want +got):\n%s", diff)
			}
		})
	}
}

func TestProbeHugeRetryAfterStopsBeforeDeadline(t *testing.T) {
	t.Parallel()
	reg, srv := newStubServer(t)
	reg.register("GET", getProbe().Path, status(429, "req-1", "Retry-After", "3600"))
	c := testClient(t, srv)
	c.Retry = RetryPolicy{Initial: time.Millisecond, Max: 24 * time.Hour}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	got := c.Probe(ctx, testAuthorization, getProbe())
	want := Result{Outcome: OutcomeInconclusive, HTTPStatus: 429, RequestID: "req-1", Attempts: 1}
	if diff := cmp.Diff(want, got, ignoreVolatile()); diff != "" {
		t.Errorf("Probe (-want +got):\n%s", diff)
	}
	var se *StatusError
	if !errors.As(got.Err, &se) || se.RetryAfter != time.Hour {
		t.Errorf("Err = %v, want a *StatusError with RetryAfter 1h", got.Err)
	}
	if ctx.Err() != nil {
		t.Errorf("the probe ran into the deadline instead of stopping before it")
	}
}

func TestProbePersistentServerError(t *testing.T) {
	t.Parallel()
	reg, srv := newStubServer(t)
	for range DefaultMaxAttempts {
		reg.register("POST", "/payments", status(503, "req-x"))
	}
	got := testClient(t, srv).Probe(context.Background(), testAuthorization, postProbe())
	want := Result{Outcome: OutcomeInconclusive, HTTPStatus: 503, RequestID: "req-x", Attempts: DefaultMaxAttempts}
	if diff := cmp.Diff(want, got, ignoreVolatile()); diff != "" {
		t.Errorf("Probe (-want +got):\n%s", diff)
	}
	var se *StatusError
	if !errors.As(got.Err, &se) || se.Status != 503 || se.Attempts != DefaultMaxAttempts {
		t.Errorf("Err = %#v, want a *StatusError for 503 after %d attempts", got.Err, DefaultMaxAttempts)
	}
}

func TestProbeSkipped(t *testing.T) {
	t.Parallel()
	_, srv := newStubServer(t) // no stub: any request fails the test
	p := probe.Probe{Method: "POST", Host: "access", Path: "/connect/token", Skip: "a token endpoint"}
	got := testClient(t, srv).Probe(context.Background(), testAuthorization, p)
	if got.Outcome != OutcomeNotChecked || got.Attempts != 0 || got.Err == nil {
		t.Errorf("Probe = %+v, want not_checked with no attempt and a reason", got)
	}
}

func TestProbeUnknownHost(t *testing.T) {
	t.Parallel()
	_, srv := newStubServer(t)
	got := testClient(t, srv).Probe(context.Background(), testAuthorization, probe.Probe{Method: "GET", Host: "moon", Path: "/x", Idempotent: true})
	if got.Outcome != OutcomeInconclusive || got.Attempts != 0 || got.Err == nil {
		t.Errorf("Probe = %+v, want inconclusive with no attempt", got)
	}
}

func TestProbeLogs(t *testing.T) {
	t.Parallel()
	reg, srv := newStubServer(t)
	reg.register("GET", getProbe().Path, status(503, "req-1"))
	reg.register("GET", getProbe().Path, status(404, "req-2"))
	c := testClient(t, srv)
	var mu sync.Mutex
	var got []transport.RequestLog
	c.Log = func(l transport.RequestLog) { mu.Lock(); got = append(got, l); mu.Unlock() }
	c.Probe(context.Background(), testAuthorization, getProbe())
	host := srv.Listener.Addr().String()
	want := []transport.RequestLog{
		{Method: "GET", Host: host, Path: getProbe().Path, Attempt: 1, Status: 503, RequestID: "req-1"},
		{Method: "GET", Host: host, Path: getProbe().Path, Attempt: 2, Status: 404, RequestID: "req-2"},
	}
	if diff := cmp.Diff(want, got, cmpopts.IgnoreFields(transport.RequestLog{}, "Duration")); diff != "" {
		t.Errorf("logs (-want +got):\n%s", diff)
	}
	line := transport.RequestLog{Method: "GET", Host: "api.sandbox.checkout.com", Path: "/payments", Attempt: 2, Status: 404, RequestID: "r1", Duration: 1234 * time.Microsecond}.String()
	if want := `GET api.sandbox.checkout.com/payments attempt 2: 404 in 1ms (cko-request-id "r1")`; line != want {
		t.Errorf("String() = %q, want %q", line, want)
	}
}

func TestProbeBackoffBeyondDeadlineStops(t *testing.T) {
	t.Parallel()
	reg, srv := newStubServer(t)
	reg.register("GET", getProbe().Path, status(503, "req-1"))
	c := testClient(t, srv)
	c.Retry = RetryPolicy{Initial: time.Hour, Max: time.Hour}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	got := c.Probe(ctx, testAuthorization, getProbe())
	want := Result{Outcome: OutcomeInconclusive, HTTPStatus: 503, RequestID: "req-1", Attempts: 1}
	if diff := cmp.Diff(want, got, ignoreVolatile()); diff != "" {
		t.Errorf("Probe (-want +got):\n%s", diff)
	}
	if ctx.Err() != nil {
		t.Errorf("the probe waited into the deadline instead of stopping before it")
	}
}

// TestProbeSlowBody: once the status is in, a body that trickles in for
// longer than BodyWait does not hold the probe.
func TestProbeSlowBody(t *testing.T) {
	t.Parallel()
	reg, srv := newStubServer(t)
	reg.register("GET", getProbe().Path, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNotFound)
		for range 100 {
			if _, err := w.Write([]byte("x")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(100 * time.Millisecond):
			}
		}
	})
	c := testClient(t, srv)
	c.BodyWait = 50 * time.Millisecond
	start := time.Now()
	got := c.Probe(context.Background(), testAuthorization, getProbe())
	if got.Outcome != OutcomeAuthorized || got.HTTPStatus != 404 {
		t.Errorf("got %+v, want the 404 judged", got)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("the probe took %v: the body held it", d)
	}
}
