package checkout

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
)

// A stub registry in the spirit of cli/cli's httpmock: each test registers
// the exact exchanges it expects, in order; a request no stub matches fails
// the test, and so does a stub never used.

// seen is one request as the server received it.
type seen struct {
	Method, Path, Query string
	Header              http.Header
	Body                string
}

type stub struct {
	method, path string
	respond      http.HandlerFunc
	used         bool
}

type registry struct {
	tb    testing.TB
	mu    sync.Mutex
	stubs []*stub
	seen  []seen
}

// newStubServer starts a loopback server answering from a new registry.
// At cleanup it closes the server and fails the test for unused stubs.
func newStubServer(tb testing.TB) (*registry, *httptest.Server) {
	tb.Helper()
	reg := &registry{tb: tb}
	srv := httptest.NewServer(reg)
	tb.Cleanup(func() {
		srv.Close()
		reg.verify()
	})
	return reg, srv
}

// register expects one request method path (path without query), answered
// by respond.
func (r *registry) register(method, path string, respond http.HandlerFunc) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.stubs = append(r.stubs, &stub{method: method, path: path, respond: respond})
}

// requests returns what the server received so far.
func (r *registry) requests() []seen {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]seen(nil), r.seen...)
}

func (r *registry) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	r.mu.Lock()
	r.seen = append(r.seen, seen{Method: req.Method, Path: req.URL.Path, Query: req.URL.RawQuery, Header: req.Header.Clone(), Body: string(body)})
	var match *stub
	for _, s := range r.stubs {
		if !s.used && s.method == req.Method && s.path == req.URL.Path {
			match = s
			s.used = true
			break
		}
	}
	r.mu.Unlock()
	if match == nil {
		r.tb.Errorf("unexpected request %s %s", req.Method, req.URL.Path)
		w.WriteHeader(http.StatusTeapot) // inconclusive and never retried
		return
	}
	match.respond(w, req)
}

func (r *registry) verify() {
	r.tb.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, s := range r.stubs {
		if !s.used {
			r.tb.Errorf("expected request %s %s was never made", s.method, s.path)
		}
	}
}

// status answers with code, an optional Cko-Request-Id and extra headers
// given as name, value pairs.
func status(code int, requestID string, headers ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		if requestID != "" {
			w.Header().Set("Cko-Request-Id", requestID)
		}
		for i := 0; i+1 < len(headers); i += 2 {
			w.Header().Set(headers[i], headers[i+1])
		}
		w.WriteHeader(code)
		fmt.Fprint(w, `{"error_type":"stub"}`)
	}
}
