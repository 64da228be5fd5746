package config

import (
	"strings"
	"testing"
)

// TestSecretsNeverQuoted pastes keys and client secrets where variable
// names belong and checks that no 8-character piece of them reaches a
// message.
func TestSecretsNeverQuoted(t *testing.T) {
	t.Parallel()
	secrets := []string{
		"sk_sbox_m73dzbpy7cf3gfd46xr4yj5xo4e",                  // current secret key
		"sk_test_0b9b5db6-f223-49d0-b68f-f6643dd4f808",         // previous-platform key (not a valid name)
		"pk_sbox_e5v4rg3vh3dtfw5bgqaskvdbbyp",                  // public key
		"Vq2lHm9pX7rT4kW8nB3cJ6fD1sZ0aY5e",                     // client secret shaped like a name
		"aB3+dE6/gH9=kL2mN5pQ8rS1tU4vW7xY0z",                   // base64 client secret
		"a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0u1V2w3X4y5Z6", // long random
	}
	for _, key := range []string{"secret-key-env", "client-id-env", "client-secret-env"} {
		for _, secret := range secrets {
			t.Run(key+"/"+secret[:4], func(t *testing.T) {
				t.Parallel()
				data := "version: 1\ncredentials:\n  - name: leaky\n    " + key + ": " + secret + "\n"
				_, err := Parse("c.yml", []byte(data))
				if err == nil {
					t.Fatalf("Parse accepted a secret as %s", key)
				}
				assertNoSecret(t, err.Error(), secret)
			})
		}
	}
}

// assertNoSecret fails if any 8-character substring of secret is in text.
func assertNoSecret(tb testing.TB, text, secret string) {
	tb.Helper()
	for i := 0; i+8 <= len(secret); i++ {
		if piece := secret[i : i+8]; strings.Contains(text, piece) {
			tb.Fatalf("message contains %q, a piece of the secret:\n%s", piece, text)
		}
	}
}

func TestEnvNamesThatAreNotSecrets(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"CKO_SECRET_KEY", "CKO_PAYMENTS_SECRET_KEY_SANDBOX_2024", "_X", "ckoKey", "PK_PRIVATE_NAME", "Checkout_Secret_Key_2"} {
		data := "version: 1\ncredentials:\n  - name: ok\n    secret-key-env: " + name + "\n"
		if _, err := Parse("c.yml", []byte(data)); err != nil {
			t.Errorf("Parse rejected variable name %q: %v", name, err)
		}
	}
}
