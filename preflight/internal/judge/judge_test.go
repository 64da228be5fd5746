package judge

import (
	"errors"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/egress"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/oauth"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/plan"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/spec"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/transport"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/verify"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

const (
	testKey      = "sk_sbox_m3ubmv6trmjy5dxv2fz6nkwq7ea"
	testPrevious = "sk_test_0b5e1a7e-fa4e-4e5f-8a4e-00000000beef"
	testClient   = "ack_testfakeclientfullaccessab"
	testSecret   = "tfcs-4b1e7e0b93a2c7d1e5f60a8b2c3d4e5f"
)

// endpoints parses endpoint lines as a flag would give them.
func endpoints(tb testing.TB, lines ...string) []config.Endpoint {
	tb.Helper()
	var values []config.Value
	for _, l := range lines {
		values = append(values, config.Value{Text: l})
	}
	eps, _, err := config.ParseEndpoints(values)
	if err != nil {
		tb.Fatal(err)
	}
	return eps
}

// keyPlan plans one secret key with the endpoints.
func keyPlan(tb testing.TB, key string, lines ...string) plan.Plan {
	tb.Helper()
	p := plan.New(spec.Run{Timeout: time.Minute, Credentials: []spec.Credential{{Name: "secret-key", Setting: "secret-key", SecretKey: key, Environment: "auto", Endpoints: endpoints(tb, lines...)}}}, nil)
	if p.Invalid || !p.Credentials[0].Usable {
		tb.Fatalf("plan: %+v", p.Findings)
	}
	return p
}

func oauthPlan(tb testing.TB, lines ...string) plan.Plan {
	tb.Helper()
	p := plan.New(spec.Run{Timeout: time.Minute, Credentials: []spec.Credential{{Name: "client-id", Setting: "client-id and client-secret",
		ClientID: testClient, ClientSecret: testSecret, Environment: "sandbox", Endpoints: endpoints(tb, lines...)}}}, nil)
	if p.Invalid || !p.Credentials[0].Usable {
		tb.Fatalf("plan: %+v", p.Findings)
	}
	return p
}

func answer(o checkout.Outcome, status int) checkout.Result {
	return checkout.Result{Outcome: o, HTTPStatus: status, Attempts: 1}
}

// refusedControls are n controls refused as a credential that cannot
// exist is.
func refusedControls(n int) []checkout.Result {
	out := make([]checkout.Result, n)
	for i := range out {
		out[i] = answer(checkout.OutcomeUnauthenticated, 401)
	}
	return out
}

// checked is what verification learned of a secret key: each target's
// answer, its control refused, no family lookup answered.
func checked(results ...checkout.Result) verify.Credential {
	return verify.Credential{Checked: true, Environment: "sandbox", Targets: results, Controls: refusedControls(len(results))}
}

// summary is what a judged report says, in a form tables can compare.
type summary struct {
	Result    report.Result
	Active    string
	Missing   []string
	Endpoints []string
	Checks    []string
}

func summarise(r report.Report) summary {
	s := summary{Result: r.Result}
	for _, c := range r.Credentials {
		switch {
		case c.Active == nil:
			s.Active = "unknown"
		case *c.Active:
			s.Active = "active"
		default:
			s.Active = "inactive"
		}
		s.Missing = c.MissingScopes
		for _, e := range c.Endpoints {
			s.Endpoints = append(s.Endpoints, e.Template+" "+string(e.Status))
		}
	}
	for _, c := range r.Checks {
		s.Checks = append(s.Checks, c.ID+" "+string(c.Status))
	}
	return s
}

func TestJudgeSecretKey(t *testing.T) {
	t.Parallel()
	p := keyPlan(t, testKey, "POST /payments", "POST /payments/{id}/refunds")
	transportErr := checkout.Result{Outcome: checkout.OutcomeInconclusive, Err: transport.New("api.sandbox.checkout.com", errors.New("x"))}
	tests := []struct {
		name    string
		results []checkout.Result
		want    summary
	}{
		{"all authorised", []checkout.Result{answer(checkout.OutcomeAuthorized, 422), answer(checkout.OutcomeAuthorized, 404)}, summary{
			Result: report.ResultPass, Active: "active", Missing: []string{},
			Endpoints: []string{"/payments authorized", "/payments/{id}/refunds authorized"},
			Checks:    []string{"credential.active pass", "endpoint.authorized pass", "probe.controls pass"},
		}},
		{"one 403", []checkout.Result{answer(checkout.OutcomeAuthorized, 422), answer(checkout.OutcomeForbidden, 403)}, summary{
			Result: report.ResultFail, Active: "active", Missing: []string{"gateway:payment-refunds"},
			Endpoints: []string{"/payments authorized", "/payments/{id}/refunds forbidden"},
			Checks:    []string{"credential.active pass", "endpoint.authorized fail", "probe.controls pass"},
		}},
		{"a 401 beside an accepted probe is a missing scope", []checkout.Result{answer(checkout.OutcomeAuthorized, 422), answer(checkout.OutcomeUnauthenticated, 401)}, summary{
			Result: report.ResultFail, Active: "active", Missing: []string{"gateway:payment-refunds"},
			Endpoints: []string{"/payments authorized", "/payments/{id}/refunds unauthenticated"},
			Checks:    []string{"credential.active pass", "endpoint.authorized fail", "probe.controls pass"},
		}},
		{"every probe 401", []checkout.Result{answer(checkout.OutcomeUnauthenticated, 401), answer(checkout.OutcomeUnauthenticated, 401)}, summary{
			Result: report.ResultFail, Active: "inactive", Missing: []string{},
			Endpoints: []string{"/payments not_checked", "/payments/{id}/refunds not_checked"},
			Checks:    []string{"credential.active fail"},
		}},
		{"no answer", []checkout.Result{transportErr, transportErr}, summary{
			Result: report.ResultInconclusive, Active: "unknown", Missing: []string{},
			Endpoints: []string{"/payments inconclusive", "/payments/{id}/refunds inconclusive"},
			Checks:    []string{"credential.active inconclusive", "endpoint.authorized inconclusive", "endpoint.authorized inconclusive"},
		}},
		{"a probe that succeeds", []checkout.Result{answer(checkout.OutcomeUnexpectedSuccess, 201), answer(checkout.OutcomeAuthorized, 404)}, summary{
			Result: report.ResultFail, Active: "active", Missing: []string{},
			Endpoints: []string{"/payments unexpected_success", "/payments/{id}/refunds authorized"},
			Checks:    []string{"credential.active pass", "probe.safety fail", "probe.controls pass"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := Judge(Input{Plan: p, Credentials: []verify.Credential{checked(tt.results...)}})
			if diff := cmp.Diff(tt.want, summarise(got)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			for _, c := range got.Checks {
				if strings.Contains(c.Message+c.Remedy, testKey[8:16]) {
					t.Errorf("check %q quotes the key", c.ID)
				}
			}
		})
	}
}

func TestJudgeSecretKeyWording(t *testing.T) {
	t.Parallel()
	p := keyPlan(t, testKey, "POST /payments/{id}/refunds")
	r := Judge(Input{Plan: p, Credentials: []verify.Credential{checked(answer(checkout.OutcomeForbidden, 403))}})
	refused := r.Checks[1]
	want := report.Check{ID: report.CheckEndpointAuthorized, Status: report.StatusFail, Credential: "secret-key", Endpoint: "POST /payments/{id}/refunds",
		Title:   "Refused: POST /payments/{id}/refunds",
		Message: `Checkout.com answered 403 to "POST /payments/{id}/refunds" for sk_sbox_…q7ea`,
		Remedy:  "add gateway:payment-refunds to the secret key sk_sbox_…q7ea in the Dashboard (Developers > Keys); if it already has it, check account-side restrictions and the network allowlist",
		Detail:  "the key lacks a scope that grants this endpoint, or an account-side restriction (processing channel, network policy) applies", Scope: "gateway:payment-refunds"}
	if diff := cmp.Diff(want, refused); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	inactive := Judge(Input{Plan: p, Credentials: []verify.Credential{checked(answer(checkout.OutcomeUnauthenticated, 401))}})
	if got := inactive.Checks[0].Remedy; got != "in the sandbox Dashboard (Developers > Keys), look for the key ending …q7ea: if it is missing or revoked, create a new one and update the secret passed as secret-key; if it is listed and active, it lacks every scope: add the ones its endpoints need" {
		t.Errorf("remedy = %q", got)
	}
}

func TestJudgePreviousPlatformAndActivity(t *testing.T) {
	t.Parallel()
	p := keyPlan(t, testPrevious, "POST /payments/{id}/refunds")
	r := Judge(Input{Plan: p, Credentials: []verify.Credential{checked(answer(checkout.OutcomeForbidden, 403))}})
	if got := r.Credentials[0].MissingScopes; len(got) != 0 {
		t.Errorf("a previous-platform key has no scopes to miss, got %v", got)
	}
	if !strings.Contains(r.Checks[1].Remedy, "account manager") {
		t.Errorf("remedy = %q", r.Checks[1].Remedy)
	}
	none := keyPlan(t, testKey)
	fams := make([]checkout.Result, len(none.Credentials[0].Families))
	for i := range fams {
		fams[i] = answer(checkout.OutcomeUnauthenticated, 401)
	}
	fams[1] = answer(checkout.OutcomeAuthorized, 404)
	r = Judge(Input{Plan: none, Credentials: []verify.Credential{{Checked: true, Environment: "sandbox", Families: fams, FamilyControls: refusedControls(len(fams))}}})
	if diff := cmp.Diff([]string{"credential.active pass", "probe.controls pass"}, summarise(r).Checks); diff != "" {
		t.Errorf("a family lookup alone proves the key active (-want +got):\n%s", diff)
	}
}

func TestJudgeSeveralCredentialsNameTheirChecks(t *testing.T) {
	t.Parallel()
	p := plan.New(spec.Run{Timeout: time.Minute, Credentials: []spec.Credential{
		{Name: "payments", Setting: "CKO_A", SecretKey: testKey, Environment: "auto", Endpoints: endpoints(t, "GET /payments/{id}")},
		{Name: "refunds", Setting: "CKO_B", SecretKey: testKey, Environment: "auto", Endpoints: endpoints(t, "GET /payments/{id}")},
	}}, nil)
	refused := checked(answer(checkout.OutcomeUnauthenticated, 401))
	r := Judge(Input{Plan: p, Credentials: []verify.Credential{refused, refused}})
	c := r.Checks[0]
	if c.Title != "Credential not active (payments)" || !strings.Contains(c.Remedy, "the secret in CKO_A") {
		t.Errorf("got %q / %q", c.Title, c.Remedy)
	}
	p = plan.New(spec.Run{Timeout: time.Minute, Credentials: p.Run.Credentials[:1]}, nil)
	if got := Judge(Input{Plan: p, Credentials: []verify.Credential{refused}}).Checks[0].Title; got != "Credential not active" {
		t.Errorf("a lone credential's titles name it: %q", got)
	}
}

func TestJudgeOAuth(t *testing.T) {
	t.Parallel()
	p := oauthPlan(t, "GET /disputes", "POST /disputes/{dispute_id}/accept")
	invalidScope := &oauth.Error{Code: oauth.CodeInvalidScope, HTTPStatus: 400}
	tests := []struct {
		name string
		got  verify.Credential
		want summary
	}{
		{"token with every scope", verify.Credential{Checked: true, Environment: "sandbox",
			Targets:  []checkout.Result{answer(checkout.OutcomeAuthorized, 200), answer(checkout.OutcomeAuthorized, 404)},
			Controls: refusedControls(2),
			Token: &verify.Token{TokenURL: "https://access.sandbox.checkout.com/connect/token", Tried: 1, Granted: []string{"disputes"}, Missing: []string{},
				Granting: []bool{true, true}, APIResults: []checkout.Result{answer(checkout.OutcomeAuthorized, 200)}}},
			summary{Result: report.ResultPass, Active: "active", Missing: []string{},
				Endpoints: []string{"/disputes authorized", "/disputes/{dispute_id}/accept authorized"},
				Checks:    []string{"credential.active pass", "credential.scopes pass", "endpoint.authorized pass", "probe.controls pass"}}},
		{"no control answered", verify.Credential{Checked: true, Environment: "sandbox",
			Targets:  []checkout.Result{answer(checkout.OutcomeAuthorized, 200), answer(checkout.OutcomeAuthorized, 404)},
			Controls: []checkout.Result{answer(checkout.OutcomeAuthorized, 200), {Outcome: checkout.OutcomeInconclusive}},
			Token: &verify.Token{TokenURL: "https://access.sandbox.checkout.com/connect/token", Tried: 1, Granted: []string{"disputes"}, Missing: []string{},
				Granting: []bool{true, true}, APIResults: []checkout.Result{answer(checkout.OutcomeAuthorized, 200)}}},
			summary{Result: report.ResultInconclusive, Active: "active", Missing: []string{},
				Endpoints: []string{"/disputes inconclusive", "/disputes/{dispute_id}/accept inconclusive"},
				Checks:    []string{"credential.active pass", "credential.scopes pass", "endpoint.authorized inconclusive", "endpoint.authorized inconclusive", "probe.controls warn"}}},
		{"one scope refused", verify.Credential{Checked: true, Environment: "sandbox",
			Targets:  []checkout.Result{{Outcome: checkout.OutcomeNotChecked}, answer(checkout.OutcomeAuthorized, 404)},
			Controls: []checkout.Result{{Outcome: checkout.OutcomeNotChecked}, answer(checkout.OutcomeUnauthenticated, 401)},
			Token: &verify.Token{Err: invalidScope, TokenURL: "https://access.sandbox.checkout.com/connect/token", Tried: 1, Missing: []string{"disputes:view"},
				Granting: []bool{false, true}, APIResults: []checkout.Result{answer(checkout.OutcomeAuthorized, 404)}}},
			summary{Result: report.ResultFail, Active: "active", Missing: []string{"disputes:view"},
				Endpoints: []string{"/disputes missing_scope", "/disputes/{dispute_id}/accept authorized"},
				Checks:    []string{"credential.active pass", "credential.scopes fail", "endpoint.authorized fail", "probe.controls pass"}}},
		{"refused", verify.Credential{Checked: true, Environment: "sandbox", Targets: make([]checkout.Result, 2),
			Token: &verify.Token{Err: &oauth.Error{Code: oauth.CodeInvalidClient, HTTPStatus: 401}, TokenURL: "https://access.sandbox.checkout.com/connect/token", Tried: 1}},
			summary{Result: report.ResultFail, Active: "inactive", Missing: []string{},
				Endpoints: []string{"/disputes not_checked", "/disputes/{dispute_id}/accept not_checked"},
				Checks:    []string{"credential.active fail"}}},
		{"token endpoint down", verify.Credential{Checked: true, Environment: "sandbox", Targets: make([]checkout.Result, 2),
			Token: &verify.Token{Err: &oauth.Error{HTTPStatus: 503}, TokenURL: "https://access.sandbox.checkout.com/connect/token", Tried: 1}},
			summary{Result: report.ResultInconclusive, Active: "unknown", Missing: []string{},
				Endpoints: []string{"/disputes not_checked", "/disputes/{dispute_id}/accept not_checked"},
				Checks:    []string{"credential.active inconclusive"}}},
		{"token refused by the API", verify.Credential{Checked: true, Environment: "sandbox",
			Targets: []checkout.Result{answer(checkout.OutcomeUnauthenticated, 401), answer(checkout.OutcomeUnauthenticated, 401)},
			Token: &verify.Token{TokenURL: "https://access.sandbox.checkout.com/connect/token", Tried: 1, Granted: []string{"disputes"}, Missing: []string{},
				Granting: []bool{true, true}, APIResults: []checkout.Result{answer(checkout.OutcomeUnauthenticated, 401), answer(checkout.OutcomeUnauthenticated, 401)}}},
			summary{Result: report.ResultFail, Active: "active", Missing: []string{},
				Endpoints: []string{"/disputes forbidden", "/disputes/{dispute_id}/accept forbidden"},
				Checks:    []string{"credential.active pass", "credential.active fail", "credential.scopes pass", "endpoint.authorized fail", "endpoint.authorized fail", "egress.restriction warn"}}},
		{"scopes undecided", verify.Credential{Checked: true, Environment: "sandbox",
			Targets: []checkout.Result{{Outcome: checkout.OutcomeNotChecked}, {Outcome: checkout.OutcomeNotChecked}},
			Token: &verify.Token{Err: invalidScope, TokenURL: "https://access.sandbox.checkout.com/connect/token", Tried: 1, Missing: []string{},
				ScopeErr: errors.New("scope \"disputes:view\": the token endpoint is unavailable"), Granting: []bool{false, false}}},
			summary{Result: report.ResultFail, Active: "active", Missing: []string{"disputes:view", "disputes:accept"},
				Endpoints: []string{"/disputes missing_scope", "/disputes/{dispute_id}/accept missing_scope"},
				Checks:    []string{"credential.active pass", "credential.scopes inconclusive", "endpoint.authorized fail", "endpoint.authorized fail"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := Judge(Input{Plan: p, Credentials: []verify.Credential{tt.got}})
			if diff := cmp.Diff(tt.want, summarise(got)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestJudgeEgress(t *testing.T) {
	t.Parallel()
	allow, err := egress.ParseEntries([]config.Value{{Text: "203.0.113.0/24", Pos: report.Position{File: "f.yml", Line: 3, Column: 5}}})
	if err != nil {
		t.Fatal(err)
	}
	v4, v4b := netip.MustParseAddr("203.0.113.10"), netip.MustParseAddr("198.51.100.7")
	v6 := netip.MustParseAddr("2001:db8::1")
	found := func(addrs ...netip.Addr) *egress.Discovery {
		d := &egress.Discovery{}
		for _, a := range addrs {
			d.Sources = append(d.Sources, egress.Source{URL: "https://user:pw@echo.example/ip", Addr: a})
			if a.Is4() && !d.IPv4.IsValid() {
				d.IPv4 = a
			}
			if a.Is6() {
				d.IPv6 = a
			}
		}
		return d
	}
	tests := []struct {
		name   string
		list   egress.Allowlist
		d      *egress.Discovery
		hosted bool
		want   []string
	}{
		{"discovery off, no allowlist", nil, nil, false, nil},
		{"discovery off, an allowlist", allow, nil, false, []string{"egress.allowed skip"}},
		{"no allowlist", nil, found(v4), false, []string{"egress.discovered pass", "egress.allowed skip"}},
		{"allowed", allow, found(v4), false, []string{"egress.discovered pass", "egress.allowed pass"}},
		{"not allowed", allow, found(v4b), false, []string{"egress.discovered pass", "egress.allowed fail"}},
		{"one family allowed", allow, found(v4, v6), false, []string{"egress.discovered pass", "egress.allowed warn"}},
		{"no answer", allow, &egress.Discovery{Sources: []egress.Source{{URL: "https://echo.example", Err: errors.New("no answer")}}}, false, []string{"egress.discovered warn"}},
		{"disagreement", allow, &egress.Discovery{IPv4: v4, Disagreement: true, V4: []egress.Candidate{{Addr: v4, Count: 2}, {Addr: v4b, Count: 1}}}, false,
			[]string{"egress.discovered pass", "egress.agreement warn", "egress.allowed pass"}},
		{"hosted runner, address allowed: nothing to say", allow, found(v4), true, []string{"egress.discovered pass", "egress.allowed pass"}},
		{"hosted runner, address refused: the likely reason", allow, found(v4b), true, []string{"egress.discovered pass", "egress.allowed fail", "egress.hosted-runner notice"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := Judge(Input{Plan: plan.Plan{Run: spec.Run{Allowlist: tt.list}}, Egress: tt.d, HostedRunner: tt.hosted})
			if diff := cmp.Diff(tt.want, summarise(r).Checks); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if r.Egress != nil {
				for _, s := range r.Egress.Sources {
					if strings.Contains(s.URL, "pw") {
						t.Errorf("source URL %q shows the password", s.URL)
					}
				}
			}
		})
	}
}

func TestJudgeCutShortAndFindings(t *testing.T) {
	t.Parallel()
	missing := report.Check{ID: report.CheckCredentialPresent, Status: report.StatusFail}
	tests := []struct {
		name string
		in   Input
		want []string
	}{
		{"interrupted", Input{Interrupted: true}, []string{"run.interrupted inconclusive"}},
		{"timed out", Input{TimedOut: true, Plan: plan.Plan{Run: spec.Run{Timeout: 3 * time.Second}}}, []string{"run.deadline inconclusive"}},
		{"findings first", Input{Findings: []report.Check{missing}}, []string{"credential.present fail"}},
		{"invalid plan sends nothing", Input{Plan: plan.Invalid(errors.New("bad")), Egress: &egress.Discovery{}}, []string{"config.valid fail"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, summarise(Judge(tt.in)).Checks); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	r := Judge(Input{TimedOut: true, Plan: plan.Plan{Run: spec.Run{Timeout: 3 * time.Second}}})
	if !strings.Contains(r.Checks[0].Message, "3s timeout") {
		t.Errorf("message = %q", r.Checks[0].Message)
	}
}

func TestCapRepeats(t *testing.T) {
	t.Parallel()
	var findings []report.Check
	for range 25 {
		findings = append(findings, report.Check{ID: report.CheckConfig, Status: report.StatusFail, Title: "Invalid configuration", Message: "bad"})
	}
	findings = append(findings, report.Check{ID: report.CheckConfig, Status: report.StatusWarn, Title: "Unknown scope"})
	r := Judge(Input{Plan: plan.Plan{Findings: findings, Invalid: true}})
	if len(r.Checks) != MaxRepeats+2 {
		t.Fatalf("%d checks, want %d", len(r.Checks), MaxRepeats+2)
	}
	more := r.Checks[MaxRepeats]
	if more.Title != "Invalid configuration (more)" || more.Message != "15 more findings like the ones above are not listed" || more.Status != report.StatusFail {
		t.Errorf("summary finding %+v", more)
	}
	if r.Checks[MaxRepeats+1].Title != "Unknown scope" || r.Result != report.ResultFail {
		t.Errorf("checks %+v", r.Checks[MaxRepeats+1])
	}
}
