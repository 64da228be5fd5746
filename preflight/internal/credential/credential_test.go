package credential

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Fake values with the documented shapes; none is a real key.
const (
	sboxSecret  = "sk_sbox_m73dzbpy7cf3gfd46xr4yj5xo4e"
	prodSecret  = "sk_m73dzbpy7cf3gfd46xr4yj5xo4e"
	sboxPublic  = "pk_sbox_xg66bnn6tpspd6pt3psc7otrqa="
	prevSecret  = "sk_test_fde517a8-3f01-41ef-b4bd-4282384b0a64"
	prevProd    = "sk_fde517a8-3f01-41ef-b4bd-4282384b0a64"
	prevPublic  = "pk_test_fe70ff27-7c32-4ce3-ae90-81691a15fb7e"
	clientID    = "ack_vvzhoai466su3j3vbxb47ts5oe"
	clientSecrt = "Pmg3OXz7Le4kXqZ2Hw1vS8bN0yT6uR5c"
)

func TestClassify(t *testing.T) {
	t.Parallel()
	type result struct {
		Kind Kind
		Env  Environment
	}
	tests := []struct {
		in   string
		want result
	}{
		{sboxSecret, result{KindSecretKey, Sandbox}},
		{prodSecret, result{KindSecretKey, Production}},
		{"sk_sbox_m73dzbpy7cf3gfd46xr4yj5xo4*", result{KindSecretKey, Sandbox}},
		{sboxPublic, result{KindPublicKey, Sandbox}},
		{"pk_xg66bnn6tpspd6pt3psc7otrqa=", result{KindPublicKey, Production}},
		{prevSecret, result{KindPreviousSecretKey, Sandbox}},
		{prevProd, result{KindPreviousSecretKey, Production}},
		{prevPublic, result{KindPreviousPublicKey, Sandbox}},
		{clientID, result{KindOAuth, ""}},
		{"sk_sbox_M73DZBPY7CF3GFD46XR4YJ5XO4E", result{KindUnknown, ""}},
		{"sk_sbox_m73dzbpy7cf3gfd46xr4yj5xo4", result{KindUnknown, ""}},
		{"sk_sbox_m73dzbpy7cf3gfd46xr4yj5xo4e1", result{KindUnknown, ""}},
		{"ack_vvzhoai466su3j3vbxb47ts5o", result{KindUnknown, ""}},
		{"", result{KindUnknown, ""}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			k, e := Classify(tt.in)
			if diff := cmp.Diff(tt.want, result{k, e}); diff != "" {
				t.Errorf("Classify(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestParseSecretKey(t *testing.T) {
	t.Parallel()
	type result struct {
		Kind        Kind
		Env         Environment
		Fingerprint string
		Auth        string
		Warnings    int
		Err         string
		Mismatch    bool
	}
	tests := []struct {
		name     string
		raw, env string
		want     result
	}{
		{"current sandbox", sboxSecret, "auto", result{Kind: KindSecretKey, Env: Sandbox, Fingerprint: "sk_sbox_…xo4e", Auth: "Bearer " + sboxSecret}},
		{"current production", prodSecret, "", result{Kind: KindSecretKey, Env: Production, Fingerprint: "sk_…xo4e", Auth: "Bearer " + prodSecret}},
		{"explicit matching env", sboxSecret, "sandbox", result{Kind: KindSecretKey, Env: Sandbox, Fingerprint: "sk_sbox_…xo4e", Auth: "Bearer " + sboxSecret}},
		{"previous sandbox sent raw", prevSecret, "auto", result{Kind: KindPreviousSecretKey, Env: Sandbox, Fingerprint: "sk_test_…0a64", Auth: prevSecret}},
		{"previous production", prevProd, "production", result{Kind: KindPreviousSecretKey, Env: Production, Fingerprint: "sk_…0a64", Auth: prevProd}},
		{"trailing newline trimmed", sboxSecret + "\n", "auto", result{Kind: KindSecretKey, Env: Sandbox, Fingerprint: "sk_sbox_…xo4e", Auth: "Bearer " + sboxSecret, Warnings: 1}},
		{"surrounding spaces trimmed", "  " + sboxSecret + "\t", "auto", result{Kind: KindSecretKey, Env: Sandbox, Fingerprint: "sk_sbox_…xo4e", Auth: "Bearer " + sboxSecret, Warnings: 1}},
		{"env mismatch", sboxSecret, "production", result{Err: `environment: "production" contradicts the secret-key, which is a sandbox key (sk_sbox_…xo4e); set environment to "sandbox" or "auto", or use a production key`, Mismatch: true}},
		{"previous env mismatch", prevProd, "sandbox", result{Err: `environment: "sandbox" contradicts the secret-key, which is a production key (sk_…0a64); set environment to "production" or "auto", or use a sandbox key`, Mismatch: true}},
		{"unknown env", sboxSecret, "staging", result{Err: `environment: unknown environment "staging"; use "auto", "sandbox" or "production"`}},
		{"public key", sboxPublic, "auto", result{Err: "secret-key: the value is a public key (pk_sbox_…), which cannot call server-side endpoints; store the secret key (sk_…) from the same Dashboard key pair in this secret"}},
		{"previous public key", prevPublic, "auto", result{Err: "secret-key: the value is a previous-platform public key (pk_test_…), which cannot call server-side endpoints; store the secret key (sk_…) from the same Dashboard key pair in this secret"}},
		{"client id", clientID, "auto", result{Err: "secret-key: the value is an OAuth client id (ack_…), not a secret key; pass it as client-id together with client-secret"}},
		{"empty", "", "auto", result{Err: "secret-key: the value is empty; set it from a repository or environment secret"}},
		{"whitespace only", " \n\t", "auto", result{Err: "secret-key: the value is empty; set it from a repository or environment secret"}},
		{"unrecognised with prefix", "sk_sbox_tooshort123", "auto", result{Err: `secret-key: unrecognised format (19 characters, starting "sk_sbox_"); expected sk_sbox_… or sk_… followed by 27 base32 characters, or sk_test_<uuid> or sk_<uuid> (previous platform); copy the key again from the Dashboard`}},
		{"unrecognised", "hunter2hunter2", "auto", result{Err: `secret-key: unrecognised format (14 characters); expected sk_sbox_… or sk_… followed by 27 base32 characters, or sk_test_<uuid> or sk_<uuid> (previous platform); copy the key again from the Dashboard`}},
		{"inner space", "sk_sbox_m73dzbpy7cf3 gfd46xr4yj5xo4e", "auto", result{Err: "secret-key: the value contains spaces, control characters or invalid UTF-8, which no Checkout.com credential has; copy the key again from the Dashboard and store it on its own"}},
		{"control character", "sk_sbox_m73dzbpy7cf3\x00gfd46xr4yj5xo4e", "auto", result{Err: "secret-key: the value contains spaces, control characters or invalid UTF-8, which no Checkout.com credential has; copy the key again from the Dashboard and store it on its own"}},
		{"invalid utf-8", "sk_sbox_m73dzbpy7cf3\xffgfd46xr4yj5xo4e", "auto", result{Err: "secret-key: the value contains spaces, control characters or invalid UTF-8, which no Checkout.com credential has; copy the key again from the Dashboard and store it on its own"}},
		{"10 MB", strings.Repeat("a", 10<<20), "auto", result{Err: "secret-key: the value is 10485760 bytes long, far longer than any Checkout.com credential; check that the secret holds only the key"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, err := ParseSecretKey("secret-key", tt.raw, tt.env)
			var got result
			if err != nil {
				got.Err = err.Error()
				var ce *Error
				if !errors.As(err, &ce) {
					t.Fatalf("error %T is not a *credential.Error", err)
				}
				got.Mismatch = ce.Mismatch
			} else {
				got = result{Kind: c.Kind, Env: c.Environment, Fingerprint: c.Fingerprint(), Auth: c.AuthorizationHeader(), Warnings: len(c.Warnings)}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseSecretKey mismatch (-want +got):\n%s", diff)
			}
			assertNoLeak(t, tt.raw, got.Err, got.Fingerprint, fmt.Sprint(c), fmt.Sprintf("%#v", c), fmt.Sprintf("%+v", c), strings.Join(c.Warnings, "\n"))
		})
	}
}

func TestParseOAuth(t *testing.T) {
	t.Parallel()
	type result struct {
		Env         Environment
		Fingerprint string
		Warnings    int
		Err         string
	}
	tests := []struct {
		name            string
		id, secret, env string
		want            result
	}{
		{"auto leaves env unknown", clientID, clientSecrt, "auto", result{Fingerprint: "ack_…s5oe"}},
		{"explicit env", clientID, clientSecrt, "production", result{Env: Production, Fingerprint: "ack_…s5oe"}},
		{"trailing newline on secret", clientID, clientSecrt + "\r\n", "sandbox", result{Env: Sandbox, Fingerprint: "ack_…s5oe", Warnings: 1}},
		{"secret key as client id", sboxSecret, clientSecrt, "auto", result{Err: "client-id: the value is a secret key, not an OAuth client id; pass it as secret-key instead"}},
		{"garbage client id", "not-a-client-id-value", clientSecrt, "auto", result{Err: "client-id: the value is not an OAuth client id (ack_ followed by 26 base32 characters); copy the access key id from the Dashboard (Developers > Keys)"}},
		{"missing secret", clientID, "", "auto", result{Err: "client-secret: the value is empty; set it from a repository or environment secret"}},
		{"secret key as client secret", clientID, sboxSecret, "auto", result{Err: "client-secret: the value is a secret key, not an OAuth client secret; store the client secret shown when the access key was created in the Dashboard"}},
		{"bad env", clientID, clientSecrt, "prod", result{Err: `environment: unknown environment "prod"; use "auto", "sandbox" or "production"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, err := ParseOAuth(tt.id, tt.secret, tt.env)
			var got result
			if err != nil {
				got.Err = err.Error()
			} else {
				got = result{Env: c.Environment, Fingerprint: c.Fingerprint(), Warnings: len(c.Warnings)}
				if c.AuthorizationHeader() != "" {
					t.Errorf("OAuth credential has an Authorization header")
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseOAuth mismatch (-want +got):\n%s", diff)
			}
			assertNoLeak(t, tt.secret, got.Err, got.Fingerprint, fmt.Sprint(c), fmt.Sprintf("%#v", c))
		})
	}
}

// assertNoLeak fails when any text holds five or more consecutive
// characters of secret beyond its public prefix: a fingerprint may show
// the last four and nothing else.
func assertNoLeak(t testing.TB, secret string, texts ...string) {
	t.Helper()
	s := strings.TrimSpace(secret)
	s = strings.TrimPrefix(s, prefixOf(s))
	if len(s) > 1<<12 {
		s = s[:1<<12]
	}
	for i := 0; i+5 <= len(s); i++ {
		part := s[i : i+5]
		for _, text := range texts {
			if strings.Contains(text, part) {
				t.Errorf("output %q contains %q, part of the secret", text, part)
				return
			}
		}
	}
}

func TestParsePublicKey(t *testing.T) {
	t.Parallel()
	tests := []struct {
		raw, env string
		kind     Kind
		envOut   Environment
		wantErr  string
	}{
		{"pk_sbox_m3ubmv6trmjy5dxv2fz6nkwq7ea", "auto", KindPublicKey, Sandbox, ""},
		{"pk_m3ubmv6trmjy5dxv2fz6nkwq7ea", "production", KindPublicKey, Production, ""},
		{"pk_test_0b5e1a7e-fa4e-4e5f-8a4e-00000000beef", "", KindPreviousPublicKey, Sandbox, ""},
		{"pk_sbox_m3ubmv6trmjy5dxv2fz6nkwq7ea", "production", "", "", "contradicts"},
		{"sk_sbox_m3ubmv6trmjy5dxv2fz6nkwq7ea", "auto", "", "", "not a public key"},
		{"nope", "auto", "", "", "unrecognised format (4 characters)"},
	}
	for _, tt := range tests {
		c, err := ParsePublicKey("public-key", tt.raw, tt.env)
		switch {
		case tt.wantErr == "" && (err != nil || c.Kind != tt.kind || c.Environment != tt.envOut):
			t.Errorf("ParsePublicKey(%q) = %v %v, %v", tt.raw, c.Kind, c.Environment, err)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("ParsePublicKey(%q) error %v, want %q", tt.raw, err, tt.wantErr)
		}
		if err != nil && strings.Contains(err.Error(), "m3ubmv6t") {
			t.Errorf("the error quotes the key: %v", err)
		}
	}
	if c, _ := ParsePublicKey("public-key", "pk_sbox_m3ubmv6trmjy5dxv2fz6nkwq7ea", "auto"); c.AuthorizationHeader() != "Bearer pk_sbox_m3ubmv6trmjy5dxv2fz6nkwq7ea" {
		t.Errorf("header %q", c.AuthorizationHeader())
	}
}

func TestParseOAuthRefusesAShortSecret(t *testing.T) {
	t.Parallel()
	_, err := ParseOAuth("ack_testfakeclientfullaccessab", "e", "sandbox")
	if err == nil || !strings.Contains(err.Error(), "cannot be an OAuth client secret: it is 1 bytes long") {
		t.Errorf("err = %v", err)
	}
}
