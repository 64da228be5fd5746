package command

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
	"github.com/checkout-preflight/checkout-preflight/preflight/simulator"
)

// profileCase is one run of the real Main against a simulator that answers
// in one of the ways Checkout.com may (see simulator.Options): the verdict
// must hold whichever it is.
type profileCase struct {
	name     string
	opts     simulator.Options
	env      map[string]string
	args     []string
	wantCode int
	// want is each credential's activity and endpoint verdicts, by name.
	want map[string]credentialSummary
	// rule, when set, is a profile rule the simulator must have applied,
	// proving the case exercised the profile.
	rule string
	// says is text the output must contain.
	says []string
}

// credentialSummary is the part of a credential's verdict the profile
// tests compare.
type credentialSummary struct {
	Active    string
	Endpoints []string
}

func summariseCredentials(r report.Report) map[string]credentialSummary {
	out := map[string]credentialSummary{}
	for _, c := range r.Credentials {
		s := credentialSummary{Active: "unknown"}
		if c.Active != nil {
			s.Active = map[bool]string{true: "active", false: "inactive"}[*c.Active]
		}
		for _, e := range c.Endpoints {
			s.Endpoints = append(s.Endpoints, e.Method+" "+e.Template+" "+string(e.Status))
		}
		out[c.Name] = s
	}
	return out
}

func profileCases() []profileCase {
	all := []string{simulator.AllOperations}
	key := func(k string) map[string]string { return map[string]string{"CKO_SECRET_KEY": k} }
	return []profileCase{
		{
			name: "business-rule 403 on actions is not a missing scope",
			opts: simulator.Options{BusinessRule403: all}, env: key(keyFull),
			args:     []string{"--endpoints", "POST /payments/{id}/refunds\nPOST /payments/{id}/captures\nPOST /payments/{id}/voids"},
			wantCode: ExitOK, rule: simulator.RuleBusinessRule,
			want: map[string]credentialSummary{"secret-key": {Active: "active", Endpoints: []string{
				"POST /payments/{id}/refunds authorized", "POST /payments/{id}/captures authorized", "POST /payments/{id}/voids authorized"}}},
			says: []string{"business-rule"},
		},
		{
			name: "business-rule 403 still lets a missing scope through as a refusal",
			opts: simulator.Options{BusinessRule403: all}, env: key(keyNoRefunds),
			args:     []string{"--endpoints", "POST /payments/{id}/refunds\nPOST /payments/{id}/captures"},
			wantCode: ExitFailed,
			want: map[string]credentialSummary{"secret-key": {Active: "active", Endpoints: []string{
				"POST /payments/{id}/refunds forbidden", "POST /payments/{id}/captures authorized"}}},
		},
		{
			name: "missing scope answered 401 for every declared endpoint is not an inactive key",
			opts: simulator.Options{MissingScopeStatus: 401}, env: key(keyNoRefunds),
			args:     []string{"--endpoints", "POST /payments/{id}/refunds"},
			wantCode: ExitFailed,
			want: map[string]credentialSummary{"secret-key": {Active: "active", Endpoints: []string{
				"POST /payments/{id}/refunds unauthenticated"}}},
			says: []string{"add gateway:payment-refunds"},
		},
		{
			name: "a key refused on every family says both readings",
			opts: simulator.Options{MissingScopeStatus: 401}, env: key(keyFilesOnly),
			args:     []string{"--endpoints", "POST /payments"},
			wantCode: ExitFailed,
			want:     map[string]credentialSummary{"secret-key": {Active: "inactive", Endpoints: []string{"POST /payments not_checked"}}},
			says:     []string{"if it is missing or revoked", "if it is listed and active"},
		},
		{
			name: "insufficient-scope challenge names the scope",
			opts: simulator.Options{MissingScopeStatus: 401, MissingScopeChallenge: true}, env: key(keyNoRefunds),
			args:     []string{"--endpoints", "POST /payments/{id}/refunds\nGET /payments/{id}"},
			wantCode: ExitFailed, rule: simulator.RuleMissingScope,
			want: map[string]credentialSummary{"secret-key": {Active: "active", Endpoints: []string{
				"POST /payments/{id}/refunds forbidden", "GET /payments/{id} authorized"}}},
			says: []string{"insufficient-scope", "add gateway:payment-refunds"},
		},
		{
			name: "forbidden error_type on a 401 reads as a permission",
			opts: simulator.Options{MissingScopeStatus: 401, MissingScopeBody: simulator.ErrorBody{ErrorType: "forbidden"}}, env: key(keyNoRefunds),
			args:     []string{"--endpoints", "POST /payments/{id}/refunds"},
			wantCode: ExitFailed, rule: simulator.RuleMissingScope,
			want: map[string]credentialSummary{"secret-key": {Active: "active", Endpoints: []string{
				"POST /payments/{id}/refunds forbidden"}}},
			says: []string{"permission-refused"},
		},
		{
			name: "an unknown key with a body and a challenge is still inactive",
			opts: simulator.Options{UnknownKeyBody: simulator.ErrorBody{ErrorType: "unauthorized"}, UnknownKeyChallenge: true}, env: key(keyRevoked),
			args:     []string{"--endpoints", "POST /payments"},
			wantCode: ExitFailed, rule: simulator.RuleUnknownKey,
			want: map[string]credentialSummary{"secret-key": {Active: "inactive", Endpoints: []string{"POST /payments not_checked"}}},
		},
		{
			name: "validation before authentication is inconclusive, never a pass",
			opts: simulator.Options{ValidateBeforeAuth: all}, env: key(keyNoRefunds),
			args:     []string{"--endpoints", "POST /payments\nPOST /payments/{id}/refunds"},
			wantCode: ExitInconclusive, rule: simulator.RuleValidateBeforeAuth,
			want: map[string]credentialSummary{"secret-key": {Active: "active", Endpoints: []string{
				"POST /payments inconclusive", "POST /payments/{id}/refunds inconclusive"}}},
			says: []string{"a credential that cannot exist got the same answer"},
		},
		{
			name: "id lookup before authentication is inconclusive, never a pass",
			opts: simulator.Options{LookupBeforeAuth: all}, env: key(keyNoRefunds),
			args:     []string{"--endpoints", "GET /payments/{id}\nPOST /payments/{id}/refunds"},
			wantCode: ExitInconclusive, rule: simulator.RuleLookupBeforeAuth,
			want: map[string]credentialSummary{"secret-key": {Active: "unknown", Endpoints: []string{
				"GET /payments/{id} inconclusive", "POST /payments/{id}/refunds inconclusive"}}},
			says: []string{"answers before it checks the credential"},
		},
		{
			name: "OAuth: id lookup before the scope check is inconclusive, never a pass",
			opts: simulator.Options{LookupBeforeScope: all},
			env:  map[string]string{"CKO_CLIENT_ID": clientFull, "CKO_CLIENT_SECRET": secretFull},
			args: []string{"--endpoints", "GET /disputes/{id}"}, wantCode: ExitInconclusive, rule: simulator.RuleLookupBeforeScope,
			want: map[string]credentialSummary{"client-id": {Active: "active", Endpoints: []string{"GET /disputes/{dispute_id} inconclusive"}}},
			says: []string{"a token without the scope got the same answer"},
		},
		{
			// The one assumption a secret key's verdict rests on: no
			// control can prove, for a secret key, that the scope is
			// checked before the id is looked up. The verdict is a pass
			// and the probe.controls check says what it assumed; the live
			// suite checks the assumption on the sandbox.
			name: "secret key: id lookup before the scope check is a stated assumption",
			opts: simulator.Options{LookupBeforeScope: all}, env: key(keyNoRefunds),
			args: []string{"--endpoints", "POST /payments/{id}/refunds"}, wantCode: ExitOK, rule: simulator.RuleLookupBeforeScope,
			want: map[string]credentialSummary{"secret-key": {Active: "active", Endpoints: []string{"POST /payments/{id}/refunds authorized"}}},
			says: []string{"is assumed (no control can prove it for a secret key"},
		},
		{
			name: "OAuth: the scope control proves the scope is checked first",
			env:  map[string]string{"CKO_CLIENT_ID": clientFull, "CKO_CLIENT_SECRET": secretFull},
			args: []string{"--endpoints", "GET /disputes/{id}"}, wantCode: ExitOK,
			want: map[string]credentialSummary{"client-id": {Active: "active", Endpoints: []string{"GET /disputes/{dispute_id} authorized"}}},
			says: []string{"a token without the scope was refused on 1 route"},
		},
		{
			name: "public key active", env: map[string]string{"CKO_PUBLIC_KEY": keyPublic}, wantCode: ExitOK,
			want: map[string]credentialSummary{"public-key": {Active: "active", Endpoints: []string{"POST /tokens authorized"}}},
		},
		{
			name: "public key active where token requests are validated",
			opts: simulator.Options{ValidateTokenRequests: true}, env: map[string]string{"CKO_PUBLIC_KEY": keyPublic}, wantCode: ExitOK,
			want: map[string]credentialSummary{"public-key": {Active: "active", Endpoints: []string{"POST /tokens authorized"}}},
		},
		{
			name: "public key revoked", env: map[string]string{"CKO_PUBLIC_KEY": keyPublicOld}, wantCode: ExitFailed,
			want: map[string]credentialSummary{"public-key": {Active: "inactive", Endpoints: []string{"POST /tokens not_checked"}}},
		},
		{
			name: "public key beside the secret key",
			env:  map[string]string{"CKO_SECRET_KEY": keyFull, "CKO_PUBLIC_KEY": keyPublic}, args: []string{"--endpoints", "POST /payments"}, wantCode: ExitOK,
			want: map[string]credentialSummary{
				"secret-key": {Active: "active", Endpoints: []string{"POST /payments authorized"}},
				"public-key": {Active: "active", Endpoints: []string{"POST /tokens authorized"}},
			},
		},
	}
}

// TestProfilesThroughMain runs Main against every simulator profile: no
// false pass, no false "forbidden" on a business rule, no false
// "inactive", inconclusive where a route answers before it checks the
// credential, public keys; and, through the harness, no side effect and no
// secret in any output.
func TestProfilesThroughMain(t *testing.T) {
	t.Parallel()
	for _, tt := range profileCases() {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, tt.opts)
			for k, v := range tt.env {
				h.env[k] = v
			}
			code := h.run(append(append(h.simArgs(), "--format", "json"), tt.args...)...)
			if code != tt.wantCode {
				t.Errorf("exit code = %d, want %d\nstderr: %s", code, tt.wantCode, h.stderr.String())
			}
			if diff := cmp.Diff(tt.want, summariseCredentials(h.report())); diff != "" {
				t.Errorf("verdicts (-want +got):\n%s", diff)
			}
			for _, s := range tt.says {
				if !strings.Contains(h.stdout.String(), s) {
					t.Errorf("the report does not say %q", s)
				}
			}
			if tt.rule != "" && !appliedRule(h.sim, tt.rule) {
				t.Errorf("the simulator never applied %s: the case does not exercise its profile", tt.rule)
			}
		})
	}
}

func appliedRule(s *simulator.Server, rule string) bool {
	for _, r := range s.Requests() {
		if r.Rule == rule {
			return true
		}
	}
	return false
}

// TestPublicKeyOfTheOtherEnvironment is refused before any request: a
// sandbox secret key and a production public key cannot be one
// integration's pair.
func TestPublicKeyOfTheOtherEnvironment(t *testing.T) {
	t.Parallel()
	h := newHarness(t, simulator.Options{})
	h.env["CKO_SECRET_KEY"] = keyFull
	h.env["CKO_PUBLIC_KEY"] = "pk_testfakepublicprodkeyabcdeq"
	code := h.run(append(h.simArgs(), "--endpoints", "POST /payments")...)
	if code != ExitUsage && code != ExitFailed {
		t.Errorf("exit code = %d, want a failure\n%s", code, h.stdout.String())
	}
	if !strings.Contains(h.stdout.String(), "environment") {
		t.Errorf("the output does not explain the environment mismatch:\n%s", h.stdout.String())
	}
	if n := h.apiRequests(); n != 0 {
		t.Errorf("%d requests were sent with a mismatched pair", n)
	}
}
