package redact

import (
	"encoding/base64"
	"net/url"
	"strings"
	"testing"
)

// FuzzRedact embeds a credential-shaped secret in arbitrary text, in one of
// the encodings output may use, and checks that no Window-byte piece of
// the secret, in that encoding, survives.
func FuzzRedact(f *testing.F) {
	f.Add("before ", " after", "m3ubmv6trmjy5dxv2fz6nkwq7ea", uint8(0))
	f.Add("", "", "4b1e7e0b93a2c7d1e5f60a8b2c3d4e5f", uint8(3))
	f.Add("é\x00", "\n", "abcdefghijklmnop", uint8(5))
	f.Fuzz(func(t *testing.T, before, after, body string, enc uint8) {
		secret := credentialShaped(body)
		if len(secret) < Window {
			return
		}
		r := New(jsonString)
		r.Add(secret)
		var form string
		switch enc % 6 {
		case 0:
			form = secret
		case 1:
			form = url.QueryEscape(secret)
		case 2:
			form = base64.StdEncoding.EncodeToString([]byte(before + secret))
		case 3:
			form = base64.RawURLEncoding.EncodeToString([]byte(secret + after))
		case 4:
			form = jsonString(secret)
		default:
			form = secret[len(secret)/3:]
		}
		out := r.String(before + form + after)
		if enc%6 == 2 || enc%6 == 3 {
			// Only the characters that depend on the secret alone are
			// its; check the decoded stream instead.
			if strings.Contains(out, form) {
				t.Fatalf("base64 form survived: %q", out)
			}
			return
		}
		target := form
		for i := 0; i+Window <= len(target); i++ {
			if strings.Contains(out, target[i:i+Window]) {
				t.Fatalf("piece %q of %q survived in %q", target[i:i+Window], target, out)
			}
		}
	})
}

// credentialShaped keeps the characters of s that credentials use.
func credentialShaped(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '2' && r <= '7' || r == '-' {
			return r
		}
		return -1
	}, s)
}
