package checkout

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/netem"
)

// checkoutName is the name tests give an emulated server (netem
// ServerOptions.Name) to be one of Checkout.com's hosts, whose requests
// wait for its first connection; a server without a name is another host,
// whose requests dial beside it.
const checkoutName = "api.checkout.com"

// emulated starts a server answering 204 on an emulated host with rtt,
// and returns it with a client that trusts the network's root through
// SSL_CERT_FILE in the injected environment and dials through the
// network's resolver.
func emulated(tb testing.TB, rtt time.Duration, o netem.ServerOptions) (*netem.Server, *http.Client) {
	tb.Helper()
	return emulatedWith(tb, rtt, o, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) }))
}

// emulatedWith is emulated with h as the server's handler.
func emulatedWith(tb testing.TB, rtt time.Duration, o netem.ServerOptions, h http.Handler) (*netem.Server, *http.Client) {
	tb.Helper()
	n, s := serverOn(tb, rtt, o, h)
	env := map[string]string{"SSL_CERT_FILE": rootFile(tb, n)}
	hc := NewHTTPClient(ClientOptions{Getenv: func(k string) string { return env[k] }, UserAgent: "pool-test", DialContext: n.DialContext})
	tb.Cleanup(hc.CloseIdleConnections)
	return s, hc
}

// serverOn starts a network with rtt and a server of h on it, both closed
// when tb ends; tests that build their own client start here.
func serverOn(tb testing.TB, rtt time.Duration, o netem.ServerOptions, h http.Handler) (*netem.Network, *netem.Server) {
	tb.Helper()
	n, err := netem.New(netem.Options{RTT: rtt})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(n.Close)
	s, err := n.NewServer(h, o)
	if err != nil {
		tb.Fatal(err)
	}
	return n, s
}

// closedAddr returns a loopback address nothing listens on.
func closedAddr(tb testing.TB) string {
	tb.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

// baseURL is s's URL by name when it has one, else by address.
func baseURL(s *netem.Server) string {
	if s.NameURL != "" {
		return s.NameURL
	}
	return s.URL
}

// getAll sends n concurrent GETs to s and fails on any error.
func getAll(tb testing.TB, hc *http.Client, s *netem.Server, n int) {
	tb.Helper()
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			resp, err := hc.Get(baseURL(s) + "/")
			if err != nil {
				tb.Error(err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusNoContent {
				tb.Errorf("status %d", resp.StatusCode)
			}
		})
	}
	wg.Wait()
}

func TestOneConnectionPerHTTP2Host(t *testing.T) {
	t.Parallel()
	s, hc := emulated(t, 20*time.Millisecond, netem.ServerOptions{Name: checkoutName})
	getAll(t, hc, s, 30)
	getAll(t, hc, s, 30) // a second wave reuses the connection
	got := s.Stats()
	if got.Conns != 1 || got.Handshakes != 1 || got.H2 != 1 || got.Requests != 60 {
		t.Errorf("60 requests in two waves of 30 took %d connections, %d TLS handshakes (%d h2) for %d requests; want 1, 1 (1), 60",
			got.Conns, got.Handshakes, got.H2, got.Requests)
	}
}

func TestHTTP1HostIsNotSerialised(t *testing.T) {
	t.Parallel()
	// Each request is held until 10 are in flight (or a second passes):
	// over one connection at a time they would never be.
	var (
		mu             sync.Mutex
		inFlight, peak int
		enough         = make(chan struct{})
	)
	s, hc := emulatedWith(t, 10*time.Millisecond, netem.ServerOptions{HTTP1Only: true}, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		inFlight++
		if inFlight > peak {
			peak = inFlight
			if peak == 10 {
				close(enough)
			}
		}
		mu.Unlock()
		select {
		case <-enough:
		case <-time.After(time.Second):
		}
		mu.Lock()
		inFlight--
		mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	}))
	getAll(t, hc, s, 30)
	if peak < 10 {
		t.Errorf("at most %d requests were in flight at once, want 10 or more", peak)
	}
	if got := s.Stats(); got.Conns < 10 || got.H2 != 0 {
		t.Errorf("%d connections (%d h2), want 10 or more http/1.1 ones", got.Conns, got.H2)
	}
	before := s.Stats().Conns
	getAll(t, hc, s, 30) // the protocol is known now: nobody waits, idle connections are reused
	if got := s.Stats().Conns - before; got > 30-10 {
		t.Errorf("a second wave of 30 opened %d connections, want the idle ones reused", got)
	}
}

// waitStats polls s until ok accepts its counters.
func waitStats(tb testing.TB, s *netem.Server, ok func(netem.Stats) bool) netem.Stats {
	tb.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		st := s.Stats()
		if ok(st) || time.Now().After(deadline) {
			return st
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestPrewarm(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		opts netem.ServerOptions
		h2   int64
	}{
		{"h2", netem.ServerOptions{}, 1},
		{"http/1.1", netem.ServerOptions{HTTP1Only: true}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			// A request on the warm connection takes one round trip, one
			// that opened its own three: the bound in between leaves room
			// for a loaded machine (the race detector, parallel packages).
			const rtt = 100 * time.Millisecond
			s, hc := emulated(t, rtt, tt.opts)
			Prewarm(context.Background(), hc, s.URL+"/payments", s.URL) // one host: one connection
			waitStats(t, s, func(st netem.Stats) bool { return st.Handshakes == 1 })
			time.Sleep(rtt) // the client has the server's flight
			start := time.Now()
			getAll(t, hc, s, 1)
			if d := time.Since(start); d > 2*rtt {
				t.Errorf("the first request after Prewarm took %v, want one round trip (%v), not the three of a new connection", d, rtt)
			}
			got := s.Stats()
			if got.Conns != 1 || got.Handshakes != 1 || got.H2 != tt.h2 || got.Requests != 1 {
				t.Errorf("Prewarm then a request: %+v, want the warm connection used", got)
			}
		})
	}
}

func TestPrewarmWhileRequestsWait(t *testing.T) {
	t.Parallel()
	s, hc := emulated(t, 20*time.Millisecond, netem.ServerOptions{Name: checkoutName})
	Prewarm(context.Background(), hc, s.NameURL)
	getAll(t, hc, s, 20) // sent while the warm connection is still being opened
	if got := s.Stats(); got.Conns != 1 || got.Handshakes != 1 {
		t.Errorf("Prewarm and 20 requests at once: %d connections, %d handshakes, want 1 and 1", got.Conns, got.Handshakes)
	}
}

func TestPrewarmDoesNothingElsewhere(t *testing.T) {
	t.Parallel()
	s, _ := emulated(t, 0, netem.ServerOptions{})
	plain := NewHTTPClient(ClientOptions{})
	Prewarm(context.Background(), &http.Client{}, s.URL)                  // not a client of NewHTTPClient
	Prewarm(context.Background(), nil, s.URL)                             // no client
	Prewarm(context.Background(), plain, "http://"+s.Addr, "::not a url") // not https, unparsable
	// Reached through a proxy net/http handles, an https:// one (loopback
	// never is, so a name that cannot resolve: nothing may be dialed for
	// it).
	proxied := NewHTTPClient(ClientOptions{Getenv: func(k string) string {
		return map[string]string{"HTTPS_PROXY": "https://127.0.0.1:1"}[k]
	}})
	Prewarm(context.Background(), proxied, "https://api.example.invalid")
	time.Sleep(50 * time.Millisecond)
	if got := s.Stats(); got.Conns != 0 {
		t.Errorf("%d connections opened, want none", got.Conns)
	}
	for _, hc := range []*http.Client{plain, proxied} {
		tr := transportOf(hc)
		tr.mu.Lock()
		if len(tr.hosts) != 0 {
			t.Errorf("Prewarm started dials for %v", tr.hosts)
		}
		tr.mu.Unlock()
	}
}

func TestRootsFromTheInjectedEnvironment(t *testing.T) {
	t.Parallel()
	n, err := netem.New(netem.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(n.Close)
	s, err := n.NewServer(http.NotFoundHandler(), netem.ServerOptions{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "file.pem")
	certDir := filepath.Join(dir, "certs")
	if err := n.WriteRootPEM(file); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(certDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := n.WriteRootPEM(filepath.Join(certDir, "root.pem")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		env  map[string]string
		ok   bool
	}{
		{"SSL_CERT_FILE", map[string]string{"SSL_CERT_FILE": file}, true},
		{"SSL_CERT_DIR", map[string]string{"SSL_CERT_DIR": "/nonexistent:" + certDir}, true},
		{"no extra roots", nil, false},
		{"missing file", map[string]string{"SSL_CERT_FILE": filepath.Join(dir, "absent.pem")}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			hc := NewHTTPClient(ClientOptions{Getenv: func(k string) string { return tt.env[k] }})
			defer hc.CloseIdleConnections()
			resp, err := hc.Get(s.URL + "/")
			if err == nil {
				resp.Body.Close()
			}
			var unknown x509.UnknownAuthorityError
			switch {
			case tt.ok && err != nil:
				t.Errorf("GET: %v, want the root trusted", err)
			case !tt.ok && !errors.As(err, &unknown):
				t.Errorf("GET: %v, want x509.UnknownAuthorityError", err)
			}
		})
	}
}

func TestCloseIdleConnectionsStartsCold(t *testing.T) {
	t.Parallel()
	s, hc := emulated(t, 0, netem.ServerOptions{Name: checkoutName})
	getAll(t, hc, s, 3)
	hc.CloseIdleConnections() // through the User-Agent wrapper
	getAll(t, hc, s, 3)
	if got := s.Stats(); got.Conns != 2 || got.Handshakes != 2 {
		t.Errorf("two waves around CloseIdleConnections: %d connections, %d handshakes, want 2 and 2", got.Conns, got.Handshakes)
	}
}

// slowNoContent answers 204 after d, so that concurrent requests overlap
// on the server.
func slowNoContent(d time.Duration) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(d)
		w.WriteHeader(http.StatusNoContent)
	})
}

// TestMoreRequestsThanTheStreamLimit sends three times as many concurrent
// requests as the server allows streams on one h2 connection: every
// request must be answered (none waits for ever for a stream).
func TestMoreRequestsThanTheStreamLimit(t *testing.T) {
	t.Parallel()
	s, hc := emulatedWith(t, 10*time.Millisecond, netem.ServerOptions{MaxConcurrentStreams: 10, Name: checkoutName}, slowNoContent(20*time.Millisecond))
	done := make(chan struct{})
	go func() {
		defer close(done)
		getAll(t, hc, s, 30)
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("30 requests against a limit of 10 streams were not all answered in 20 s")
	}
	if got := s.Stats().Requests; got != 30 {
		t.Errorf("server answered %d requests, want 30", got)
	}
}

// TestSecondConnectionBeyondTheStreamLimit: 150 concurrent requests to a
// server allowing 100 streams per connection take two connections, not
// one per request over the limit (51 with net/http's pool).
func TestSecondConnectionBeyondTheStreamLimit(t *testing.T) {
	t.Parallel()
	s, hc := emulatedWith(t, 10*time.Millisecond, netem.ServerOptions{MaxConcurrentStreams: 100, Name: checkoutName}, slowNoContent(50*time.Millisecond))
	getAll(t, hc, s, 150)
	if got := s.Stats(); got.Conns != 2 || got.Requests != 150 {
		t.Errorf("150 requests against 100 streams per connection took %d connections for %d requests; want 2, 150", got.Conns, got.Requests)
	}
}

// TestFailedFirstConnectionFailsItsWaiters: when the first connection to a
// host fails (here its certificate is not trusted), the requests waiting
// for it fail with it instead of each leading a dial of its own in turn:
// 30 requests pay one handshake, not 30 one after another.
func TestFailedFirstConnectionFailsItsWaiters(t *testing.T) {
	t.Parallel()
	n, s := serverOn(t, 20*time.Millisecond, netem.ServerOptions{Name: checkoutName}, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	// The system roots: the network's root is not among them.
	hc := NewHTTPClient(ClientOptions{DialContext: n.DialContext})
	t.Cleanup(hc.CloseIdleConnections)
	var wg sync.WaitGroup
	var failed atomic.Int32
	start := time.Now()
	for range 30 {
		wg.Go(func() {
			if resp, err := hc.Get(s.NameURL + "/"); err == nil {
				resp.Body.Close()
			} else {
				failed.Add(1)
			}
		})
	}
	wg.Wait()
	if failed.Load() != 30 {
		t.Errorf("%d of 30 requests failed, want all", failed.Load())
	}
	if got := s.Stats().Handshakes + s.Stats().Conns; got > 4 {
		t.Errorf("30 requests to a host whose first connection failed opened %d connections and handshakes (%v); want the waiters to share its failure", got, time.Since(start))
	}
}

// TestOtherHostsDialBesideTheFirstConnection: to a host that is not one of
// Checkout.com's (an api-url override, an echo service), whose protocol
// cannot be known in advance, concurrent requests dial at once, as
// net/http does, instead of waiting two round trips for the first
// connection to learn it: an http/1.1-only server is not made slower. An
// h2 server's connections all join the pool: none is thrown away, and a
// second wave opens none.
func TestOtherHostsDialBesideTheFirstConnection(t *testing.T) {
	t.Parallel()
	const rtt = 100 * time.Millisecond
	for _, http1 := range []bool{false, true} {
		t.Run(fmt.Sprintf("http1only=%v", http1), func(t *testing.T) {
			t.Parallel()
			n, s := serverOn(t, rtt, netem.ServerOptions{HTTP1Only: http1}, slowNoContent(0))
			var (
				mu    sync.Mutex
				dials []time.Time
			)
			hc := NewHTTPClient(ClientOptions{
				Getenv: func(k string) string { return map[string]string{"SSL_CERT_FILE": rootFile(t, n)}[k] },
				DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
					mu.Lock()
					dials = append(dials, time.Now())
					mu.Unlock()
					return n.DialContext(ctx, network, addr)
				},
			})
			t.Cleanup(hc.CloseIdleConnections)
			getAll(t, hc, s, 64)
			mu.Lock()
			first, last := slices.MinFunc(dials, time.Time.Compare), slices.MaxFunc(dials, time.Time.Compare)
			mu.Unlock()
			if late := last.Sub(first); late > rtt {
				t.Errorf("the last of %d dials started %v after the first; want all at once, not after the first connection's set-up (2 RTT = %v)", len(dials), late, 2*rtt)
			}
			wave := s.Stats()
			if wave.Conns < 2 || wave.Conns > 64 || wave.Conns != wave.Handshakes {
				t.Errorf("first wave of 64: %d connections, %d handshakes; want at most one per request, each used", wave.Conns, wave.Handshakes)
			}
			getAll(t, hc, s, 30)
			if extra := s.Stats().Conns - wave.Conns; !http1 && extra != 0 {
				t.Errorf("a second wave to an h2 server opened %d connections, want none: the first wave's all joined the pool", extra)
			}
		})
	}
}

// rootFile writes n's root to a file for SSL_CERT_FILE and returns its path.
func rootFile(tb testing.TB, n *netem.Network) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "root.pem")
	if err := n.WriteRootPEM(path); err != nil {
		tb.Fatal(err)
	}
	return path
}

// TestPrewarmedConnectionIsUsed: Prewarm's connection to a host that may
// not speak h2 is taken by the first request that comes while it opens;
// the others dial beside it. On an http/1.1-only server, n requests at
// once then cost n connections, not n+1.
func TestPrewarmedConnectionIsUsed(t *testing.T) {
	t.Parallel()
	s, hc := emulatedWith(t, 20*time.Millisecond, netem.ServerOptions{HTTP1Only: true}, slowNoContent(20*time.Millisecond))
	Prewarm(context.Background(), hc, s.URL)
	getAll(t, hc, s, 20) // sent while the prewarmed connection is still being opened
	if got := s.Stats(); got.Conns != 20 || got.Handshakes != 20 || got.Requests != 20 {
		t.Errorf("Prewarm and 20 requests at once: %d connections, %d handshakes, %d requests; want 20 of each", got.Conns, got.Handshakes, got.Requests)
	}
}
