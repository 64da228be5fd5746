package checkout

import (
	"encoding/pem"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// h2Server starts an httptest TLS server speaking h2 with handler h, and a
// client from NewHTTPClient that trusts it.
func h2Server(tb testing.TB, h http.HandlerFunc) (*httptest.Server, *http.Client) {
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
	hc := NewHTTPClient(ClientOptions{Getenv: func(k string) string { return env[k] }, Timeout: 5 * time.Second})
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
