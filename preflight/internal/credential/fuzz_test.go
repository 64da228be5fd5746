package credential

import (
	"fmt"
	"strings"
	"testing"
)

func FuzzParseSecretKey(f *testing.F) {
	for _, seed := range []string{sboxSecret, prodSecret, sboxPublic, prevSecret, clientID, "", " \n", sboxSecret + "\n", "sk_sbox_", "sk_test_\x00", "\xff\xfe"} {
		f.Add(seed, "auto")
	}
	f.Add(sboxSecret, "production")
	f.Fuzz(func(t *testing.T, raw, env string) {
		c, err := ParseSecretKey("secret-key", raw, env)
		out := fmt.Sprint(c) + fmt.Sprintf("%#v", c) + strings.Join(c.Warnings, "")
		if err != nil {
			out += err.Error()
		}
		// The environment setting is not secret and may be quoted back.
		if env != "" {
			out = strings.ReplaceAll(out, fmt.Sprintf("%q", env), "")
		}
		assertNoSubstring(t, raw, out)
	})
}

func FuzzParseOAuth(f *testing.F) {
	f.Add(clientID, clientSecrt, "auto")
	f.Add(sboxSecret, clientSecrt, "sandbox")
	f.Add(clientID, "", "")
	f.Fuzz(func(t *testing.T, id, secret, env string) {
		c, err := ParseOAuth(id, secret, env)
		out := fmt.Sprint(c) + fmt.Sprintf("%#v", c) + strings.Join(c.Warnings, "")
		if err != nil {
			out += err.Error()
		}
		if env != "" {
			out = strings.ReplaceAll(out, fmt.Sprintf("%q", env), "")
		}
		assertNoSubstring(t, secret, out)
	})
}

// assertNoSubstring fails when out contains any 8-character run of secret
// that is not one of the public key prefixes or a word of our own messages.
func assertNoSubstring(t *testing.T, secret, out string) {
	t.Helper()
	s := strings.TrimSpace(secret)
	s = strings.TrimPrefix(s, prefixOf(s))
	if len(s) > 256 {
		s = s[:256]
	}
	for i := 0; i+8 <= len(s); i++ {
		part := s[i : i+8]
		if strings.Contains(out, part) && !strings.Contains(messageText, part) {
			t.Fatalf("output contains %q, part of the secret: %s", part, out)
		}
	}
}

// messageText is what our own messages may say, so that a fuzzed secret
// that happens to spell one of our words is not taken for a leak.
var messageText = func() string {
	var b strings.Builder
	for _, raw := range []string{"", "x", sboxPublic, clientID, strings.Repeat("x", maxLen+1), "a b"} {
		for _, env := range []string{"auto", "production", "x"} {
			if _, err := ParseSecretKey("secret-key", raw, env); err != nil {
				b.WriteString(err.Error())
			}
		}
	}
	for _, s := range shapes() {
		b.WriteString(s.example)
	}
	b.WriteString("credential.Credential{ unknown credential environment unknown secret key OAuth access key previous-platform")
	return b.String()
}()
