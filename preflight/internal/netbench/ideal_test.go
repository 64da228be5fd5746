package netbench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
)

// BenchmarkIdeal compares the program with the best any client could do
// in the same world on the same machine, in one loop so that the
// machine's noise falls on all three alike. Each iteration runs, one
// after the other:
//
//	rtt/op        the program (in-process, as run=in-process), for each
//	              case of BenchmarkNetwork but the config file
//	ideal-rtt/op  the requests that run sent, replayed by a client that
//	              knows them all in advance and has nothing to decide:
//	              the program's transport, cold, every host's connection
//	              opened at once, every request sent at once except that
//	              one carrying an access token waits for the token
//	              request that issued it; bodies read, no plan, no report
//	              (for invalid_scope it is below what any client can do:
//	              it asks for the scopes one by one before the first
//	              refusal has come)
//	floor-rtt/op  one cold GET to the API host (as BenchmarkFloor)
//
// rtt/op − ideal-rtt/op is what the program's own work costs; ideal −
// floor is what the handshakes and requests cost this machine, which
// serves them too (the emulated hosts share its cores); ideal − 3 is the
// emulator's and the machine's own share. Replayed answers must have the
// statuses the program's requests got.
//
//	go test -run '^$' -bench Ideal -benchtime 20x ./preflight/internal/netbench/
func BenchmarkIdeal(b *testing.B) {
	for _, rtt := range rtts() {
		for _, c := range cases() {
			if c.config {
				continue
			}
			idealCase(b, rtt, c)
		}
	}
}

// idealCase is BenchmarkIdeal for one case.
func idealCase(b *testing.B, rtt time.Duration, c benchCase) {
	b.Run(fmt.Sprintf("rtt=%s/%s", rtt, c.name), func(b *testing.B) {
		w := newWorld(b, c, rtt, layout{byName: true})
		want := w.sequential(b)
		program := inProcess((*world).client)
		check(b, w, want, program(b, w)) // warms the process-wide caches
		w.rec.start()
		check(b, w, want, program(b, w))
		sent := w.rec.stop()
		if len(sent) == 0 {
			b.Fatal("the program's run sent no request to the hosts")
		}
		w.sim.Reset()
		var wall, ideal, floor time.Duration
		for b.Loop() {
			o := program(b, w)
			check(b, w, want, o)
			wall += o.wall
			w.sim.Reset()
			ideal += replay(b, w, sent)
			w.sim.Reset()
			floor += coldGet(b, w)
		}
		n := float64(b.N) * float64(rtt)
		b.ReportMetric(float64(wall)/n, "rtt/op")
		b.ReportMetric(float64(ideal)/n, "ideal-rtt/op")
		b.ReportMetric(float64(floor)/n, "floor-rtt/op")
		b.ReportMetric(float64(len(sent)), "requests/op")
	})
}

// replay sends sent with a new client of the program's, every host
// prewarmed, and returns the wall time until the last body is read. A
// request that carries an access token waits for the token request that
// issued it; every other request goes at once. It fails b unless each
// answer has the status the recorded one had.
func replay(b *testing.B, w *world, sent []recorded) time.Duration {
	hc := w.client()
	defer hc.CloseIdleConnections()
	var hosts []string
	for _, r := range sent {
		if u := "https://" + r.host; !slices.Contains(hosts, u) {
			hosts = append(hosts, u)
		}
	}
	after := dependencies(sent)
	done := make([]chan struct{}, len(sent))
	for i := range done {
		done[i] = make(chan struct{})
	}
	got := make([]int, len(sent))
	var wg sync.WaitGroup
	start := time.Now()
	checkout.Prewarm(context.Background(), hc, hosts...)
	for i, r := range sent {
		wg.Go(func() {
			defer close(done[i])
			if j := after[i]; j >= 0 {
				<-done[j]
			}
			got[i] = send(hc, r)
		})
	}
	wg.Wait()
	d := time.Since(start)
	want := make([]int, len(sent))
	for i, r := range sent {
		want[i] = r.status
	}
	if diff := cmp.Diff(want, got); diff != "" {
		b.Fatalf("replayed statuses differ from the program's (-program +replay):\n%s", diff)
	}
	return d
}

// dependencies returns, for each request of sent, the index of the token
// request whose access token it carries, or -1.
func dependencies(sent []recorded) []int {
	issuer := map[string]int{}
	for i, r := range sent {
		if r.token != "" {
			issuer["Bearer "+r.token] = i
		}
	}
	out := make([]int, len(sent))
	for i, r := range sent {
		j, ok := issuer[r.header.Get("Authorization")]
		if !ok {
			j = -1
		}
		out[i] = j
	}
	return out
}

// send makes r with hc and returns the status, or -1 when no answer came.
func send(hc *http.Client, r recorded) int {
	u, err := url.Parse("https://" + r.host + r.uri)
	if err != nil {
		return -1
	}
	req := &http.Request{Method: r.method, URL: u, Host: r.host, Header: r.header.Clone(),
		Body: io.NopCloser(bytes.NewReader(r.body)), ContentLength: int64(len(r.body))}
	if len(r.body) == 0 {
		req.Body = http.NoBody
	}
	resp, err := hc.Do(req)
	if err != nil {
		return -1
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return -1
	}
	return resp.StatusCode
}

// coldGet makes one GET to the API host by name with a new client and
// returns its wall time: TCP, TLS, one exchange.
func coldGet(b *testing.B, w *world) time.Duration {
	hc := w.client()
	defer hc.CloseIdleConnections()
	start := time.Now()
	resp, err := hc.Get(w.api.NameURL + "/payments/pay_netbenchfloor")
	if err != nil {
		b.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return time.Since(start)
}

// recorded is one request a host served, and the status it answered.
type recorded struct {
	method, host, uri string
	header            http.Header
	body              []byte
	status            int
	// token is the access token the answer issued, if any.
	token string
}

// recorder wraps the hosts' handler and, between start and stop, records
// every request it serves. The zero value records nothing.
type recorder struct {
	mu   sync.Mutex
	on   bool
	reqs []recorded
}

func (rc *recorder) start() {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.on, rc.reqs = true, nil
}

// stop ends recording and returns what was recorded, in arrival order.
func (rc *recorder) stop() []recorded {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.on = false
	return rc.reqs
}

func (rc *recorder) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rc.mu.Lock()
		on := rc.on
		rc.mu.Unlock()
		if !on {
			h.ServeHTTP(w, r)
			return
		}
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, "netbench: reading the body: "+err.Error(), http.StatusBadRequest)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		h.ServeHTTP(sw, r)
		var issued struct {
			AccessToken string `json:"access_token"`
		}
		_ = json.Unmarshal(sw.body.Bytes(), &issued) // most answers issue none
		rc.mu.Lock()
		rc.reqs = append(rc.reqs, recorded{method: r.Method, host: r.Host, uri: r.URL.RequestURI(),
			header: r.Header.Clone(), body: body, status: sw.status, token: issued.AccessToken})
		rc.mu.Unlock()
	})
}

// statusWriter remembers the status and the body a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	status int
	wrote  bool
	body   bytes.Buffer
}

func (s *statusWriter) WriteHeader(code int) {
	if !s.wrote {
		s.status, s.wrote = code, true
	}
	s.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the server's own writer (the
// simulator's faults hijack the connection through it).
func (s *statusWriter) Unwrap() http.ResponseWriter { return s.ResponseWriter }

func (s *statusWriter) Write(p []byte) (int, error) {
	s.wrote = true
	s.body.Write(p)
	return s.ResponseWriter.Write(p)
}
