package main

// Process-level performance: the binary built as the Dockerfile builds it,
// started against a simulator on loopback. Startup is a benchmark metric
// (timings are never asserted); size and memory are asserted against the
// budgets in rss_linux_test.go and dockerfile_test.go.
//
//	go test -run '^$' -bench . -benchtime 20x ./cmd/checkout-preflight/

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
	"github.com/checkout-preflight/checkout-preflight/preflight/simulator"
)

// perfKey returns the i-th of five obviously fake sandbox secret keys in
// the real format (i from 1 to 5).
func perfKey(i int) string {
	return "sk_sbox_perffakekey" + string(rune('a'+i)) + "aaaaaaaaaaaaaaq"
}

// perfEndpoints are 30 endpoints with known scopes.
func perfEndpoints() []string {
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

// buildBinary builds the command with the Dockerfile's flags (static,
// stripped, trimmed) into a temporary directory and returns its path.
func buildBinary(tb testing.TB) string {
	tb.Helper()
	if testing.Short() {
		tb.Skip("builds the binary; skipped in -short mode")
	}
	bin := filepath.Join(tb.TempDir(), "checkout-preflight")
	build := exec.Command("go", "build", "-trimpath", "-ldflags", "-s -w -X main.version=v0.0.0-perf", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		tb.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// perfSim starts a simulator that knows the five perfKeys, each with every
// scope the 30 endpoints need.
func perfSim(tb testing.TB, latency time.Duration) *simulator.Server {
	tb.Helper()
	var creds []simulator.Credential
	for i := 1; i <= 5; i++ {
		creds = append(creds, simulator.Credential{Name: fmt.Sprintf("perf-%d", i), SecretKey: perfKey(i),
			Scopes: []string{"accounts", "balances", "disputes", "financial-actions", "fx", "gateway", "reports", "vault"}})
	}
	sim := simulator.NewServer(simulator.Options{Latency: latency, Credentials: creds})
	tb.Cleanup(sim.Close)
	return sim
}

// perfRunCommand is the binary's command line for a 30-endpoint secret-key run
// against sim, writing the JSON report to stdout; the key comes from the
// environment, as in CI.
func perfRunCommand(bin string, sim *simulator.Server) *exec.Cmd {
	cmd := exec.Command(bin, "run", "--format", "json", "--environment", "sandbox",
		"--endpoints", strings.Join(perfEndpoints(), "\n"), "--allowed-ips", "203.0.113.0/24",
		"--api-url", sim.URL(), "--auth-url", sim.TokenURL(), "--ip-echo-urls", sim.EchoURL()+","+sim.EchoJSONURL())
	cmd.Env = []string{"CKO_SECRET_KEY=" + perfKey(1)}
	return cmd
}

// perfCheckReport fails unless out is a passing JSON report over creds
// credentials of 30 authorised endpoints each.
func perfCheckReport(tb testing.TB, out []byte, creds int) {
	tb.Helper()
	var r report.Report
	if err := json.Unmarshal(out, &r); err != nil {
		tb.Fatalf("report: %v\n%s", err, out)
	}
	authorized := 0
	for _, c := range r.Credentials {
		for _, e := range c.Endpoints {
			if e.Status == report.EndpointAuthorized {
				authorized++
			}
		}
	}
	if r.Result != report.ResultPass || len(r.Credentials) != creds || authorized != 30*creds {
		tb.Fatalf("want a passing run with %d×30 authorised endpoints, got result %s with %d:\n%s", creds, r.Result, authorized, out)
	}
}

// BenchmarkStartToFirstRequest measures, per run of the binary, the time
// from just before the process is started to the simulator's record of
// the first request it received (ms-to-first-request), and reports the
// binary's size. The simulator adds no latency, so ns/op is the time of a
// whole run on loopback.
func BenchmarkStartToFirstRequest(b *testing.B) {
	bin := buildBinary(b)
	sim := perfSim(b, 0)
	var first time.Duration
	for b.Loop() {
		sim.Reset()
		cmd := perfRunCommand(bin, sim)
		start := time.Now()
		out, err := cmd.Output()
		if err != nil {
			b.Fatalf("run: %v\n%s", err, out)
		}
		reqs := sim.Requests()
		if len(reqs) == 0 {
			b.Fatal("the simulator received no request")
		}
		first += reqs[0].Time.Sub(start)
		perfCheckReport(b, out, 1)
	}
	b.ReportMetric(float64(first.Microseconds())/1e3/float64(b.N), "ms-to-first-request")
	if fi, err := os.Stat(bin); err == nil {
		b.ReportMetric(float64(fi.Size())/1e6, "binary-MB")
	}
}

// BenchmarkInstant measures commands that must not wait for anything:
// version and --help, from process start to exit.
func BenchmarkInstant(b *testing.B) {
	bin := buildBinary(b)
	for _, args := range [][]string{{"version"}, {"--help"}} {
		b.Run(strings.TrimLeft(args[0], "-"), func(b *testing.B) {
			for b.Loop() {
				cmd := exec.Command(bin, args...)
				cmd.Env = []string{}
				if out, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("%v: %v\n%s", args, err, out)
				}
			}
		})
	}
}
