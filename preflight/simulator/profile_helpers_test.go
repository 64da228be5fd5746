package simulator

import (
	"strings"
	"testing"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
	"github.com/google/go-cmp/cmp"
)

// More fake credentials, for the profile tests (none is real).
const (
	keyPublicPrevious = "pk_test_3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b"
	keyPublicRevoked  = "pk_sbox_q4wzr7tbm2kdx6ynvjh3sfc5lpe"
	clientSessions    = "ack_s6kq2bwrvzj4tmxhnpd7cy3lfe"
	secretSessions    = "fake-sessions-secret-9T2q"
	keyUnknown        = "sk_sbox_nobodyaaaaaaaaaaaaaaaaaaaa7" // well-formed, known to no server
)

// profileCredentials are testCredentials and a previous-platform public
// key, a revoked public key and an OAuth client with the sessions scope.
func profileCredentials() []Credential {
	return append(testCredentials(),
		Credential{Name: "public-previous", SecretKey: keyPublicPrevious},
		Credential{Name: "public-revoked", SecretKey: keyPublicRevoked, Revoked: true},
		Credential{Name: "oauth-sessions", ClientID: clientSessions, ClientSecret: secretSessions, Scopes: []string{"sessions"}},
	)
}

// profileCatalog is testCatalog with the other actions and a session update
// that business-rule 403s concern.
func profileCatalog() *catalog.Catalog {
	req := func(scheme catalog.Scheme, scopes ...string) catalog.Requirement {
		return catalog.Requirement{Scheme: scheme, Scopes: scopes}
	}
	ops := append(testCatalog().Operations(),
		catalog.Operation{Method: "POST", Path: "/payments/{id}/voids", Host: "api", Status: catalog.StatusCurrent,
			Security: []catalog.Requirement{req(catalog.SchemeOAuth, "gateway", "gateway:payment-voids"), req(catalog.SchemeSecretKey)}},
		catalog.Operation{Method: "POST", Path: "/payments/{paymentId}/reversals", Host: "api", Status: catalog.StatusSDKOnly},
		catalog.Operation{Method: "POST", Path: "/payments/{paymentId}/cancellations", Host: "api", Status: catalog.StatusSDKOnly},
		catalog.Operation{Method: "PUT", Path: "/sessions/{id}/collect-data", Host: "api", Status: catalog.StatusCurrent,
			Security: []catalog.Requirement{req(catalog.SchemeOAuth, "sessions:app", "sessions:browser"), req(catalog.SchemeSessionSecret)}},
	)
	return catalog.New(ops, nil)
}

// sessionsToken in a profileCase's Auth stands for "Bearer " and an access
// token of the oauth-sessions client, obtained from the case's server.
const sessionsToken = "<sessions token>"

// profileCase is one request of a profile test and what it must get.
type profileCase struct {
	name               string
	auth               string // Authorization value; "" for none
	method, path, body string
	want               profileAnswer
}

// profileAnswer is what a profile test compares: the answer (body
// normalized), its WWW-Authenticate value and the request's record.
type profileAnswer struct {
	Status     int
	Body       string
	Challenge  string
	Rule       string
	Credential string
	SideEffect bool
}

// Bodies of answers, after normalize.
const (
	bodyNotFound = `{"request_id":"RID"}` + "\n"
	bodyList     = `{"data":[]}` + "\n"
)

// bodyInvalid is a 422 request_invalid body with codes.
func bodyInvalid(codes ...string) string {
	return `{"request_id":"RID","error_type":"request_invalid","error_codes":["` + strings.Join(codes, `","`) + `"]}` + "\n"
}

// bodyNotAllowed is a business-rule 403 body with code.
func bodyNotAllowed(code string) string {
	return `{"request_id":"RID","error_type":"operation_not_allowed","error_codes":["` + code + `"]}` + "\n"
}

// profileGroup is a server's options and the cases run against it.
type profileGroup struct {
	name  string
	opts  Options
	cases []profileCase
}

// runProfileGroups runs each group's cases against a server started with
// its options (and the profile credentials and catalog), and checks that
// the group left no side effect it did not expect.
func runProfileGroups(t *testing.T, groups []profileGroup) {
	t.Helper()
	for _, g := range groups {
		t.Run(g.name, func(t *testing.T) {
			t.Parallel()
			o := g.opts
			o.Credentials, o.Catalog = profileCredentials(), profileCatalog()
			s := newTestServer(t, o)
			sessions := "Bearer " + tokenOf(t, s, Credential{ClientID: clientSessions, ClientSecret: secretSessions})
			wantEffects := 0
			for _, tc := range g.cases {
				if tc.want.SideEffect {
					wantEffects++
				}
				auth := tc.auth
				if auth == sessionsToken {
					auth = sessions
				}
				got := profileDo(t, s, tc.method, tc.path, auth, tc.body)
				if diff := cmp.Diff(tc.want, got); diff != "" {
					t.Errorf("%s: %s %s (-want +got):\n%s", tc.name, tc.method, tc.path, diff)
				}
			}
			if n := len(s.SideEffects()); n != wantEffects {
				t.Errorf("%d side effects, want %d", n, wantEffects)
			}
		})
	}
}

// profileDo sends one request and returns what profile tests compare.
func profileDo(tb testing.TB, s *Server, method, path, auth, body string) profileAnswer {
	tb.Helper()
	a := do(tb, s, method, path, auth, body)
	rec := findRecord(tb, s, a.Header.Get("Cko-Request-Id"))
	n := normalize(a)
	return profileAnswer{
		Status: n.Status, Body: n.Body, Challenge: a.Header.Get("Www-Authenticate"),
		Rule: rec.Rule, Credential: rec.Credential, SideEffect: rec.SideEffect,
	}
}
