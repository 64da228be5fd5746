package oauth

import (
	"encoding/base64"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRedact(t *testing.T) {
	t.Parallel()
	const secret = "s3cr3t-VALUE/with+chars=" // 24 bytes
	tests := []struct {
		name    string
		in      string
		secrets []string
		want    string
	}{
		{name: "no secrets", in: "hello " + secret, want: "hello " + secret},
		{name: "empty secret ignored", in: "hello", secrets: []string{""}, want: "hello"},
		{name: "empty input", in: "", secrets: []string{secret}, want: ""},
		{name: "full value", in: "key=" + secret + ";", secrets: []string{secret}, want: "key=[redacted];"},
		{name: "twice", in: secret + " and " + secret, secrets: []string{secret}, want: "[redacted] and [redacted]"},
		{name: "8-byte substring", in: "it was VALUE/wi, right", secrets: []string{secret}, want: "it was [redacted], right"},
		{name: "7-byte substring kept", in: "VALUE/w", secrets: []string{secret}, want: "VALUE/w"},
		{name: "query-escaped", in: "secret=" + url.QueryEscape(secret), secrets: []string{secret}, want: "secret=[redacted]"},
		{
			name:    "Basic header",
			in:      "Authorization: Basic " + base64.StdEncoding.EncodeToString([]byte("ack_id:"+url.QueryEscape(secret))),
			secrets: []string{"ack_id", secret},
			want:    "Authorization: Basic [redacted]",
		},
		{name: "short secret whole only", in: "abc abcd", secrets: []string{"abc"}, want: "[redacted] [redacted]d"},
		{name: "multi-byte rune not split", in: "é" + secret[:8] + "ü", secrets: []string{"é" + secret[:8] + "ü"}, want: "[redacted]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := Redact(tt.in, tt.secrets...); got != tt.want {
				t.Errorf("Redact(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestRedactBase64AnyAlignment(t *testing.T) {
	t.Parallel()
	const secret = "0123456789abcdefSECRET"
	for prefix := range 3 {
		for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
			blob := enc.EncodeToString([]byte(strings.Repeat("x", prefix) + secret + "tail"))
			got := Redact("data: "+blob, secret)
			if !strings.Contains(got, Redacted) {
				t.Errorf("prefix %d: Redact(%q) = %q, want the encoded secret redacted", prefix, blob, got)
			}
			// What is left of the blob decodes to no 8-byte part of the secret.
			assertNoLeak(t, "decoded remains", decodeRemains(got), secret)
		}
	}
}

// decodeRemains decodes, at each of the four possible alignments, every
// run of base64 characters in s and returns all that decodes.
func decodeRemains(s string) string {
	var out strings.Builder
	runs := strings.FieldsFunc(s, func(r rune) bool {
		return !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || strings.ContainsRune("+/-_", r))
	})
	for _, run := range runs {
		for shift := range 4 {
			if shift >= len(run) {
				break
			}
			part := run[shift:]
			part = part[:len(part)/4*4]
			part = strings.NewReplacer("-", "+", "_", "/").Replace(part)
			b, _ := base64.RawStdEncoding.DecodeString(part)
			out.Write(b)
			out.WriteByte(0)
		}
	}
	return out.String()
}

func FuzzRedact(f *testing.F) {
	f.Add("Authorization: Basic YWNrX2lkOnNlY3JldA==", "secret-value", "ack_id")
	f.Add("xxsecret-valuexx secret-valu", "secret-value", "")
	f.Add("é\xff\xfe", "\xffabcdefgh", "é")
	f.Fuzz(func(t *testing.T, s, secret1, secret2 string) {
		got := Redact(s, secret1, secret2)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("Redact(%q) = %q, not valid UTF-8", s, got)
		}
		for _, sec := range []string{secret1, secret2} {
			if len(sec) < minSecretSubstring || strings.ContainsAny(sec, "[]redact") {
				// A secret sharing bytes with "[redacted]" could reappear
				// across the replacement's edge.
				continue
			}
			for j := 0; j+minSecretSubstring <= len(sec); j++ {
				if strings.Contains(got, sec[j:j+minSecretSubstring]) {
					t.Fatalf("Redact(%q, %q) = %q still holds %q", s, sec, got, sec[j:j+minSecretSubstring])
				}
			}
		}
	})
}

func TestSanitize(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"line one\r\nline\ttwo\x00 \x1b[0m", 100, "line one line two [0m"},
		{"ab\u202ecd", 100, "ab cd"},
		{strings.Repeat("é", 10), 4, "éééé…"},
		{"\xff\xfebad", 100, "bad"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			t.Parallel()
			if got := sanitize(tt.in, tt.max); got != tt.want {
				t.Errorf("sanitize(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
			}
		})
	}
}
