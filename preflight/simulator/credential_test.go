package simulator

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestClassifyKey(t *testing.T) {
	t.Parallel()
	tests := []struct {
		key  string
		want string
	}{
		{"sk_sbox_m2ahq3xkvtd7ygc4pwrj5lbn6eq", "current-platform secret key"},
		{"sk_m2ahq3xkvtd7ygc4pwrj5lbn6eq", "current-platform secret key"},
		{"pk_sbox_m2ahq3xkvtd7ygc4pwrj5lbn6eq", "current-platform public key"},
		{"pk_m2ahq3xkvtd7ygc4pwrj5lbn6eq", "current-platform public key"},
		{"sk_test_0e4b6a3e-2c5d-4f6a-9b8c-7d6e5f4a3b2c", "previous-platform secret key"},
		{"sk_0E4B6A3E-2C5D-4F6A-9B8C-7D6E5F4A3B2C", "previous-platform secret key"},
		{"pk_test_0e4b6a3e-2c5d-4f6a-9b8c-7d6e5f4a3b2c", "previous-platform public key"},
		{"pk_0e4b6a3e-2c5d-4f6a-9b8c-7d6e5f4a3b2c", "previous-platform public key"},
		{"sk_test_0e4b6a3e-2c5d-4f6a-9b8c-7d6e5f4a3b2", "current-platform secret key"},
		{"sk_test_0e4b6a3e_2c5d-4f6a-9b8c-7d6e5f4a3b2c", "current-platform secret key"},
		{"sk_test_0e4b6a3e-2c5d-4f6a-9b8c-7d6e5f4a3b2g", "current-platform secret key"},
		{"anything", "current-platform secret key"},
	}
	for _, tt := range tests {
		if got := classifyKey(tt.key).String(); got != tt.want {
			t.Errorf("classifyKey(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
}

func TestCredentialString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		c    Credential
		want string
	}{
		{Credential{Name: "ci", SecretKey: keyFull, ClientID: clientOK, ClientSecret: secretOK},
			`simulator credential "ci" (current-platform secret key, OAuth client)`},
		{Credential{Name: "old", SecretKey: keyPrevious, Revoked: true},
			`simulator credential "old" (previous-platform secret key, revoked)`},
		{Credential{}, `simulator credential "" (empty)`},
	}
	for _, tt := range tests {
		for _, format := range []string{"%v", "%+v", "%#v", "%s"} {
			got := fmt.Sprintf(format, tt.c)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Sprintf(%q) (-want +got):\n%s", format, diff)
			}
			assertNoSecret(t, got, secrets()...)
		}
	}
}

func TestRestricted(t *testing.T) {
	t.Parallel()
	c := Credential{Restricted: []string{"post /payments/{id}/refunds", " GET /payments "}}
	tests := []struct {
		route string
		want  bool
	}{
		{"POST /payments/{id}/refunds", true},
		{"GET /payments", true},
		{"POST /payments", false},
		{"POST /payments/{paymentId}/refunds", false},
	}
	for _, tt := range tests {
		if got := c.restricted(tt.route); got != tt.want {
			t.Errorf("restricted(%q) = %v, want %v", tt.route, got, tt.want)
		}
	}
}
