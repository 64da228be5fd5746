package verify

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/spec"
	"github.com/checkout-preflight/checkout-preflight/preflight/simulator"
)

// TestInvalidScopeWithTheUnscopedToken: when the required scopes are
// refused, the scopes the unscoped token lists count as held and only the
// others are asked for one by one; whatever the token endpoint's default
// for no scope, the verdicts are those of asking every scope on its own.
func TestInvalidScopeWithTheUnscopedToken(t *testing.T) {
	t.Parallel()
	lines := []string{"GET /disputes", "POST /disputes/{id}/accept", "POST /payments"}
	tests := []struct {
		name     string
		unscoped []string // the simulator's UnscopedScopes
		// wantAlone are the required scopes asked for on their own.
		wantAlone   int
		wantMissing []string
		wantErr     bool
		wantTargets []string
	}{
		{"lists every held scope", nil, 1, []string{"disputes:view"}, false, []string{"not_checked", "authorized", "authorized"}},
		{"a narrower default", []string{"gateway"}, 2, []string{"disputes:view"}, false, []string{"not_checked", "authorized", "authorized"}},
		{"carries no scope", []string{}, 3, []string{"disputes:view"}, false, []string{"not_checked", "authorized", "authorized"}},
		{"lists every required scope, one the key lacks", []string{"gateway", "disputes"}, 3, []string{"disputes:view"}, false, []string{"not_checked", "authorized", "authorized"}},
		// The token lists disputes:view, which the key lacks: the one
		// scope left is held, so nothing is missing although the scopes
		// were refused together. That must not pass.
		{"lists a scope the key lacks", []string{"gateway", "disputes:view"}, 1, []string{}, true, []string{"authorized", "authorized", "authorized"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			sim := simulator.NewServer(simulator.Options{Credentials: []simulator.Credential{
				{Name: "part", ClientID: clientPart, ClientSecret: secretPart, Scopes: []string{"gateway", "disputes:accept"}, UnscopedScopes: tt.unscoped},
			}})
			t.Cleanup(sim.Close)
			p := planFor(t, sim, spec.Credential{ClientID: clientPart, ClientSecret: secretPart, Environment: "sandbox"}, lines...)
			got := Run(t.Context(), p, Options{HTTPClient: sim.Client()})[0]
			if diff := cmp.Diff(tt.wantMissing, got.Token.Missing); diff != "" {
				t.Errorf("missing (-want +got):\n%s", diff)
			}
			if (got.Token.ScopeErr != nil) != tt.wantErr {
				t.Errorf("scope error %v, want one: %v", got.Token.ScopeErr, tt.wantErr)
			}
			if diff := cmp.Diff(tt.wantTargets, outcomes(got.Targets)); diff != "" {
				t.Errorf("targets (-want +got):\n%s", diff)
			}
			// The required scopes, the control's, none, then each one
			// not proven held on its own.
			if n, want := tokenRequests(sim), 3+tt.wantAlone; n != want {
				t.Errorf("%d token requests, want %d", n, want)
			}
			if len(sim.SideEffects()) != 0 {
				t.Errorf("side effects: %v", sim.SideEffects())
			}
		})
	}
}

// tokenRequests counts the requests sim's token endpoint answered.
func tokenRequests(sim *simulator.Server) int {
	n := 0
	for _, r := range sim.Requests() {
		if r.Route == simulator.RouteToken {
			n++
		}
	}
	return n
}

// TestNoTokenRequestOutlivesTheCheck: the unscoped token request goes out
// beside the scoped one and is not needed when that is granted; it must
// still have ended, and logged, before Run returns, or its debug line
// would be written after the report. The token endpoint here holds
// unscoped requests until their client gives up; every token request the
// client starts must have logged its line when Run returns.
func TestNoTokenRequestOutlivesTheCheck(t *testing.T) {
	t.Parallel()
	sim := newSim(t)
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if form, _ := url.ParseQuery(string(body)); form.Get("scope") == "" {
			<-r.Context().Done()
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		sim.ServeHTTP(w, r)
	}))
	t.Cleanup(slow.Close)
	p := planWith(t, spec.Credential{ClientID: clientFull, ClientSecret: secretFull, Environment: "sandbox"},
		sim.URL(), slow.URL+strings.TrimPrefix(sim.TokenURL(), sim.URL()), "POST /payments")
	var mu sync.Mutex
	started, logged := 0, 0
	base := slow.Client().Transport
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		if strings.HasSuffix(r.URL.Path, "/connect/token") {
			mu.Lock()
			started++
			mu.Unlock()
		}
		return base.RoundTrip(r)
	})}
	debug := func(l string) {
		if strings.Contains(l, "/connect/token") {
			mu.Lock()
			logged++
			mu.Unlock()
		}
	}
	got := Run(t.Context(), p, Options{HTTPClient: hc, Debug: debug})[0]
	mu.Lock()
	defer mu.Unlock()
	if diff := cmp.Diff([]string{"authorized"}, outcomes(got.Targets)); diff != "" {
		t.Errorf("outcomes (-want +got):\n%s", diff)
	}
	if started < 2 || logged != started {
		t.Errorf("%d token requests started, %d logged when Run returned: a request outlived the check", started, logged)
	}
}
