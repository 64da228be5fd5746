package verify

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/credential"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/oauth"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/plan"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/spec"
	"github.com/checkout-preflight/checkout-preflight/preflight/simulator"
)

const (
	keyFull    = "sk_sbox_testfakekeyfullaccessabcdeq"
	keyRevoked = "sk_sbox_testfakekeyrevokedabcdefghq"
	keyNoRef   = "sk_sbox_testfakekeynorefundsabcdefq"
	clientFull = "ack_testfakeclientfullaccessab"
	secretFull = "tfcs-4b1e7e0b93a2c7d1e5f60a8b2c3d4e5f"
	clientPart = "ack_testfakeclientnoviewzzqqab"
	secretPart = "tfcs-9d2f3a61c8e5b7a4d0c1e2f3a4b5c6d7"
)

func newSim(tb testing.TB) *simulator.Server {
	tb.Helper()
	sim := simulator.NewServer(simulator.Options{Credentials: []simulator.Credential{
		{Name: "full", SecretKey: keyFull, Scopes: []string{"gateway", "disputes", "vault"}},
		{Name: "revoked", SecretKey: keyRevoked, Scopes: []string{"gateway"}, Revoked: true},
		{Name: "no-refunds", SecretKey: keyNoRef, Scopes: []string{"gateway:payment", "gateway:payment-details"}},
		{Name: "oauth-full", ClientID: clientFull, ClientSecret: secretFull, Scopes: []string{"gateway", "disputes"}},
		{Name: "oauth-part", ClientID: clientPart, ClientSecret: secretPart, Scopes: []string{"gateway", "disputes:accept"}},
	}})
	tb.Cleanup(sim.Close)
	return sim
}

func planFor(tb testing.TB, sim *simulator.Server, c spec.Credential, lines ...string) plan.Plan {
	tb.Helper()
	return planWith(tb, c, sim.URL(), sim.TokenURL(), lines...)
}

// planWith plans c's lines against the API at apiURL and the token
// endpoint at authURL.
func planWith(tb testing.TB, c spec.Credential, apiURL, authURL string, lines ...string) plan.Plan {
	tb.Helper()
	var values []config.Value
	for _, l := range lines {
		values = append(values, config.Value{Text: l})
	}
	eps, _, err := config.ParseEndpoints(values)
	if err != nil {
		tb.Fatal(err)
	}
	c.Name, c.Endpoints, c.APIURL, c.AuthURL = "svc", eps, apiURL, authURL
	if c.Environment == "" {
		c.Environment = "auto"
	}
	p := plan.New(spec.Run{Credentials: []spec.Credential{c}, Timeout: time.Minute}, nil)
	if p.Invalid {
		tb.Fatalf("plan: %+v", p.Findings)
	}
	return p
}

func outcomes(rs []checkout.Result) []string {
	var out []string
	for _, r := range rs {
		out = append(out, string(r.Outcome))
	}
	return out
}

func TestSecretKey(t *testing.T) {
	t.Parallel()
	sim := newSim(t)
	tests := []struct {
		name, key string
		lines     []string
		want      []string
		activity  bool
	}{
		{"authorised", keyFull, []string{"POST /payments", "GET /disputes"}, []string{"authorized", "authorized"}, false},
		{"revoked", keyRevoked, []string{"POST /payments"}, []string{"unauthenticated"}, false},
		{"missing scope", keyNoRef, []string{"POST /payments/{id}/refunds", "GET /payments/{id}"}, []string{"forbidden", "authorized"}, false},
		{"nothing declared: the family lookups", keyFull, nil, nil, false},
		{"only an endpoint that is never probed", keyFull, []string{"POST /connect/token"}, []string{"not_checked"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := planFor(t, sim, spec.Credential{SecretKey: tt.key}, tt.lines...)
			got := Run(t.Context(), p, Options{HTTPClient: sim.Client()})[0]
			if diff := cmp.Diff(tt.want, outcomes(got.Targets)); diff != "" {
				t.Errorf("targets (-want +got):\n%s", diff)
			}
			if (got.Activity != nil) != tt.activity || !got.Checked || got.Environment != credential.Sandbox {
				t.Errorf("activity %v, checked %v, environment %q", got.Activity, got.Checked, got.Environment)
			}
			if len(got.Families) != len(p.Credentials[0].Families) || len(got.FamilyControls) != len(got.Families) || len(got.Controls) != len(got.Targets) {
				t.Errorf("families %d (planned %d), family controls %d, controls %d", len(got.Families), len(p.Credentials[0].Families), len(got.FamilyControls), len(got.Controls))
			}
			for i, r := range got.Controls {
				if tt.want[i] != "not_checked" && r.Outcome != checkout.OutcomeUnauthenticated {
					t.Errorf("control %d: %q, want the credential that cannot exist refused", i, r.Outcome)
				}
			}
		})
	}
	if len(sim.SideEffects()) != 0 {
		t.Errorf("side effects: %v", sim.SideEffects())
	}
}

func TestOAuth(t *testing.T) {
	t.Parallel()
	sim := newSim(t)
	t.Run("every scope granted", func(t *testing.T) {
		t.Parallel()
		p := planFor(t, sim, spec.Credential{ClientID: clientFull, ClientSecret: secretFull, Environment: "sandbox"}, "GET /disputes", "POST /payments")
		got := Run(t.Context(), p, Options{HTTPClient: sim.Client()})[0]
		if got.Token == nil || got.Token.Err != nil {
			t.Fatalf("token: %+v", got.Token)
		}
		if diff := cmp.Diff([]string{"authorized", "authorized"}, outcomes(got.Targets)); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]bool{true, true}, got.Token.Granting); diff != "" {
			t.Errorf("granting (-want +got):\n%s", diff)
		}
	})
	t.Run("invalid_scope is resolved scope by scope", func(t *testing.T) {
		t.Parallel()
		p := planFor(t, sim, spec.Credential{ClientID: clientPart, ClientSecret: secretPart, Environment: "sandbox"}, "GET /disputes", "POST /disputes/{id}/accept")
		got := Run(t.Context(), p, Options{HTTPClient: sim.Client()})[0]
		var oerr *oauth.Error
		if !errors.As(got.Token.Err, &oerr) || oerr.Code != oauth.CodeInvalidScope {
			t.Fatalf("first exchange: %v", got.Token.Err)
		}
		if diff := cmp.Diff([]string{"disputes:view"}, got.Token.Missing); diff != "" {
			t.Errorf("missing (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]string{"not_checked", "authorized"}, outcomes(got.Targets)); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
	t.Run("auto asks both environments", func(t *testing.T) {
		t.Parallel()
		p := planFor(t, sim, spec.Credential{ClientID: clientFull, ClientSecret: "tfcs-wrongwrongwrongwrongwrongwrong00"}, "GET /disputes")
		got := Run(t.Context(), p, Options{HTTPClient: sim.Client()})[0]
		// Both environments' token URLs are the one override here.
		if got.Environment != "" || got.Token.Tried != 2 || got.Token.TokenURL != sim.TokenURL() {
			t.Errorf("environment %q, tried %d, token URL %q", got.Environment, got.Token.Tried, got.Token.TokenURL)
		}
		if diff := cmp.Diff([]string{"not_checked"}, outcomes(got.Targets)); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
	t.Run("masked before logged", func(t *testing.T) {
		t.Parallel()
		var mu sync.Mutex
		var events []string
		add := func(e string) { mu.Lock(); events = append(events, e); mu.Unlock() }
		p := planFor(t, sim, spec.Credential{ClientID: clientFull, ClientSecret: secretFull, Environment: "sandbox"})
		Run(t.Context(), p, Options{HTTPClient: sim.Client(),
			Mask:  func(string) { add("mask") },
			Debug: func(l string) { add("debug " + strings.Fields(l)[0] + " " + strings.Fields(l)[1]) }})
		if len(events) < 3 || events[0] != "mask" || !strings.HasPrefix(events[1], "debug POST ") || !strings.HasSuffix(events[1], "/connect/token") {
			t.Errorf("events %q: the token must be masked before its request is logged", events)
		}
	})
}

func TestDeadlineBeforeASlot(t *testing.T) {
	t.Parallel()
	sim := newSim(t)
	p := planFor(t, sim, spec.Credential{SecretKey: keyFull}, "POST /payments", "GET /disputes")
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	got := Run(ctx, p, Options{HTTPClient: sim.Client(), Concurrency: 1})[0]
	for _, r := range got.Targets {
		if r.Outcome != checkout.OutcomeInconclusive {
			t.Errorf("outcome %q after the deadline, want inconclusive", r.Outcome)
		}
	}
	p = planFor(t, sim, spec.Credential{ClientID: clientFull, ClientSecret: secretFull, Environment: "sandbox"}, "GET /disputes")
	got = Run(ctx, p, Options{HTTPClient: sim.Client()})[0]
	if got.Token.Err == nil || !strings.Contains(got.Token.Err.Error(), "not sent before the deadline") {
		t.Errorf("token error %v", got.Token.Err)
	}
}

func TestInvalidAndUnusable(t *testing.T) {
	t.Parallel()
	p := plan.New(spec.Run{Credentials: []spec.Credential{{Name: "bad", SecretKey: "nope", Environment: "auto"}}}, nil)
	if got := Run(t.Context(), p, Options{}); got[0].Checked {
		t.Error("an unusable credential was checked")
	}
	p.Invalid = true
	if got := Run(t.Context(), p, Options{}); len(got) != 1 || got[0].Checked {
		t.Error("an invalid plan sent something")
	}
}

func TestLoggedClient(t *testing.T) {
	t.Parallel()
	sim := newSim(t)
	if c := LoggedClient(sim.Client(), nil, nil); c != sim.Client() {
		t.Error("no debug should return the client itself")
	}
	var lines []string
	c := LoggedClient(sim.Client(), func(l string) { lines = append(lines, l) }, nil)
	resp, err := c.Get(sim.EchoURL())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "GET ") || !strings.Contains(lines[0], "/ip attempt 1: 200") {
		t.Errorf("lines %q", lines)
	}
	resp2, err := c.Get("http://127.0.0.1:1/unreachable")
	if err == nil {
		resp2.Body.Close()
	}
	if len(lines) != 2 || !strings.Contains(lines[1], "the request failed") {
		t.Errorf("lines %q", lines)
	}
}
