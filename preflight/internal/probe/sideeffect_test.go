package probe_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/oauth"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/probe"
	"github.com/checkout-preflight/checkout-preflight/preflight/simulator"
)

// Fake credentials in the real formats (none is real).
const (
	sideSecretKey    = "sk_sbox_sideeffectfullkeyabcdefghij"
	sidePublicKey    = "pk_sbox_sideeffectpublickeyabcdefgh"
	sideClientID     = "ack_sideeffectfullclientabcdq"
	sideClientSecret = "side-effect-client-secret-0123456789"
)

// sender is one way of authenticating a probe, and which operations
// accept it.
type sender struct {
	name          string
	authorization string
	accepts       func(catalog.Operation) bool
}

// acceptsAny reports whether op's security lists any of schemes; an
// operation whose security is unknown accepts any secret key or token,
// as the simulator does.
func acceptsAny(unknown bool, schemes ...catalog.Scheme) func(catalog.Operation) bool {
	return func(op catalog.Operation) bool {
		if op.Security == nil {
			return unknown
		}
		return slices.ContainsFunc(op.Security, func(r catalog.Requirement) bool {
			return slices.Contains(schemes, r.Scheme)
		})
	}
}

// allScopes returns every scope the catalog knows, so that a credential
// holding them lacks nothing. Names with a space are left out: they are
// unverified SDK hints ("Payment Contexts"), not OAuth scope tokens, and
// no operation requires them.
func allScopes(tb testing.TB, cat *catalog.Catalog) []string {
	tb.Helper()
	var out []string
	for _, s := range cat.Scopes() {
		if !strings.Contains(s.Name, " ") {
			out = append(out, s.Name)
		}
	}
	if len(out) == 0 {
		tb.Fatal("catalog.Default() knows no scope")
	}
	return out
}

// simClient returns a client that sends every host's probes to sim.
func simClient(tb testing.TB, sim *simulator.Server) *checkout.Client {
	tb.Helper()
	e, err := checkout.ResolveEndpoints(checkout.Sandbox, "", sim.URL(), sim.TokenURL())
	if err != nil {
		tb.Fatalf("ResolveEndpoints(simulator): %v", err)
	}
	return &checkout.Client{HTTP: sim.Client(), Endpoints: e, UserAgent: "checkout-preflight/side-effect-test"}
}

// problems lists what the simulator saw that a preflight must never do: a
// request that would have changed something, and a POST or PATCH without
// a Cko-Idempotency-Key. Empty means none.
func problems(sim *simulator.Server) []string {
	var out []string
	for _, r := range sim.SideEffects() {
		out = append(out, fmt.Sprintf("side effect: %s %s answered %d (route %q)", r.Method, r.Path, r.Status, r.Route))
	}
	for _, r := range sim.Requests() {
		if (r.Method == "POST" || r.Method == "PATCH") && !r.IdempotencyKey {
			out = append(out, fmt.Sprintf("no Cko-Idempotency-Key: %s %s", r.Method, r.Path))
		}
	}
	return out
}

// TestNoSideEffects sends the probe of every catalog operation to the
// simulator with a fully-scoped secret key, a fully-scoped OAuth access
// token and a public key, and checks that nothing was changed: every
// credential an operation accepts is authorized (or the probe skipped),
// every other one is refused, no answer is an unexpected success, and no
// request is recorded as a side effect.
func TestNoSideEffects(t *testing.T) {
	t.Parallel()
	cat := catalog.Default()
	ops := cat.Operations()
	if len(ops) == 0 {
		t.Fatal("catalog.Default() has no operations")
	}
	scopes := allScopes(t, cat)
	sim := simulator.NewServer(simulator.Options{Credentials: []simulator.Credential{
		{Name: "secret", SecretKey: sideSecretKey, Scopes: scopes},
		{Name: "public", SecretKey: sidePublicKey},
		{Name: "oauth", ClientID: sideClientID, ClientSecret: sideClientSecret, Scopes: scopes},
	}})
	t.Cleanup(sim.Close)

	cfg := oauth.Config{TokenURL: sim.TokenURL(), HTTPClient: sim.Client()}
	tok, err := cfg.Exchange(context.Background(), sideClientID, sideClientSecret, nil)
	if err != nil {
		t.Fatalf("token exchange with the simulator: %v", err)
	}
	if diff := cmp.Diff(scopes, tok.Scopes); diff != "" {
		t.Fatalf("token scopes (-want +got):\n%s", diff)
	}
	sim.Reset() // keeps the issued token; Requests now hold probes only

	senders := []sender{
		{"secret key", "Bearer " + sideSecretKey, acceptsAny(true, catalog.SchemeSecretKey, catalog.SchemeOAuth)},
		{"oauth token", "Bearer " + tok.AccessToken(), acceptsAny(true, catalog.SchemeOAuth)},
		{"public key", "Bearer " + sidePublicKey, acceptsAny(false, catalog.SchemePublicKey)},
	}
	client := simClient(t, sim)
	// routes maps each probe's request line to the operation it must reach:
	// a probe that missed its route would get the simulator's "no such
	// path" 404, which reads as authorized and would prove nothing.
	routes := map[string]string{}
	sent := 0
	for _, op := range ops {
		p := probe.For(op)
		if p.Skip == "" {
			routes[p.Method+" "+p.Path] = op.String()
			sent += len(senders)
		}
	}
	if sent == 0 {
		t.Fatal("no probe is sent: every operation is skipped")
	}

	t.Run("probes", func(t *testing.T) {
		for _, op := range ops {
			for _, s := range senders {
				t.Run(op.Host+" "+op.String()+" "+s.name, func(t *testing.T) {
					t.Parallel()
					p := probe.For(op)
					res := client.Probe(context.Background(), s.authorization, p)
					if res.Outcome == checkout.OutcomeUnexpectedSuccess {
						t.Fatalf("%s: unexpected success %d; probe %s", s.name, res.HTTPStatus, p.Shape)
					}
					want := []checkout.Outcome{checkout.OutcomeAuthorized}
					switch {
					case p.Skip != "":
						want = []checkout.Outcome{checkout.OutcomeNotChecked}
					case !s.accepts(op):
						want = []checkout.Outcome{checkout.OutcomeForbidden, checkout.OutcomeUnauthenticated}
					}
					if !slices.Contains(want, res.Outcome) {
						t.Errorf("%s: outcome %q (HTTP %d, err %v), want one of %q; probe %s", s.name, res.Outcome, res.HTTPStatus, res.Err, want, p.Shape)
					}
					if p.Skip == "" && res.Attempts != 1 {
						t.Errorf("%s: %d attempts, want 1", s.name, res.Attempts)
					}
				})
			}
		}
	})

	reqs := sim.Requests()
	if len(reqs) != sent {
		t.Errorf("simulator saw %d requests, want %d (one per probe and credential)", len(reqs), sent)
	}
	for _, r := range reqs {
		if want := routes[r.Method+" "+r.Path]; r.Route != want {
			t.Errorf("%s %s reached route %q, want %q", r.Method, r.Path, r.Route, want)
		}
	}
	if got := problems(sim); len(got) > 0 {
		t.Errorf("probes did something a preflight must never do:\n%s", got)
	}
}

// TestNoSideEffectsCanFail is the negative control of TestNoSideEffects:
// a probe with a body that validates is recorded as a side effect and
// classified as an unexpected success, and a POST sent without an
// idempotency key is reported, so the checks above are not vacuous.
func TestNoSideEffectsCanFail(t *testing.T) {
	t.Parallel()
	sim := simulator.NewServer(simulator.Options{Credentials: []simulator.Credential{
		{Name: "secret", SecretKey: sideSecretKey, Scopes: []string{"gateway"}},
	}})
	t.Cleanup(sim.Close)
	client := simClient(t, sim)

	bad := probe.Probe{Method: "POST", Host: "api", Path: "/payments", Body: []byte(`{"amount":100}`), ContentType: "application/json"}
	res := client.Probe(context.Background(), "Bearer "+sideSecretKey, bad)
	if res.Outcome != checkout.OutcomeUnexpectedSuccess {
		t.Errorf("bad probe: outcome %q (HTTP %d), want %q", res.Outcome, res.HTTPStatus, checkout.OutcomeUnexpectedSuccess)
	}
	noKey := probe.For(catalog.Operation{Method: "POST", Host: "api", Path: "/payments"})
	noKey.Idempotent = true // the client then sends no Cko-Idempotency-Key
	client.Probe(context.Background(), "Bearer "+sideSecretKey, noKey)

	want := []string{
		`side effect: POST /payments answered 201 (route "POST /payments")`,
		"no Cko-Idempotency-Key: POST /payments",
	}
	if diff := cmp.Diff(want, problems(sim)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}
