package netem_test

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/netem"
)

// testRTT is long enough for the delays to dominate scheduling noise on a
// shared machine; slack is how late a measured step may be: scheduling
// under -race on two loaded cores (up to 35 ms seen), yet less than one
// RTT, so that a step that costs a round trip too many still fails.
const (
	testRTT = 100 * time.Millisecond
	slack   = 70 * time.Millisecond
)

func newNetwork(tb testing.TB, rtt time.Duration) *netem.Network {
	tb.Helper()
	n, err := netem.New(netem.Options{RTT: rtt})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(n.Close)
	return n
}

// echoServer starts a TCP echo server on 127.0.0.1 and returns its address.
func echoServer(tb testing.TB) string {
	tb.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() { defer c.Close(); io.Copy(c, c) }()
		}
	}()
	return l.Addr().String()
}

// within fails unless elapsed is rtts round trips, give or take the
// scheduling slack (never less: a delay line cannot deliver early).
func within(tb testing.TB, what string, elapsed time.Duration, rtts float64) {
	tb.Helper()
	want := time.Duration(rtts * float64(testRTT))
	if elapsed < want || elapsed > want+slack {
		tb.Errorf("%s took %v, want %v (%.1f RTT) to %v", what, elapsed, want, rtts, want+slack)
	}
}

// pingPong writes msg on c and reads it back, returning how long it took.
func pingPong(tb testing.TB, c net.Conn, msg string) time.Duration {
	tb.Helper()
	start := time.Now()
	if _, err := io.WriteString(c, msg); err != nil {
		tb.Fatal(err)
	}
	buf := make([]byte, len(msg))
	if _, err := io.ReadFull(c, buf); err != nil {
		tb.Fatal(err)
	}
	if string(buf) != msg {
		tb.Fatalf("read %q, want %q", buf, msg)
	}
	return time.Since(start)
}

func TestHostRoundTrips(t *testing.T) {
	t.Parallel()
	n := newNetwork(t, testRTT)
	h, err := n.NewHost(echoServer(t))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	c, err := net.Dial("tcp", h.Addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	pingPong(t, c, "ping")
	within(t, "connect and first exchange", time.Since(start), 2)
	within(t, "an exchange on an open connection", pingPong(t, c, "pong"), 1)
	c.Close()
	time.Sleep(testRTT) // let the FIN travel
	if diff := cmp.Diff(netem.Stats{Conns: 1, BytesIn: 8, BytesOut: 8}, h.Stats()); diff != "" {
		t.Errorf("Stats (-want +got):\n%s", diff)
	}
}

func TestHostKeepsOrderAndConnectionsApart(t *testing.T) {
	t.Parallel()
	n := newNetwork(t, testRTT)
	h, err := n.NewHost(echoServer(t))
	if err != nil {
		t.Fatal(err)
	}
	// Two connections at once cost what one does: nothing is serialised.
	start := time.Now()
	done := make(chan []byte, 2)
	for range 2 {
		go func() {
			c, err := net.Dial("tcp", h.Addr)
			if err != nil {
				t.Error(err)
				done <- nil
				return
			}
			defer c.Close()
			var want bytes.Buffer
			for i := range 200 { // many small writes, each its own chunk
				b := []byte{byte(i)}
				want.Write(b)
				c.Write(b)
			}
			got := make([]byte, want.Len())
			if _, err := io.ReadFull(c, got); err != nil {
				t.Error(err)
			}
			if !bytes.Equal(got, want.Bytes()) {
				t.Errorf("bytes came back out of order")
			}
			done <- got
		}()
	}
	<-done
	<-done
	within(t, "two connections in parallel", time.Since(start), 2)
}

// newTLSServer serves ok on a new host of n.
func newTLSServer(tb testing.TB, n *netem.Network, o netem.ServerOptions) *netem.Server {
	tb.Helper()
	s, err := n.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, r.Proto)
	}), o)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func TestServerTLSHandshake(t *testing.T) {
	t.Parallel()
	n := newNetwork(t, testRTT)
	s := newTLSServer(t, n, netem.ServerOptions{})
	start := time.Now()
	c, err := tls.Dial("tcp", s.Addr, &tls.Config{RootCAs: n.RootPool(), NextProtos: []string{"http/1.1"}})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	within(t, "TCP and TLS 1.3 handshakes", time.Since(start), 2)
	if v := c.ConnectionState().Version; v != tls.VersionTLS13 {
		t.Errorf("TLS version %x, want TLS 1.3", v)
	}
	start = time.Now()
	io.WriteString(c, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
	buf := make([]byte, 12)
	if _, err := io.ReadFull(c, buf); err != nil {
		t.Fatal(err)
	}
	within(t, "a request on the open connection", time.Since(start), 1)
	if string(buf) != "HTTP/1.1 200" {
		t.Errorf("answer %q", buf)
	}
}

func TestServerProtocolsAndStats(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		opts  netem.ServerOptions
		proto string
		h2    int64
	}{
		{"h2 offered", netem.ServerOptions{}, "HTTP/2.0", 1},
		{"http/1.1 only", netem.ServerOptions{HTTP1Only: true}, "HTTP/1.1", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			n := newNetwork(t, testRTT)
			s := newTLSServer(t, n, tt.opts)
			tr := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: n.RootPool()}, ForceAttemptHTTP2: true}
			defer tr.CloseIdleConnections()
			get := func() (string, time.Duration) {
				start := time.Now()
				resp, err := (&http.Client{Transport: tr}).Get(s.URL + "/")
				if err != nil {
					t.Fatal(err)
				}
				defer resp.Body.Close()
				b, _ := io.ReadAll(resp.Body)
				return string(b), time.Since(start)
			}
			proto, cold := get()
			within(t, "a cold request (TCP, TLS, exchange)", cold, 3)
			_, warm := get()
			within(t, "a warm request", warm, 1)
			if proto != tt.proto {
				t.Errorf("served over %s, want %s", proto, tt.proto)
			}
			got := s.Stats()
			got.BytesIn, got.BytesOut = 0, 0
			if diff := cmp.Diff(netem.Stats{Conns: 1, Handshakes: 1, H2: tt.h2, Requests: 2}, got); diff != "" {
				t.Errorf("Stats (-want +got):\n%s", diff)
			}
		})
	}
}

func TestHostsAreDistinctAndTrusted(t *testing.T) {
	t.Parallel()
	n := newNetwork(t, 0)
	a, b := newTLSServer(t, n, netem.ServerOptions{}), newTLSServer(t, n, netem.ServerOptions{})
	if a.Host() == b.Host() || a.Host() != "127.0.0.2" || b.Host() != "127.0.0.3" {
		t.Errorf("hosts %s and %s, want 127.0.0.2 and 127.0.0.3", a.Host(), b.Host())
	}
	path := filepath.Join(t.TempDir(), "root.pem")
	if err := n.WriteRootPEM(path); err != nil {
		t.Fatal(err)
	}
	pemBytes, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pemBytes) {
		t.Fatalf("the written root is not PEM")
	}
	c, err := tls.Dial("tcp", b.Addr, &tls.Config{RootCAs: pool})
	if err != nil {
		t.Fatalf("the written root does not verify the server: %v", err)
	}
	c.Close()
	// b's certificate names b's address, not a's.
	c, err = tls.Dial("tcp", b.Addr, &tls.Config{RootCAs: pool, ServerName: a.Host()})
	if err == nil {
		c.Close()
		t.Errorf("b's certificate was accepted for %s", a.Host())
	}
}

func TestNamedServerThroughTheNetworksResolver(t *testing.T) {
	t.Parallel()
	n := newNetwork(t, 0)
	s := newTLSServer(t, n, netem.ServerOptions{Name: "api.sandbox.checkout.com"})
	if s.NameURL != "https://api.sandbox.checkout.com" {
		t.Errorf("NameURL = %q", s.NameURL)
	}
	hc := &http.Client{Transport: &http.Transport{
		DialContext:       n.DialContext,
		TLSClientConfig:   &tls.Config{RootCAs: n.RootPool()},
		ForceAttemptHTTP2: true,
	}}
	defer hc.CloseIdleConnections()
	resp, err := hc.Get("https://API.sandbox.checkout.com/") // any case, port 443
	if err != nil {
		t.Fatalf("GET by name: %v", err)
	}
	resp.Body.Close()
	if got := s.Stats().Requests; got != 1 {
		t.Errorf("server answered %d requests, want 1", got)
	}
	if _, err := n.DialContext(t.Context(), "tcp", "api.checkout.com:443"); err == nil {
		t.Error("a name no server has was dialled; want an error, no lookup")
	}
	if _, err := n.NewServer(http.NotFoundHandler(), netem.ServerOptions{Name: "api.sandbox.checkout.com"}); err == nil {
		t.Error("a second server with the same name was accepted")
	}
}

// BenchmarkLateness measures how late the emulated network delivers, what
// every round trip a benchmark over it counts costs beyond its RTT: an
// exchange of one byte each way on an open connection through a Host,
// minus the RTT (timer and scheduling latency, twice per round trip), as
// late-ms/op.
func BenchmarkLateness(b *testing.B) {
	for _, rtt := range []time.Duration{50 * time.Millisecond, 100 * time.Millisecond} {
		b.Run("rtt="+rtt.String(), func(b *testing.B) {
			n := newNetwork(b, rtt)
			h, err := n.NewHost(echoServer(b))
			if err != nil {
				b.Fatal(err)
			}
			c, err := net.Dial("tcp", h.Addr)
			if err != nil {
				b.Fatal(err)
			}
			defer c.Close()
			pingPong(b, c, "x") // the TCP handshake
			var late time.Duration
			for b.Loop() {
				late += pingPong(b, c, "x") - rtt
			}
			b.ReportMetric(float64(late.Microseconds())/1e3/float64(b.N), "late-ms/op")
		})
	}
}
