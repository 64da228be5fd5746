package engine_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/egress"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/engine"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/spec"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
	"github.com/checkout-preflight/checkout-preflight/preflight/simulator"
)

// Latency the simulator adds to every request: the 100 ms in the
// long mode, 5 ms under -short so that CI stays fast.
const (
	benchLongLatency  = 100 * time.Millisecond
	benchShortLatency = 5 * time.Millisecond
)

func benchLatency() time.Duration {
	if testing.Short() {
		return benchShortLatency
	}
	return benchLongLatency
}

// benchEndpoints returns the 30 endpoints every benchmark declares: current
// operations with known scopes over the gateway, vault, disputes, reports,
// financial-actions, fx, balances and accounts families, 14 reads and 16
// writes (Checkout.com limits reads and writes separately).
func benchEndpoints() []string {
	return []string{
		"POST /payments", "GET /payments", "GET /payments/{id}", "GET /payments/{id}/actions",
		"POST /payments/{id}/authorizations", "POST /payments/{id}/captures",
		"POST /payments/{id}/refunds", "POST /payments/{id}/voids",
		"POST /customers", "GET /customers/{identifier}", "PATCH /customers/{identifier}", "DELETE /customers/{identifier}",
		"POST /instruments", "GET /instruments/{id}", "PATCH /instruments/{id}", "DELETE /instruments/{id}",
		"GET /disputes", "GET /disputes/{dispute_id}", "POST /disputes/{dispute_id}/accept",
		"GET /disputes/{dispute_id}/evidence", "POST /disputes/{dispute_id}/evidence", "PUT /disputes/{dispute_id}/evidence",
		"GET /disputes/{dispute_id}/schemefiles",
		"GET /reports", "GET /reports/{id}", "GET /financial-actions", "GET /forex/rates",
		"GET /balances/{id}", "POST /metadata/card", "POST /accounts/entities",
	}
}

// benchCredential is a credential declaring the 30 endpoints.
func benchCredential(name, key, id, secret string) spec.Credential {
	var values []config.Value
	for _, e := range benchEndpoints() {
		values = append(values, config.Value{Text: e})
	}
	eps, _, err := config.ParseEndpoints(values)
	if err != nil {
		panic(err)
	}
	return spec.Credential{Name: name, SecretKey: key, ClientID: id, ClientSecret: secret, Environment: "sandbox", Endpoints: eps}
}

// benchKey returns an obviously fake sandbox secret key in the real format,
// sk_sbox_ followed by 26 base32 characters and one more; tag must be
// base32 (a-z, 2-7) and at most 26 characters.
func benchKey(tag string) string {
	return "sk_sbox_" + tag + strings.Repeat("a", 26-len(tag)) + "q"
}

// benchClient returns a fake OAuth access key: ack_ and 26 base32 characters.
func benchClient(tag string) (id, secret string) {
	return "ack_" + tag + strings.Repeat("a", 26-len(tag)), "bench-secret-" + tag
}

// benchAllScopes are top-level scopes that grant all 30 endpoints.
func benchAllScopes() []string {
	return []string{"accounts", "balances", "disputes", "files", "financial-actions", "fx", "gateway",
		"issuing", "marketplace", "payouts", "reports", "risk", "sessions", "transfers", "vault"}
}

// benchPartialScopes lacks disputes:view and reports: an OAuth access key
// asking for every scope the 30 endpoints need is answered invalid_scope,
// and 5 endpoints stay out of reach.
func benchPartialScopes() []string {
	return []string{"accounts", "balances", "disputes:accept", "disputes:provide-evidence", "disputes:scheme-files",
		"financial-actions", "fx", "gateway", "vault"}
}

// benchSim starts a simulator that knows creds and adds latency to every
// request; it is closed when b ends.
func benchSim(b testing.TB, latency time.Duration, creds []simulator.Credential) *simulator.Server {
	b.Helper()
	sim := simulator.NewServer(simulator.Options{Credentials: creds, Latency: latency})
	b.Cleanup(sim.Close)
	return sim
}

// benchEchoURLs are two echo services, as the defaults ask several.
func benchEchoURLs(sim *simulator.Server) []string {
	return []string{sim.EchoURL(), sim.EchoJSONURL()}
}

// benchDials counts the connections the clients it makes open, to show
// connection reuse (conns/op).
type benchDials struct{ n atomic.Int64 }

// client returns the run's HTTP client, as the command builds it, with
// its dials counted. A run starts with no open connection.
func (d *benchDials) client() *http.Client {
	var dialer net.Dialer
	return checkout.NewHTTPClient(checkout.ClientOptions{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		d.n.Add(1)
		return dialer.DialContext(ctx, network, addr)
	}})
}

// benchRun is a run against sim as the command builds it: base URLs
// overridden, allowlist set, a fresh HTTP client, defaults for everything
// else.
type benchRun struct {
	run spec.Run
	o   engine.Options
}

func benchOptions(sim *simulator.Server, hc *http.Client, creds []spec.Credential) benchRun {
	for i := range creds {
		creds[i].APIURL, creds[i].AuthURL = sim.URL(), sim.TokenURL()
	}
	allow, err := egress.ParseEntries([]config.Value{{Text: "203.0.113.0/24"}})
	if err != nil {
		panic(err)
	}
	return benchRun{
		run: spec.Run{Credentials: creds, EchoURLs: benchEchoURLs(sim), Allowlist: allow, Timeout: time.Minute},
		o:   engine.Options{HTTPClient: hc, UserAgent: "checkout-preflight/bench", ToolVersion: "bench"},
	}
}

// benchRunOnce runs a preflight with a fresh connection pool, closed after.
func benchRunOnce(b benchRun) report.Report {
	r := engine.Run(context.Background(), b.run, b.o)
	b.o.HTTPClient.CloseIdleConnections()
	return r
}

// benchSequential makes the same checks one request after another and
// returns the report and the wall time: the engine with Concurrency 1
// (every token request and probe waits for the previous one) and egress
// discovery turned off, then each echo service asked in turn.
func benchSequential(b benchRun) (report.Report, time.Duration) {
	start := time.Now()
	urls := b.run.EchoURLs
	b.o.Concurrency, b.run.EchoURLs = 1, []string{}
	r := benchRunOnce(b)
	o := b.o
	for _, u := range urls {
		if d := egress.Discover(context.Background(), o.HTTPClient, []string{u}); !d.Found() {
			r.Result = report.ResultInconclusive
		}
	}
	o.HTTPClient.CloseIdleConnections()
	return r, time.Since(start)
}

// benchVerdicts summarises what a report found, one line per credential
// and endpoint, to compare the concurrent run with the sequential one.
func benchVerdicts(r report.Report) []string {
	out := []string{"result " + string(r.Result)}
	for _, c := range r.Credentials {
		out = append(out, fmt.Sprintf("%s active=%v missing=%v", c.Name, c.Active != nil && *c.Active, c.MissingScopes))
		for _, e := range c.Endpoints {
			out = append(out, fmt.Sprintf("%s %s %s", c.Name, e.Endpoint, e.Status))
		}
	}
	return out
}

// benchReport reports one benchmark's figures, after its b.Loop.
func benchReport(b *testing.B, latency, seq time.Duration, requests int, conns int64) {
	b.Helper()
	perOp := b.Elapsed() / time.Duration(b.N)
	b.ReportMetric(float64(perOp)/float64(latency), "rtt/op")
	b.ReportMetric(float64(seq)/float64(perOp), "x-vs-sequential")
	b.ReportMetric(float64(seq)/float64(latency), "seq-rtt")
	b.ReportMetric(float64(requests)/float64(b.N), "requests/op")
	b.ReportMetric(float64(conns)/float64(b.N), "conns/op")
}
