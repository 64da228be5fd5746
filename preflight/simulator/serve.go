package simulator

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
)

// requestIDHeader carries the request id on every answer.
const requestIDHeader = "Cko-Request-Id"

// Route values of Request.Route for the non-API endpoints.
const (
	// RouteToken is Request.Route for the token endpoint.
	RouteToken = "token"
	// RouteEcho is Request.Route for the IP echo endpoints.
	RouteEcho = "echo"
)

// targetKind says which part of the server a request is for.
type targetKind int

const (
	forAPI targetKind = iota
	forToken
	forEcho
)

// target is what a request is for, worked out before anything else.
type target struct {
	kind      targetKind
	route     string // Request.Route
	match     catalog.Match
	err       error // from catalog.Match; nil when it matched
	requestID string
}

// classify works out the target of r. API paths are matched with the
// request's Host, so that a checkout.com Host header (e.g.
// "files.sandbox.checkout.com") selects that host's operations; a loopback
// Host prefers host "api" (see catalog.Match).
func (s *Server) classify(r *http.Request, requestID string) target {
	t := target{requestID: requestID}
	switch strings.TrimSuffix(r.URL.Path, "/") {
	case tokenPath:
		t.kind, t.route = forToken, RouteToken
		return t
	case echoPath, echoJSONPath, echoIPv6Path:
		t.kind, t.route = forEcho, RouteEcho
		return t
	}
	t.match, t.err = s.cat.Match(r.Method, "http://"+r.Host+r.URL.Path)
	if t.err == nil {
		t.route = t.match.Operation.String()
	}
	return t
}

// ServeHTTP answers one request: it records it, waits Options.Latency,
// applies the first matching fault or else the normal behaviour. Requests
// are recorded before their answer is written, so a client that has its
// answer finds it in Requests.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		panic(http.ErrAbortHandler)
	}
	s.inflight.Add(1)
	s.mu.Unlock()
	defer s.inflight.Done()
	if s.hooks != nil {
		defer s.hooks.done()
	}

	rec := Request{
		Time:           s.now(),
		Method:         r.Method,
		Path:           r.URL.Path,
		RawQuery:       r.URL.RawQuery,
		Host:           r.Host,
		RequestID:      newRequestID(),
		IdempotencyKey: r.Header.Get("Cko-Idempotency-Key") != "",
	}
	w.Header().Set(requestIDHeader, rec.RequestID)
	t := s.classify(r, rec.RequestID)
	rec.Route = t.route
	sl := s.arrive(rec)

	if !s.delay(r.Context()) {
		panic(http.ErrAbortHandler) // recorded with Status 0: never answered
	}
	if f, ok := s.takeFault(t, r); ok {
		if s.hooks != nil {
			s.hooks.fault()
		}
		s.serveFault(w, r, f, sl, rec)
		return
	}
	var resp response
	switch t.kind {
	case forToken:
		resp = s.serveToken(r)
	case forEcho:
		resp = s.serveEcho(r)
	default:
		resp = s.serveAPI(r, t)
	}
	rec.Status, rec.Credential, rec.SideEffect, rec.Rule = resp.status, resp.credential, resp.sideEffect, resp.rule
	s.complete(sl, rec)
	resp.write(w, r)
}

// delay waits Options.Latency. It reports false when the client gave up
// or the server is closing first.
func (s *Server) delay(ctx context.Context) bool {
	if s.opts.Latency <= 0 {
		return true
	}
	t := time.NewTimer(s.opts.Latency)
	defer t.Stop()
	return s.wait(ctx, t.C)
}

// wait blocks until done, ctx is done or the server closes; it reports
// whether done came first. A nil done waits for the other two.
func (s *Server) wait(ctx context.Context, done <-chan time.Time) bool {
	select {
	case <-done:
		return true
	case <-ctx.Done():
		return false
	case <-s.closing:
		return false
	}
}

// testHooks lets this package's tests observe handlers without timing;
// nil outside tests.
type testHooks struct {
	fault func() // a fault is about to be served
	done  func() // a handler has finished
}
