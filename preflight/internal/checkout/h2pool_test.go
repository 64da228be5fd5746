package checkout

import (
	"context"
	"encoding/pem"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// h2Server starts an httptest TLS server speaking h2 with handler h, and a
// client from NewHTTPClient that trusts it.
func h2Server(tb testing.TB, h http.HandlerFunc) (*httptest.Server, *http.Client) {
	tb.Helper()
	return h2ServerDial(tb, h, nil)
}

// h2ServerDial is h2Server with the client's TCP connections opened by
// dial; nil means the default dialer.
func h2ServerDial(tb testing.TB, h http.HandlerFunc, dial func(ctx context.Context, network, addr string) (net.Conn, error)) (*httptest.Server, *http.Client) {
	tb.Helper()
	ts := httptest.NewUnstartedServer(h)
	ts.EnableHTTP2 = true
	ts.StartTLS()
	tb.Cleanup(ts.Close)
	root := filepath.Join(tb.TempDir(), "root.pem")
	if err := os.WriteFile(root, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: ts.Certificate().Raw}), 0o600); err != nil {
		tb.Fatal(err)
	}
	env := map[string]string{"SSL_CERT_FILE": root}
	hc := NewHTTPClient(ClientOptions{Getenv: func(k string) string { return env[k] }, Timeout: 5 * time.Second, DialContext: dial})
	tb.Cleanup(hc.CloseIdleConnections)
	return ts, hc
}

// get sends n concurrent GETs and returns how many failed.
func get(tb testing.TB, hc *http.Client, url string, n int) int {
	tb.Helper()
	var failed atomic.Int32
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			resp, err := hc.Get(url)
			if err != nil {
				tb.Log(err)
				failed.Add(1)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.ProtoMajor != 2 {
				tb.Errorf("protocol %s, want HTTP/2", resp.Proto)
			}
		})
	}
	wg.Wait()
	return int(failed.Load())
}

// TestH2PoolSurvivesDeadConnections: connections the server closes, idle
// between two waves or under requests in flight, are dropped from the
// pool and the requests go again on a new one.
func TestH2PoolSurvivesDeadConnections(t *testing.T) {
	t.Parallel()
	t.Run("between waves", func(t *testing.T) {
		t.Parallel()
		ts, hc := h2Server(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
		if n := get(t, hc, ts.URL, 20); n != 0 {
			t.Fatalf("first wave: %d of 20 failed", n)
		}
		ts.CloseClientConnections()
		if n := get(t, hc, ts.URL, 20); n != 0 {
			t.Errorf("after the server closed its connections: %d of 20 failed", n)
		}
	})
	t.Run("in flight", func(t *testing.T) {
		t.Parallel()
		var (
			arrived atomic.Int32
			once    sync.Once
			all     = make(chan struct{})
		)
		ts, hc := h2Server(t, func(w http.ResponseWriter, r *http.Request) {
			if arrived.Add(1) == 10 {
				once.Do(func() { close(all) })
			}
			select {
			case <-all:
			case <-r.Context().Done():
			}
			w.WriteHeader(http.StatusNoContent)
		})
		go func() {
			<-all
			ts.CloseClientConnections() // the first 10 are in their handlers
		}()
		if n := get(t, hc, ts.URL, 10); n != 0 {
			t.Errorf("%d of 10 requests failed when the connection died under them", n)
		}
	})
}

// TestH2PoolWalksPastStaleConnections: when every pooled connection has
// died without the client knowing (its writes fail, its reads see
// nothing), a request tries each of them in turn, for free, and then
// opens a new one. Counting those attempts against maxAgain made one
// request in a few dozen fail in TestH2PoolSurvivesDeadConnections.
func TestH2PoolWalksPastStaleConnections(t *testing.T) {
	t.Parallel()
	var (
		mu    sync.Mutex
		conns []*severable
	)
	dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := (&net.Dialer{}).DialContext(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		s := &severable{Conn: c, closed: make(chan struct{})}
		mu.Lock()
		conns = append(conns, s)
		mu.Unlock()
		return s, nil
	}
	ts, hc := h2ServerDial(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) }, dial)
	if n := get(t, hc, ts.URL, 20); n != 0 {
		t.Fatalf("first wave: %d of 20 failed", n)
	}
	mu.Lock()
	stale := len(conns)
	for _, c := range conns {
		c.sever()
	}
	mu.Unlock()
	if stale <= maxAgain+1 {
		t.Fatalf("the first wave opened %d connections; the test needs more than maxAgain+1 = %d", stale, maxAgain+1)
	}
	if n := get(t, hc, ts.URL, 1); n != 0 {
		t.Errorf("a request behind %d severed connections failed", stale)
	}
}

// severable is a connection that, once severed, fails every write with
// EPIPE and blocks every read until it is closed: a connection whose peer
// vanished while the client was not reading from it.
type severable struct {
	net.Conn
	severed   atomic.Bool
	closeOnce sync.Once
	closed    chan struct{}
}

func (s *severable) sever() { s.severed.Store(true) }

func (s *severable) Write(b []byte) (int, error) {
	if s.severed.Load() {
		return 0, &net.OpError{Op: "write", Net: "tcp", Err: syscall.EPIPE}
	}
	return s.Conn.Write(b)
}

func (s *severable) Read(b []byte) (int, error) {
	if s.severed.Load() {
		<-s.closed
		return 0, net.ErrClosed
	}
	n, err := s.Conn.Read(b)
	if s.severed.Load() && err == nil {
		<-s.closed // what arrived after severing never came
		return 0, net.ErrClosed
	}
	return n, err
}

func (s *severable) Close() error {
	s.closeOnce.Do(func() { close(s.closed) })
	return s.Conn.Close()
}
