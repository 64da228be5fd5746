package engine_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/engine"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/render"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/spec"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
	"github.com/checkout-preflight/checkout-preflight/preflight/simulator"
)

var update = flag.Bool("update", false, "rewrite testdata/runs/*.json from the current reports")

// Fake credentials in the real formats, known to runSim.
const (
	runKeyFull     = "sk_sbox_testfakekeyfullaccessabcdeq"
	runKeyNoRefund = "sk_sbox_testfakekeynorefundsabcdefq"
	runKeyRevoked  = "sk_sbox_testfakekeyrevokedabcdefghq"
	runKeyPrevious = "sk_test_0b5e1a7e-fa4e-4e5f-8a4e-00000000beef"
	runClientFull  = "ack_testfakeclientfullaccessab"
	runSecretFull  = "tfcs-4b1e7e0b93a2c7d1e5f60a8b2c3d4e5f"
	runClientPart  = "ack_testfakeclientnoviewzzqqab"
	runSecretPart  = "tfcs-9d2f3a61c8e5b7a4d0c1e2f3a4b5c6d7"
)

func runSim(tb testing.TB, faults ...simulator.Fault) *simulator.Server {
	tb.Helper()
	all := []string{"gateway", "vault", "disputes", "files", "accounts", "payouts", "balances", "reports", "fx"}
	sim := simulator.NewServer(simulator.Options{Credentials: []simulator.Credential{
		{Name: "full", SecretKey: runKeyFull, Scopes: all},
		{Name: "no-refunds", SecretKey: runKeyNoRefund, Scopes: []string{"gateway:payment", "gateway:payment-details", "gateway:payment-captures"}},
		{Name: "revoked", SecretKey: runKeyRevoked, Scopes: all, Revoked: true},
		{Name: "previous", SecretKey: runKeyPrevious},
		{Name: "oauth-full", ClientID: runClientFull, ClientSecret: runSecretFull, Scopes: all},
		{Name: "oauth-part", ClientID: runClientPart, ClientSecret: runSecretPart, Scopes: []string{"gateway", "disputes:accept"}},
	}})
	for _, f := range faults {
		sim.AddFault(f)
	}
	tb.Cleanup(sim.Close)
	return sim
}

// runEnv holds the variables the cases' config files name.
func runEnv() map[string]string {
	return map[string]string{
		"KEY_FULL": runKeyFull, "KEY_NO_REFUNDS": runKeyNoRefund, "KEY_REVOKED": runKeyRevoked, "KEY_PREVIOUS": runKeyPrevious,
		"ID_FULL": runClientFull, "SECRET_FULL": runSecretFull, "ID_PART": runClientPart, "SECRET_PART": runSecretPart,
	}
}

// TestRunGolden runs the engine on each case's config file against the
// simulator and compares the JSON report with testdata/runs/NAME.json.
func TestRunGolden(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		config string
		faults []simulator.Fault
		egress bool // ask the simulator's echo service
	}{
		{name: "secret-key-pass", egress: true, config: `
defaults:
  allowed-ips: 203.0.113.0/24
credentials:
  - name: payments
    secret-key-env: KEY_FULL
    endpoints: |
      POST /payments
      GET /payments/pay_abc
      POST /payments/{id}/refunds
`},
		{name: "secret-key-missing-scope", config: `
credentials:
  - name: refunds-worker
    secret-key-env: KEY_NO_REFUNDS
    endpoints: |
      GET /payments/{id}
      POST /payments/{id}/refunds
      POST /payments/{id}/voids
`},
		{name: "secret-key-revoked", config: `
credentials:
  - name: legacy
    secret-key-env: KEY_REVOKED
    endpoints: [POST /payments]
`},
		{name: "declared-scopes", config: `
credentials:
  - name: svc
    secret-key-env: KEY_NO_REFUNDS
    scopes: [gateway:payment-refunds, gateway, gateway:paymnt]
`},
		{name: "previous-platform", config: `
credentials:
  - name: old
    secret-key-env: KEY_PREVIOUS
    endpoints: [POST /payments, POST /connect/token]
`},
		{name: "oauth-invalid-scope", config: `
credentials:
  - name: disputes-bot
    client-id-env: ID_PART
    client-secret-env: SECRET_PART
    environment: sandbox
    endpoints: |
      GET /disputes
      POST /disputes/{id}/accept
`},
		{name: "oauth-auto-refused", config: `
credentials:
  - name: bot
    client-id-env: ID_FULL
    client-secret-env: SECRET_PART
    endpoints: [GET /disputes]
`},
		{name: "config-error", config: `
credentials:
  - name: svc
    secret-key-env: KEY_FULL
    endpoints: |
      GET /paymnts
      GET /payments/{id}
      GET /payments/{id}
`},
		{name: "api-outage", faults: []simulator.Fault{{Status: 503}}, config: `
credentials:
  - name: svc
    secret-key-env: KEY_FULL
    endpoints: |
      GET /payments/{id}
`},
		{name: "egress-not-allowed", egress: true, config: `
defaults:
  allowed-ips: [198.51.100.0/24]
credentials:
  - name: svc
    secret-key-env: KEY_FULL
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			sim := runSim(t, tt.faults...)
			file, err := config.Parse("preflight.yml", []byte("version: 1\n"+strings.TrimPrefix(tt.config, "\n")))
			if err != nil {
				t.Fatal(err)
			}
			in := spec.Inputs{}
			in.Set(config.APIURL, sim.URL(), report.Position{})
			in.Set(config.AuthURL, sim.TokenURL(), report.Position{})
			if tt.egress {
				in[config.IPEchoURLs] = []config.Value{{Text: sim.EchoURL()}}
			} else {
				in[config.IPEchoURLs] = []config.Value{{Text: "none"}}
			}
			env := runEnv()
			run, err := spec.Resolve(in, file, func(k string) string { return env[k] })
			if err != nil {
				t.Fatal(err)
			}
			fixed := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
			o := engine.Options{HTTPClient: sim.Client(), Now: func() time.Time { return fixed }, ToolVersion: "test",
				Retry: fastRetry()}
			r := engine.Run(context.Background(), run, o)
			got := normalise(t, r, sim)
			path := filepath.Join("testdata", "runs", tt.name+".json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("report for %s (-want +got):\n%s", tt.name, diff)
			}
			if len(sim.SideEffects()) != 0 {
				t.Errorf("side effects: %v", sim.SideEffects())
			}
			for _, s := range []string{runKeyFull, runKeyNoRefund, runSecretFull, runSecretPart, runClientPart[4:]} {
				if bytes.Contains(got, []byte(s[len(s)-12:])) {
					t.Errorf("the report holds part of a secret")
				}
			}
		})
	}
}

var requestIDs = regexp.MustCompile(`"request_id": "[^"]*"`)

// normalise renders r as indented JSON with the simulator's address and
// request ids replaced, so that the golden files are stable.
func normalise(tb testing.TB, r report.Report, sim *simulator.Server) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := render.JSON(&buf, r); err != nil {
		tb.Fatal(err)
	}
	b := buf.Bytes()
	host := strings.TrimPrefix(sim.URL(), "http://")
	b = bytes.ReplaceAll(b, []byte(host), []byte("SIMULATOR"))
	b = requestIDs.ReplaceAll(b, []byte(`"request_id": "REQUEST-ID"`))
	return b
}

// fastRetry retries at once, so that outages are reported quickly.
func fastRetry() checkout.RetryPolicy {
	return checkout.RetryPolicy{MaxAttempts: 2, Initial: time.Millisecond, Max: time.Millisecond}
}
