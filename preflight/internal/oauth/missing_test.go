package oauth

import (
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/transport"
)

// gate holds requests until n are in flight at once, proving they run
// concurrently. If that never happens it opens after a long timeout, so a
// sequential implementation fails the test instead of hanging it.
type gate struct {
	n     int
	ready chan struct{}

	mu       sync.Mutex
	inFlight int
	max      int
	opened   bool
	timedOut bool
}

func newGate(n int) *gate { return &gate{n: n, ready: make(chan struct{})} }

// pass blocks the calling request until the gate opens.
func (g *gate) pass() {
	g.mu.Lock()
	g.inFlight++
	g.max = max(g.max, g.inFlight)
	if g.inFlight == g.n && !g.opened {
		g.opened = true
		close(g.ready)
	}
	g.mu.Unlock()
	select {
	case <-g.ready:
	case <-time.After(10 * time.Second):
		g.mu.Lock()
		g.timedOut = true
		if !g.opened { // let the rest through at once
			g.opened = true
			close(g.ready)
		}
		g.mu.Unlock()
	}
}

// leave marks the request as answered.
func (g *gate) leave() {
	g.mu.Lock()
	g.inFlight--
	g.mu.Unlock()
}

func TestMissingScopes(t *testing.T) {
	t.Parallel()
	held := []string{"gateway", "vault", "files"}
	asked := []string{"gateway", "disputes", "vault", "gateway", "payouts", "files"}
	const parallelism = 3
	g := newGate(parallelism)
	f := newFake(t, func(w http.ResponseWriter, r *http.Request, req tokenRequest) {
		g.pass()
		defer g.leave()
		checkoutKey(t, 401, held...)(w, r, req)
	})
	missing, granted, err := f.config().MissingScopes(t.Context(), testClientID, testSecret, asked, parallelism)
	if err != nil {
		t.Fatalf("MissingScopes: %v", err)
	}
	if diff := cmp.Diff([]string{"disputes", "payouts"}, missing); diff != "" {
		t.Errorf("missing (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"gateway", "vault", "files"}, granted); diff != "" {
		t.Errorf("granted (-want +got):\n%s", diff)
	}
	if got := f.count(); got != 5 {
		t.Errorf("requests = %d, want one per distinct scope (5)", got)
	}
	for _, req := range f.all() {
		if strings.Contains(req.Form.Get("scope"), " ") {
			t.Errorf("a request asked for %q, want one scope per request", req.Form.Get("scope"))
		}
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.timedOut {
		t.Errorf("the requests never had %d in flight at once: they did not run concurrently", parallelism)
	}
	if g.max > parallelism {
		t.Errorf("%d requests were in flight at once, want at most %d", g.max, parallelism)
	}
}

func TestMissingScopesInconclusive(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(w http.ResponseWriter, r *http.Request, req tokenRequest) {
		switch req.Form.Get("scope") {
		case "vault":
			conn, _, err := http.NewResponseController(w).Hijack()
			if err != nil {
				t.Errorf("hijack: %v", err)
				return
			}
			conn.Close() // no answer at all
		case "files":
			w.WriteHeader(http.StatusServiceUnavailable)
		default:
			checkoutKey(t, 401, "gateway")(w, r, req)
		}
	})
	cfg := f.config()
	missing, granted, err := cfg.MissingScopes(t.Context(), testClientID, testSecret, []string{"gateway", "vault", "disputes", "files"}, 0)
	if diff := cmp.Diff([]string{"disputes"}, missing); diff != "" {
		t.Errorf("missing (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"gateway"}, granted); diff != "" {
		t.Errorf("granted (-want +got):\n%s", diff)
	}
	if err == nil {
		t.Fatal("MissingScopes error = nil, want the transport and 503 failures")
	}
	var te *transport.Error
	if !errors.As(err, &te) {
		t.Errorf("errors.As(%v, *transport.Error) = false", err)
	}
	var e *Error
	if !errors.As(err, &e) || !e.Temporary() {
		t.Errorf("errors.As(%v, *Error) found no temporary error", err)
	}
	for _, want := range []string{"could not check 2 of 4 scopes", `scope "vault"`, `scope "files"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not contain %q", err, want)
		}
	}
}

func TestMissingScopesInvalidClient(t *testing.T) {
	t.Parallel()
	f := newFake(t, checkoutKey(t, 401, "gateway"))
	missing, granted, err := f.config().MissingScopes(t.Context(), testClientID, "not-the-secret", []string{"gateway", "vault"}, 2)
	var e *Error
	if !errors.As(err, &e) || e.Code != CodeInvalidClient {
		t.Fatalf("MissingScopes error = %v, want invalid_client", err)
	}
	if missing != nil || granted != nil {
		t.Errorf("missing, granted = %q, %q; want nil, nil", missing, granted)
	}
}

func TestMissingScopesNothingAsked(t *testing.T) {
	t.Parallel()
	f := newFake(t, checkoutKey(t, 401))
	missing, granted, err := f.config().MissingScopes(t.Context(), testClientID, testSecret, nil, 2)
	if missing != nil || granted != nil || err != nil {
		t.Errorf("MissingScopes(nil) = %q, %q, %v; want nil, nil, nil", missing, granted, err)
	}
	if got := f.count(); got != 0 {
		t.Errorf("requests = %d, want 0", got)
	}
}
