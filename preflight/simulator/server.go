package simulator

import (
	"crypto/rand"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
)

// DefaultEgressIPv4 is the address the IPv4 echo answers when
// Options.EgressIPv4 is empty (TEST-NET-3, RFC 5737).
const DefaultEgressIPv4 = "203.0.113.10"

// Server is a fake Checkout.com listening on loopback, in the manner of
// net/http/httptest.Server. It serves the token endpoint, every operation of
// its catalog, and an IP echo. It is safe for concurrent use.
type Server struct {
	opts     Options
	cat      *catalog.Catalog
	now      func() time.Time
	keys     map[string]*Credential // by SecretKey
	clients  map[string]*Credential // by ClientID
	tokenKey []byte                 // HS256 key for access tokens
	prof     profiles               // resolved operation lists of opts

	listener net.Listener
	srv      *http.Server
	client   *http.Client
	url      string

	hooks     *testHooks    // nil outside tests
	closing   chan struct{} // closed by Close: releases hanging handlers
	closeOnce sync.Once
	inflight  sync.WaitGroup

	mu sync.Mutex // guards everything below
	records
	faults  []*fault
	started bool
	closed  bool
}

// NewServer starts and returns a Server on 127.0.0.1 (or [::1] when IPv4
// loopback is unavailable) on a free port. The caller must Close it. It
// panics if it cannot listen, as httptest.NewServer does, and when an
// operation list of o is wrong (see Options).
func NewServer(o Options) *Server {
	s := NewUnstartedServer(o)
	s.Start()
	return s
}

// NewUnstartedServer returns a Server that is not yet listening; call Start.
// It copies o and its credentials, so later changes to o have no effect. It
// panics when an operation list of o is wrong (see Options).
func NewUnstartedServer(o Options) *Server {
	s := &Server{
		opts:     o,
		cat:      o.Catalog,
		now:      o.Now,
		keys:     map[string]*Credential{},
		clients:  map[string]*Credential{},
		tokenKey: make([]byte, 32),
		closing:  make(chan struct{}),
	}
	s.records.limit = maxRecords
	if s.cat == nil {
		s.cat = catalog.Default()
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.opts.EgressIPv4 == "" {
		s.opts.EgressIPv4 = DefaultEgressIPv4
	}
	if s.opts.MissingScopeStatus == 0 {
		s.opts.MissingScopeStatus = http.StatusForbidden
	}
	s.opts.MissingScopeBody.ErrorCodes = slices.Clone(o.MissingScopeBody.ErrorCodes)
	s.opts.UnknownKeyBody.ErrorCodes = slices.Clone(o.UnknownKeyBody.ErrorCodes)
	s.prof = resolveProfiles(o, s.cat.Operations())
	rand.Read(s.tokenKey) // never fails (crypto/rand, Go 1.24+)
	for _, c := range o.Credentials {
		c.Scopes = slices.Clone(c.Scopes)
		c.Restricted = slices.Clone(c.Restricted)
		cp := &c
		if c.SecretKey != "" && s.keys[c.SecretKey] == nil {
			s.keys[c.SecretKey] = cp
		}
		if c.ClientID != "" && s.clients[c.ClientID] == nil {
			s.clients[c.ClientID] = cp
		}
	}
	s.opts.Credentials = nil // the maps hold the copies
	return s
}

// Start starts a server from NewUnstartedServer. It panics if the server was
// already started or cannot listen.
func (s *Server) Start() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.started {
		panic("simulator: Start called twice")
	}
	s.started = true
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		if l, err = net.Listen("tcp6", "[::1]:0"); err != nil {
			panic(fmt.Sprintf("simulator: failed to listen on a loopback port: %v", err))
		}
	}
	s.listener = l
	s.url = "http://" + l.Addr().String()
	s.srv = &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          log.New(io.Discard, "", 0),
	}
	// No proxy: the environment's must not see loopback test traffic.
	s.client = &http.Client{Transport: &http.Transport{Proxy: nil}}
	go s.srv.Serve(l) //nolint:errcheck // returns ErrServerClosed on Close
}

// URL returns the base URL of the API routes, e.g. "http://127.0.0.1:41234",
// without a trailing slash: the value for an API base-URL override. It is
// empty before Start.
func (s *Server) URL() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.url
}

// TokenURL returns the OAuth token endpoint, URL()+"/connect/token".
func (s *Server) TokenURL() string { return s.URL() + tokenPath }

// EchoURL returns the IPv4 echo, which answers Options.EgressIPv4 and a
// newline as text/plain.
func (s *Server) EchoURL() string { return s.URL() + echoPath }

// EchoJSONURL returns the IPv4 echo answering JSON, {"ip":"203.0.113.10"}.
func (s *Server) EchoJSONURL() string { return s.URL() + echoJSONPath }

// EchoIPv6URL returns the IPv6 echo: Options.EgressIPv6 as text/plain, or
// 503 when that is empty.
func (s *Server) EchoIPv6URL() string { return s.URL() + echoIPv6Path }

// Client returns an HTTP client for the server: no proxy, its own
// connection pool, idle connections closed by Close. Nil before Start.
func (s *Server) Client() *http.Client {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.client
}

// Close releases hanging requests, shuts the server down and waits for
// every request in flight to finish. It may be called more than once.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		s.mu.Lock()
		s.closed = true
		srv, client := s.srv, s.client
		s.mu.Unlock()
		close(s.closing)
		if srv != nil {
			srv.Close()
		}
		s.inflight.Wait()
		if client != nil {
			client.CloseIdleConnections()
		}
	})
}

// AddFault adds f to the faults applied to matching requests, after the
// faults added before it (the first matching fault answers). It may be
// called at any time from any goroutine. It panics if f.Route is not a
// matcher described at Fault.Route.
func (s *Server) AddFault(f Fault) {
	m, err := parseFaultRoute(f.Route)
	if err != nil {
		panic("simulator: " + err.Error())
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, &fault{Fault: f, match: m, left: f.Times})
}

// Reset forgets every recorded request, the dropped count and every fault.
// Credentials, issued access tokens and options are kept.
func (s *Server) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.records.reset()
	s.faults = nil
}
