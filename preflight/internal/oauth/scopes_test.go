package oauth

import (
	"encoding/base64"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
)

// jwtWithPayload joins a header, payload and signature around raw payload text.
func jwtWithPayload(payload string) string {
	enc := base64.RawURLEncoding
	return enc.EncodeToString([]byte(`{"alg":"none"}`)) + "." + enc.EncodeToString([]byte(payload)) + ".sig"
}

func TestScopesFromJWT(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		token   string
		want    []string
		wantErr string // substring; "" for success
	}{
		{name: "array", token: jwtWithPayload(`{"scope":["gateway","vault","gateway"]}`), want: []string{"gateway", "vault"}},
		{name: "string", token: jwtWithPayload(`{"scope":" gateway:payment\tvault  gateway:payment "}`), want: []string{"gateway:payment", "vault"}},
		{name: "array items holding several scopes", token: jwtWithPayload(`{"scope":["a b","c"]}`), want: []string{"a", "b", "c"}},
		{name: "padded payload", token: strings.Replace(jwtWithPayload(`{"scope":"x"}`), ".sig", "", 1) + "=.sig", want: []string{"x"}},
		{name: "empty array", token: jwtWithPayload(`{"scope":[]}`), want: []string{}},
		{name: "empty string", token: jwtWithPayload(`{"scope":""}`), want: []string{}},
		{name: "no claim", token: jwtWithPayload(`{"sub":"ack_x"}`), want: nil},
		{name: "null claim", token: jwtWithPayload(`{"scope":null}`), want: nil},
		{name: "empty signature (unsecured JWT)", token: strings.TrimSuffix(jwtWithPayload(`{"scope":"a"}`), "sig"), want: []string{"a"}},
		{name: "opaque token", token: "7c1b2e3f4a5d6e7f8a9b", wantErr: "has 1 dot-separated parts, want 3"},
		{name: "JWE (5 parts)", token: "a.b.c.d.e", wantErr: "has 5 dot-separated parts"},
		{name: "empty", token: "", wantErr: "has 1 dot-separated parts"},
		{name: "payload not base64url", token: "e30.!!!.sig", wantErr: "payload is not base64url"},
		{name: "payload not JSON", token: jwtWithPayload(`scope=gateway`), wantErr: "payload is not a JSON object"},
		{name: "payload JSON array", token: jwtWithPayload(`["scope"]`), wantErr: "payload is not a JSON object"},
		{name: "payload null", token: jwtWithPayload(`null`), wantErr: "payload is not a JSON object"},
		{name: "claim is a number", token: jwtWithPayload(`{"scope":42}`), wantErr: "neither a string nor an array of strings"},
		{name: "claim array of mixed", token: jwtWithPayload(`{"scope":["a",1]}`), wantErr: "neither a string nor an array of strings"},
		{name: "claim with a control character", token: jwtWithPayload(`{"scope":"gateway \u001b[31m"}`), wantErr: "(5 bytes)"},
		{name: "claim with a quote", token: jwtWithPayload(`{"scope":["a\"b"]}`), wantErr: "not spelt like a Checkout.com scope name (3 bytes)"},
		{name: "too long", token: strings.Repeat("a", maxJWTLength+1), wantErr: "at most 65536 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := ScopesFromJWT(tt.token)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("ScopesFromJWT error = %v, want one containing %q", err, tt.wantErr)
				}
				if got != nil {
					t.Errorf("ScopesFromJWT = %q with an error, want nil", got)
				}
				if len(tt.token) >= leakWindow {
					assertNoLeak(t, "error", err.Error(), tt.token)
				}
				return
			}
			if err != nil {
				t.Fatalf("ScopesFromJWT: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("scopes (-want +got):\n%s", diff)
			}
			if (got == nil) != (tt.want == nil) {
				t.Errorf("ScopesFromJWT = %#v, want nil-ness of %#v", got, tt.want)
			}
		})
	}
}

func FuzzScopesFromJWT(f *testing.F) {
	for _, seed := range []string{
		"",
		".",
		"..",
		"a.b.c",
		jwtWithPayload(`{"scope":["gateway","vault"]}`),
		jwtWithPayload(`{"scope":"gateway vault"}`),
		jwtWithPayload(`{"scope":null}`),
		jwtWithPayload(`{"scope":[1,2]}`),
		jwtWithPayload(`{"scope":"\u0000"}`),
		jwtWithPayload(`[]`),
		"eyJhbGciOiJub25lIn0.eyJzY29wZSI6WyJhIl19.",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, token string) {
		scopes, err := ScopesFromJWT(token)
		if err != nil {
			if scopes != nil {
				t.Fatalf("scopes %q returned with error %v", scopes, err)
			}
			return
		}
		seen := make(map[string]bool)
		for _, s := range scopes {
			if !catalog.ValidScopeName(s) {
				t.Fatalf("returned invalid scope %q", s)
			}
			if seen[s] {
				t.Fatalf("returned %q twice", s)
			}
			seen[s] = true
		}
		again, err := ScopesFromJWT(token)
		if err != nil || !cmp.Equal(scopes, again) {
			t.Fatalf("second call = %q, %v; want %q, nil", again, err, scopes)
		}
	})
}

func TestScopesFromExtra(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		in     any
		want   []string
		wantOK bool
	}{
		{"string", "a b a", []string{"a", "b"}, true},
		{"array", []any{"a", "b"}, []string{"a", "b"}, true},
		{"blank", "  ", nil, false},
		{"absent", nil, nil, false},
		{"number", float64(3), nil, false},
		{"array of numbers", []any{float64(1)}, nil, false},
		{"invalid", "a\x00", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, ok := scopesFromExtra(tt.in)
			if diff := cmp.Diff(tt.want, got); diff != "" || ok != tt.wantOK {
				t.Errorf("scopesFromExtra(%#v) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}
