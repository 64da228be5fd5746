package simulator

import (
	"crypto/rand"
	"encoding/base32"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// randomKey returns prefix and 27 random characters of [a-z2-7], the shape
// of a current-platform key that no account has.
func randomKey(prefix string) string {
	var b [20]byte
	rand.Read(b[:])
	return prefix + strings.ToLower(base32.StdEncoding.EncodeToString(b[:]))[:27]
}

// randomUUID returns a random version-4 UUID.
func randomUUID() string { return newRequestID() }

// controlAuths returns the Authorization values of credentials that cannot
// exist on s, as the tool sends for its controls: well-formed keys of each
// platform no account has, random bearer tokens, and JWTs s did not sign
// or that have expired by s's clock (expired is a token s issued that is
// expired when the test runs; see TestControlsAnswerLikeUnknownKeys).
func controlAuths(tb testing.TB, foreign, expired string) map[string]string {
	tb.Helper()
	claims := base64.RawURLEncoding.EncodeToString([]byte(fmt.Sprintf(`{"client_id":%q,"scope":["gateway"],"exp":%d}`, clientOK, fixedNow.Add(100*time.Hour).Unix())))
	var sig [32]byte
	rand.Read(sig[:])
	none := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"none","typ":"JWT"}`))
	return map[string]string{
		"sandbox secret key":    "Bearer " + randomKey("sk_sbox_"),
		"live secret key":       "Bearer " + randomKey("sk_"),
		"sandbox public key":    "Bearer " + randomKey("pk_sbox_"),
		"previous key, raw":     "sk_test_" + randomUUID(),
		"previous public, raw":  "pk_test_" + randomUUID(),
		"previous key, Bearer":  "Bearer sk_test_" + randomUUID(),
		"random bearer token":   "Bearer " + base64.RawURLEncoding.EncodeToString(sig[:]),
		"JWT, bad signature":    "Bearer " + jwtHeader + "." + claims + "." + base64.RawURLEncoding.EncodeToString(sig[:]),
		"JWT, alg none":         "Bearer " + none + "." + claims + ".",
		"JWT of another server": "Bearer " + foreign,
		"expired JWT":           "Bearer " + expired,
	}
}

// TestControlsAnswerLikeUnknownKeys checks that, under each profile, a
// credential that cannot exist gets exactly what a well-formed unknown key
// gets, and that the unknown key gets the profile's status.
func TestControlsAnswerLikeUnknownKeys(t *testing.T) {
	t.Parallel()
	all := []string{AllOperations}
	type probe struct{ method, path, body string }
	probes := []probe{
		{"GET", "/payments", ""},
		{"GET", "/payments/pay_x", ""},
		{"POST", "/payments", "[]"},
		{"POST", "/payments/pay_x/refunds", "[]"},
		{"POST", "/tokens", "[]"},
	}
	tests := []struct {
		name string
		opts Options
		want []int // the unknown key's status for each probe
	}{
		{"default", Options{}, []int{401, 401, 401, 401, 401}},
		{"401 signals", Options{MissingScopeStatus: 401, MissingScopeChallenge: true, UnknownKeyChallenge: true,
			MissingScopeBody: ErrorBody{ErrorType: "forbidden"}, UnknownKeyBody: ErrorBody{ErrorType: "unauthorized"}}, []int{401, 401, 401, 401, 401}},
		{"validate before auth", Options{ValidateBeforeAuth: all}, []int{401, 401, 422, 422, 422}},
		{"lookup before auth", Options{LookupBeforeAuth: all}, []int{401, 404, 401, 404, 401}},
		{"lookup before scope", Options{LookupBeforeScope: all}, []int{401, 401, 401, 401, 401}},
		{"business rule", Options{BusinessRule403: all}, []int{401, 401, 401, 401, 401}},
		{"lookup and business rule", Options{LookupBeforeAuth: all, BusinessRule403: all}, []int{401, 404, 401, 401, 401}},
		{"everything", Options{ValidateBeforeAuth: all, LookupBeforeAuth: all, LookupBeforeScope: all, BusinessRule403: all,
			ValidateTokenRequests: true, MissingScopeStatus: 401, UnknownKeyBody: ErrorBody{ErrorType: "unauthorized"}}, []int{401, 404, 422, 422, 422}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var clock syncClock
			clock.set(fixedNow)
			o := tt.opts
			o.Credentials, o.Catalog, o.Now = profileCredentials(), profileCatalog(), clock.now
			s := newTestServer(t, o)
			expired := token(t, s, "")
			foreign := token(t, newTestServer(t, Options{Now: clock.now}), "")
			clock.set(fixedNow.Add(secs(2 * tokenLifetime)))
			controls := controlAuths(t, foreign, expired)
			for i, p := range probes {
				ref := profileDo(t, s, p.method, p.path, bearer(keyUnknown), p.body)
				if ref.Status != tt.want[i] || ref.Credential != "" || ref.SideEffect {
					t.Errorf("%s %s, unknown key: %+v, want status %d, no credential, no side effect", p.method, p.path, ref, tt.want[i])
				}
				for name, auth := range controls {
					got := profileDo(t, s, p.method, p.path, auth, p.body)
					if diff := cmp.Diff(ref, got); diff != "" {
						t.Errorf("%s %s, control %s (-unknown key +control):\n%s", p.method, p.path, name, diff)
					}
				}
				revoked := profileDo(t, s, p.method, p.path, bearer(keyRevoked), p.body)
				revoked.Credential = ""
				if diff := cmp.Diff(ref, revoked); diff != "" {
					t.Errorf("%s %s, revoked key (-unknown key +revoked):\n%s", p.method, p.path, diff)
				}
			}
			if n := len(s.SideEffects()); n != 0 {
				t.Errorf("%d side effects, want none", n)
			}
		})
	}
}
