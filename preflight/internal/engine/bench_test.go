package engine_test

// Benchmarks of a whole run against the simulator with latency added to
// every request (100 ms; 5 ms under -short). Each reports, besides ns/op:
//
//	rtt/op           wall time of one run divided by the latency: the round
//	                 trips the run cost, connection set-up excluded (the
//	                 limit is 1 for a secret key, 2 for an OAuth access
//	                 key, with or without an invalid_scope to resolve)
//	x-vs-sequential  the same checks made one request after another,
//	                 measured once in the same benchmark, divided by one run
//	seq-rtt          that sequential baseline in round trips
//	requests/op      requests the simulator received per run
//	conns/op         connections the run opened (the rest reused one)
//
// These are the secondary figures: the latency is added inside the
// handler, over plain HTTP, so connection set-up is free. The headline
// benchmark, with TCP and TLS round trips, is preflight/internal/netbench.
//
// Long mode:  go test -run '^$' -bench . -benchtime 5x ./preflight/internal/engine/
// CI (short): go test -run '^$' -bench . -benchtime 1x -short ./preflight/internal/engine/

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/command"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/spec"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
	"github.com/checkout-preflight/checkout-preflight/preflight/simulator"
)

// BenchmarkSecretKey30 checks a secret key against 30 endpoints while it
// discovers the egress address: one round trip at best.
func BenchmarkSecretKey30(b *testing.B) {
	latency := benchLatency()
	key := benchKey("benchfull")
	sim := benchSim(b, latency, []simulator.Credential{{Name: "full", SecretKey: key, Scopes: benchAllScopes()}})
	var dials benchDials
	opts := func() benchRun {
		return benchOptions(sim, dials.client(), []spec.Credential{benchCredential("secret-key", key, "", "")})
	}
	seqReport, seq := benchSequential(opts())
	if seqReport.Result != report.ResultPass {
		b.Fatalf("sequential baseline: result %s, want pass:\n%s", seqReport.Result, strings.Join(benchVerdicts(seqReport), "\n"))
	}
	benchMeasure(b, sim, &dials, latency, seq, benchVerdicts(seqReport), func() report.Report { return benchRunOnce(opts()) })
}

// BenchmarkOAuth30InvalidScope checks an OAuth access key refused two of
// the scopes its 30 endpoints need: the token request answered
// invalid_scope goes out with the unscoped one, whose scopes let the probes
// go while the two refused scopes are asked for on their own; two round
// trips at best.
func BenchmarkOAuth30InvalidScope(b *testing.B) {
	latency := benchLatency()
	id, secret := benchClient("benchpartial")
	sim := benchSim(b, latency, []simulator.Credential{{Name: "partial", ClientID: id, ClientSecret: secret, Scopes: benchPartialScopes()}})
	var dials benchDials
	opts := func() benchRun {
		return benchOptions(sim, dials.client(), []spec.Credential{benchCredential("client-id", "", id, secret)})
	}
	seqReport, seq := benchSequential(opts())
	if seqReport.Result != report.ResultFail || len(seqReport.Credentials) != 1 || len(seqReport.Credentials[0].MissingScopes) != 2 {
		b.Fatalf("sequential baseline: want a failure with 2 missing scopes, got:\n%s", strings.Join(benchVerdicts(seqReport), "\n"))
	}
	benchMeasure(b, sim, &dials, latency, seq, benchVerdicts(seqReport), func() report.Report { return benchRunOnce(opts()) })
}

// benchMeasure runs run in b.Loop, checks that every run reaches the verdicts
// of the sequential baseline (want), and reports the figures.
func benchMeasure(b *testing.B, sim *simulator.Server, dials *benchDials, latency, seq time.Duration, want []string, run func() report.Report) {
	b.Helper()
	sim.Reset()
	dials.n.Store(0)
	for b.Loop() {
		if diff := cmp.Diff(want, benchVerdicts(run())); diff != "" {
			b.Fatalf("concurrent run differs from the sequential one (-sequential +concurrent):\n%s", diff)
		}
	}
	benchReport(b, latency, seq, len(sim.Requests()), dials.n.Load())
}

// benchConfigCredentials are the five credentials of benchConfigFile: three secret
// keys and two OAuth access keys, one of which is refused two scopes.
func benchConfigCredentials() (sim []simulator.Credential, env map[string]string) {
	full, gw, vault := benchKey("benchfull"), benchKey("benchgateway"), benchKey("benchvault")
	okID, okSecret := benchClient("benchfull")
	partID, partSecret := benchClient("benchpartial")
	sim = []simulator.Credential{
		{Name: "checkout-api", SecretKey: full, Scopes: benchAllScopes()},
		{Name: "refunds-worker", SecretKey: gw, Scopes: []string{"gateway"}},
		{Name: "vault-service", SecretKey: vault, Scopes: []string{"gateway", "vault", "accounts", "balances", "fx"}},
		{Name: "disputes-bot", ClientID: okID, ClientSecret: okSecret, Scopes: benchAllScopes()},
		{Name: "reports-job", ClientID: partID, ClientSecret: partSecret, Scopes: benchPartialScopes()},
	}
	env = map[string]string{
		"CKO_API_KEY": full, "CKO_REFUNDS_KEY": gw, "CKO_VAULT_KEY": vault,
		"CKO_DISPUTES_ID": okID, "CKO_DISPUTES_SECRET": okSecret,
		"CKO_REPORTS_ID": partID, "CKO_REPORTS_SECRET": partSecret,
	}
	return sim, env
}

// benchConfigFile declares the five credentials, each with the 30 endpoints.
func benchConfigFile() string {
	var eps strings.Builder
	for _, e := range benchEndpoints() {
		eps.WriteString("      " + e + "\n")
	}
	cred := func(name, keys string) string {
		return "  - name: " + name + "\n" + keys + "    endpoints: |\n" + eps.String()
	}
	return "version: 1\ndefaults:\n  environment: sandbox\n  allowed-ips: [203.0.113.0/24]\ncredentials:\n" +
		cred("checkout-api", "    secret-key-env: CKO_API_KEY\n") +
		cred("refunds-worker", "    secret-key-env: CKO_REFUNDS_KEY\n") +
		cred("vault-service", "    secret-key-env: CKO_VAULT_KEY\n") +
		cred("disputes-bot", "    client-id-env: CKO_DISPUTES_ID\n    client-secret-env: CKO_DISPUTES_SECRET\n") +
		cred("reports-job", "    client-id-env: CKO_REPORTS_ID\n    client-secret-env: CKO_REPORTS_SECRET\n")
}

// BenchmarkConfig5x30 runs the command itself, as a CI job would: it reads
// the config file (from memory), the keys from the environment, and writes
// the JSON report. The sequential baseline makes the same checks through
// the engine with the credentials the file declares.
func BenchmarkConfig5x30(b *testing.B) {
	latency := benchLatency()
	creds, env := benchConfigCredentials()
	sim := benchSim(b, latency, creds)
	file := []byte(benchConfigFile())
	args := []string{"--config", ".github/checkout-preflight.yml", "--format", "json",
		"--api-url", sim.URL(), "--auth-url", sim.TokenURL(), "--ip-echo-urls", strings.Join(benchEchoURLs(sim), ",")}

	var inputs []spec.Credential
	for _, c := range creds {
		inputs = append(inputs, benchCredential(c.Name, c.SecretKey, c.ClientID, c.ClientSecret))
	}
	var dials benchDials
	seqReport, seq := benchSequential(benchOptions(sim, dials.client(), inputs))
	if seqReport.Result != report.ResultFail || len(seqReport.Credentials) != 5 {
		b.Fatalf("sequential baseline: want a failure over 5 credentials, got:\n%s", strings.Join(benchVerdicts(seqReport), "\n"))
	}
	benchMeasure(b, sim, &dials, latency, seq, benchVerdicts(seqReport), func() report.Report {
		var stdout, stderr bytes.Buffer
		cmd := &command.Command{
			Stdout: &stdout, Stderr: &stderr,
			Getenv: func(k string) string { return env[k] },
			ReadFile: func(_, name string) ([]byte, error) {
				if name != args[1] {
					b.Fatalf("read %q, want only %q", name, args[1])
				}
				return file, nil
			},
			HTTPClient: dials.client(),
			Version:    "bench",
		}
		if code := cmd.Main(context.Background(), args); code != command.ExitFailed {
			b.Fatalf("exit code %d, want %d (missing scopes)\n%s", code, command.ExitFailed, stderr.String())
		}
		cmd.HTTPClient.CloseIdleConnections()
		var r report.Report
		if err := json.Unmarshal(stdout.Bytes(), &r); err != nil {
			b.Fatalf("report: %v\n%s", err, stdout.String())
		}
		return r
	})
}
