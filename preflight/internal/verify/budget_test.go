package verify

import (
	"context"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/credential"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/spec"
	"github.com/checkout-preflight/checkout-preflight/preflight/simulator"
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

// TestBudgetServesUrgentFirst: with the one slot taken, three requests
// wait, then an urgent one (a token request): freed slots go to the urgent
// one first, then to the others in the order they came; a waiter whose
// context ends leaves the queue.
func TestBudgetServesUrgentFirst(t *testing.T) {
	t.Parallel()
	b := newBudget(1)
	if !b.acquire(t.Context(), false) {
		t.Fatal("the free slot was not given")
	}
	var (
		mu    sync.Mutex
		order []string
		wg    sync.WaitGroup
	)
	wait := func(name string, urgent bool) {
		queued := len(b.waiting())
		wg.Go(func() {
			if b.acquire(t.Context(), urgent) {
				mu.Lock()
				order = append(order, name)
				mu.Unlock()
				b.release()
			}
		})
		for len(b.waiting()) == queued { // until it is queued
			time.Sleep(time.Millisecond)
		}
	}
	wait("probe 1", false)
	wait("probe 2", false)
	ctx, cancel := context.WithCancel(t.Context())
	gone := make(chan bool)
	go func() { gone <- b.acquire(ctx, false) }()
	for len(b.waiting()) == 2 {
		time.Sleep(time.Millisecond)
	}
	cancel()
	if <-gone {
		t.Error("a waiter whose context ended was given a slot")
	}
	wait("probe 3", false)
	wait("token", true)
	b.release()
	wg.Wait()
	if diff := cmp.Diff([]string{"token", "probe 1", "probe 2", "probe 3"}, order); diff != "" {
		t.Errorf("order served (-want +got):\n%s", diff)
	}
	if b.free != 1 || len(b.waiting()) != 0 {
		t.Errorf("after everything: %d free, %d waiting; want the slot back", b.free, len(b.waiting()))
	}
}

// TestBudgetNeverLosesASlot: a waiter's context ends as the slot is
// handed to it, in either order: the slot is the budget's again once the
// waiter (if it got it) gives it back.
func TestBudgetNeverLosesASlot(t *testing.T) {
	t.Parallel()
	for range 300 {
		b := newBudget(1)
		b.acquire(t.Context(), false)
		ctx, cancel := context.WithCancel(t.Context())
		got := make(chan bool)
		go func() { got <- b.acquire(ctx, false) }()
		for len(b.waiting()) == 0 {
			time.Sleep(50 * time.Microsecond)
		}
		cancel() // and before the waiter wakes, its slot comes:
		b.release()
		if <-got {
			b.release()
		}
		if b.free != 1 || len(b.waiting()) != 0 {
			t.Fatalf("%d free, %d waiting after the race; want the slot back", b.free, len(b.waiting()))
		}
	}
}

// waiting returns b's waiters, urgent first.
func (b *budget) waiting() []chan struct{} {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append(slices.Clone(b.urgent), b.normal...)
}

// TestTokenRequestsGoBeforeProbes: a token request waiting for a write
// slot gets the next one before a probe that was waiting already (the
// access key's own probes wait for its token).
func TestTokenRequestsGoBeforeProbes(t *testing.T) {
	t.Parallel()
	sim := newSim(t)
	access := planFor(t, sim, spec.Credential{ClientID: clientFull, ClientSecret: secretFull, Environment: "sandbox"}, "GET /disputes")
	var (
		mu    sync.Mutex
		order []string
		wg    sync.WaitGroup
	)
	done := func(what string) { mu.Lock(); order = append(order, what); mu.Unlock() }
	hc := *sim.Client()
	hc.Transport = roundTripFunc(func(r *http.Request) (*http.Response, error) {
		done("token") // sent while it holds the slot
		return sim.Client().Transport.RoundTrip(r)
	})
	v := newVerifier(Options{HTTPClient: &hc, Concurrency: 1}.withDefaults())
	writes := v.budgets(credential.Sandbox).writes
	writes.acquire(t.Context(), false) // a probe holds the one write slot
	wg.Go(func() {                     // a probe waiting for it
		if writes.acquire(t.Context(), false) {
			done("probe")
			writes.release()
		}
	})
	for len(writes.waiting()) == 0 {
		time.Sleep(time.Millisecond)
	}
	wg.Go(func() {
		if _, err := v.exchange(t.Context(), access.Credentials[0], credential.Sandbox, []string{"disputes"}); err != nil {
			t.Errorf("token request: %v", err)
		}
	})
	for len(writes.waiting()) == 1 {
		time.Sleep(time.Millisecond)
	}
	writes.release()
	wg.Wait()
	if diff := cmp.Diff([]string{"token", "probe"}, order); diff != "" {
		t.Errorf("served (-want +got):\n%s", diff)
	}
}

// roundTripFunc is an http.RoundTripper made of a function.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// TestBudgetsPerEnvironment: a sandbox key and a production key belong to
// different accounts, whose limits are their own: each has its budgets,
// so the two keys' writes go out together, each bounded.
func TestBudgetsPerEnvironment(t *testing.T) {
	t.Parallel()
	const keyProd = "sk_prodfakekeyfullaccessabcdeq"
	sim := simulator.NewServer(simulator.Options{Credentials: []simulator.Credential{
		{Name: "sandbox", SecretKey: keyFull, Scopes: []string{"gateway", "vault"}},
		{Name: "production", SecretKey: keyProd, Scopes: []string{"gateway", "vault"}},
	}})
	t.Cleanup(sim.Close)
	writes := []string{"POST /payments", "POST /payments/{id}/refunds", "POST /payments/{id}/captures", "POST /payments/{id}/voids", "POST /instruments"}
	p := planFor(t, sim, spec.Credential{SecretKey: keyFull, Environment: "sandbox"}, writes...)
	prod := planFor(t, sim, spec.Credential{SecretKey: keyProd, Environment: "production"}, writes...)
	p.Credentials = append(p.Credentials, prod.Credentials...)
	var (
		mu        sync.Mutex
		now, peak = map[string]int{}, map[string]int{}
	)
	hc := *sim.Client()
	hc.Transport = roundTripFunc(func(r *http.Request) (*http.Response, error) {
		kind := map[string]string{"Bearer " + keyFull: "sandbox", "Bearer " + keyProd: "production"}[r.Header.Get("Authorization")]
		if kind == "" || r.Method == http.MethodGet {
			return sim.Client().Transport.RoundTrip(r)
		}
		mu.Lock()
		now[kind]++
		peak[kind] = max(peak[kind], now[kind])
		peak["both"] = max(peak["both"], now["sandbox"]+now["production"])
		mu.Unlock()
		time.Sleep(20 * time.Millisecond) // long enough for every sendable write to overlap
		defer func() { mu.Lock(); now[kind]--; mu.Unlock() }()
		return sim.Client().Transport.RoundTrip(r)
	})
	Run(t.Context(), p, Options{HTTPClient: &hc, Concurrency: 3})
	if diff := cmp.Diff(map[string]int{"sandbox": 3, "production": 3, "both": 6}, peak); diff != "" {
		t.Errorf("peak writes in flight (-want +got):\n%s", diff)
	}
}
