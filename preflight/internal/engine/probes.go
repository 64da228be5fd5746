package engine

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/probe"
)

// verifier checks credentials; its semaphore bounds requests in flight
// across every credential of the run.
type verifier struct {
	o           Options
	sem         chan struct{}
	tokenClient *http.Client // the run's client, logging when debugging
}

func newVerifier(o Options) *verifier {
	return &verifier{o: o, sem: make(chan struct{}, o.Concurrency), tokenClient: o.loggedClient()}
}

// client returns a Checkout.com client for one set of base URLs.
func (v *verifier) client(urls checkout.Endpoints) *checkout.Client {
	return &checkout.Client{
		HTTP: v.o.HTTPClient, Endpoints: urls, UserAgent: v.o.UserAgent,
		Retry: v.o.Retry, Log: v.logRequest,
	}
}

func (v *verifier) logRequest(l checkout.RequestLog) {
	if v.o.Debug != nil {
		v.o.Debug(l.String())
	}
}

// probeAll sends every probe concurrently within the run's bound and
// returns their results in the same order. A probe still waiting for a
// slot when ctx ends is inconclusive, never dropped.
func (v *verifier) probeAll(ctx context.Context, c *checkout.Client, authorization string, probes []probe.Probe) []checkout.Result {
	results := make([]checkout.Result, len(probes))
	var wg sync.WaitGroup
	for i, p := range probes {
		wg.Go(func() {
			select {
			case v.sem <- struct{}{}:
			case <-ctx.Done():
				results[i] = checkout.Result{Outcome: checkout.OutcomeInconclusive, Err: fmt.Errorf("not sent before the deadline: %w", ctx.Err())}
				return
			}
			defer func() { <-v.sem }()
			results[i] = c.Probe(ctx, authorization, p)
		})
	}
	wg.Wait()
	return results
}

// activityProbe is the harmless request used to prove a credential active
// when no endpoint is declared: a payment lookup by a non-existent id.
func activityProbe(cat *catalog.Catalog) probe.Probe {
	m, err := cat.Match("GET", "/payments/{id}")
	if err != nil {
		return probe.Probe{Method: "GET", Host: "api", Path: "/payments/pay_" + probe.Marker}
	}
	return probe.For(m.Operation)
}

// elapsed is a small helper for durations in milliseconds.
func elapsed(now func() time.Time, start time.Time) int64 {
	return now().Sub(start).Milliseconds()
}
