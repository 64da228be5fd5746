package verify

import (
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/spec"
)

// inFlight counts requests in flight by kind and keeps the peaks.
type inFlight struct {
	mu        sync.Mutex
	now, peak map[string]int
	next      http.RoundTripper
}

func (f *inFlight) RoundTrip(r *http.Request) (*http.Response, error) {
	kind := "write"
	switch {
	case r.Header.Get("Authorization") != "Bearer "+keyFull:
		kind = "control"
	case r.Method == http.MethodGet:
		kind = "read"
	}
	f.mu.Lock()
	f.now[kind]++
	f.peak[kind] = max(f.peak[kind], f.now[kind])
	f.peak["account"] = max(f.peak["account"], f.now["read"]+f.now["write"])
	f.mu.Unlock()
	time.Sleep(20 * time.Millisecond) // long enough for every sendable request to overlap
	defer func() { f.mu.Lock(); f.now[kind]--; f.mu.Unlock() }()
	return f.next.RoundTrip(r)
}

// TestReadAndWriteBudgets: reads and writes made with the account's
// credential are bounded separately, as Checkout.com limits them, and
// controls have a budget of their own; none waits for the others.
func TestReadAndWriteBudgets(t *testing.T) {
	t.Parallel()
	sim := newSim(t)
	p := planFor(t, sim, spec.Credential{SecretKey: keyFull},
		"GET /payments/{id}", "GET /payments/{id}/actions", "GET /disputes/{dispute_id}", "GET /instruments/{id}", "GET /disputes",
		"POST /payments", "POST /payments/{id}/refunds", "POST /payments/{id}/captures", "POST /payments/{id}/voids", "POST /instruments")
	f := &inFlight{now: map[string]int{}, peak: map[string]int{}, next: sim.Client().Transport}
	hc := *sim.Client()
	hc.Transport = f
	Run(t.Context(), p, Options{HTTPClient: &hc, Concurrency: 3})
	if diff := cmp.Diff(map[string]int{"read": 3, "write": 3, "account": 6, "control": 6}, f.peak); diff != "" {
		t.Errorf("peak requests in flight (-want +got):\n%s", diff)
	}
}
