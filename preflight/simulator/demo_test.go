package simulator

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
	"github.com/google/go-cmp/cmp"
)

func TestDemoCredentialFormats(t *testing.T) {
	t.Parallel()
	secretKey := regexp.MustCompile(`^sk_(sbox_)?[a-z2-7]{26}[a-z2-7*#$=]$`)
	publicKey := regexp.MustCompile(`^pk_(sbox_)?[a-z2-7]{26}[a-z2-7*#$=]$`)
	previousKey := regexp.MustCompile(`^sk_(test_)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	accessKey := regexp.MustCompile(`^ack_[a-z2-7]{26}$`)
	names := map[string]bool{}
	for _, c := range DemoCredentials() {
		if names[c.Name] {
			t.Errorf("duplicate demo credential name %q", c.Name)
		}
		names[c.Name] = true
		if c.SecretKey != "" && !secretKey.MatchString(c.SecretKey) && !publicKey.MatchString(c.SecretKey) && !previousKey.MatchString(c.SecretKey) {
			t.Errorf("demo credential %q: key does not match the real formats", c.Name)
		}
		if c.ClientID != "" && !accessKey.MatchString(c.ClientID) {
			t.Errorf("demo credential %q: client id does not match %s", c.Name, accessKey)
		}
		if c.SecretKey == "" && c.ClientID == "" {
			t.Errorf("demo credential %q holds nothing", c.Name)
		}
	}
	if len(names) != 7 {
		t.Errorf("%d demo credentials, want 7", len(names))
	}
}

// TestDemoSecretsStayOutOfText checks that the demo secrets share no
// 8-character run with what the simulator and the tool print about them,
// so that secret-leak assertions on demo output mean something.
func TestDemoSecretsStayOutOfText(t *testing.T) {
	t.Parallel()
	var text strings.Builder
	text.WriteString("checkout-preflight simulator simulate sandbox production Authorization Bearer fake ")
	var secrets []string
	for _, c := range DemoCredentials() {
		fmt.Fprintf(&text, "%s %v %+v %#v %s ", c.Name, c, c, c, strings.Join(c.Scopes, " "))
		for _, k := range []string{c.SecretKey, c.ClientSecret} {
			if k != "" {
				// The key prefix ("sk_sbox_") says what a key is, not which.
				secrets = append(secrets, k[strings.LastIndexByte(k[:min(8, len(k))], '_')+1:])
			}
		}
	}
	assertNoSecret(t, text.String(), secrets...)
}

// TestDemoCredentialsOnDefaultCatalog checks that each demo credential
// shows the outcome its documentation promises, on the generated catalog.
func TestDemoCredentialsOnDefaultCatalog(t *testing.T) {
	t.Parallel()
	s := NewServer(Options{Credentials: DemoCredentials()})
	t.Cleanup(s.Close)
	byName := map[string]Credential{}
	for _, c := range DemoCredentials() {
		byName[c.Name] = c
	}
	key := func(name string) string { return "Bearer " + byName[name].SecretKey }

	oauth := "Bearer " + tokenOf(t, s, byName[DemoOAuthNoView])

	tests := []struct {
		name, method, path, auth, body string
		want                           int
	}{
		{"full refund", "POST", "/payments/pay_x/refunds", key(DemoFullAccess), `{"amount":1}`, 404},
		{"full disputes", "GET", "/disputes", key(DemoFullAccess), "", 200},
		{"no-refunds refund", "POST", "/payments/pay_x/refunds", key(DemoNoRefunds), `{"amount":1}`, 403},
		{"no-refunds payment", "GET", "/payments/pay_x", key(DemoNoRefunds), "", 404},
		{"revoked", "GET", "/disputes", key(DemoRevoked), "", 401},
		{"oauth disputes view", "GET", "/disputes", oauth, "", 403},
		{"oauth disputes accept", "POST", "/disputes/dsp_x/accept", oauth, "", 404},
		{"previous raw", "GET", "/disputes", byName[DemoPrevious].SecretKey, "", 200},
		{"public tokens", "POST", "/tokens", key(DemoPublic), "", 422},
		{"public elsewhere", "GET", "/disputes", key(DemoPublic), "", 401},
		{"blocked refund", "POST", "/payments/pay_x/refunds", key(DemoRefundBlocked), `{"amount":1}`, 403},
		{"blocked capture", "POST", "/payments/pay_x/captures", key(DemoRefundBlocked), `{"amount":1}`, 404},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, do(t, s, tt.method, tt.path, tt.auth, tt.body).Status); diff != "" {
				t.Errorf("status (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("restrictions name catalog operations", func(t *testing.T) {
		t.Parallel()
		for _, r := range byName[DemoRefundBlocked].Restricted {
			method, path, _ := strings.Cut(r, " ")
			m, err := catalog.Default().Match(method, path)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(r, m.Operation.String()); diff != "" {
				t.Errorf("restriction (-want +got):\n%s", diff)
			}
		}
	})
}

// tokenOf gets an access token for c from s.
func tokenOf(tb testing.TB, s *Server, c Credential) string {
	tb.Helper()
	a := do(tb, s, "POST", "/connect/token", basic(c.ClientID, c.ClientSecret), "grant_type=client_credentials",
		"Content-Type", "application/x-www-form-urlencoded")
	m := regexp.MustCompile(`"access_token":"([^"]+)"`).FindStringSubmatch(a.Body)
	if m == nil {
		tb.Fatalf("token status %d: no access_token", a.Status)
	}
	return m[1]
}
