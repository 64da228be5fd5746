package redact

import (
	"encoding/base64"
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const (
	testKey    = "sk_sbox_m3ubmv6trmjy5dxv2fz6nkwq7ea"
	testSecret = "tfcs-4b1e7e0b93a2c7d1e5f60a8b2c3d4e5f"
	testClient = "ack_testfakeclientfullaccessab"
)

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b[1 : len(b)-1])
}

func TestString(t *testing.T) {
	t.Parallel()
	r := New(jsonString, func(s string) string { return strings.ReplaceAll(s, "_", `\_`) })
	for _, s := range []string{testKey, testSecret, testClient, `pa"ss<wo>rd&&more`, "tiny"} {
		r.Add(s)
	}
	basic := base64.StdEncoding.EncodeToString([]byte(testClient + ":" + testSecret))
	tests := []struct {
		name, in, want string
	}{
		{"no secret", "nothing to see here, sk_sbox_…k7q2", "nothing to see here, sk_sbox_…k7q2"},
		{"whole key", "key " + testKey + " used", "key sk_sbox_" + Placeholder + " used"},
		{"piece of a key", "got m3ubmv6t only", "got " + Placeholder + " only"},
		{"seven bytes are not a piece", "got m3ubmv6 only", "got m3ubmv6 only"},
		{"public prefix kept", "sk_sbox_ and ack_ alone", "sk_sbox_ and ack_ alone"},
		{"fingerprint kept", "sk_sbox_…7ea is fine", "sk_sbox_…7ea is fine"},
		{"client secret", "secret=" + testSecret, "secret=" + Placeholder},
		{"url-encoded", "q=" + url.QueryEscape(`pa"ss<wo>rd&&more`), "q=" + Placeholder},
		{"json-escaped", `"` + jsonString(`pa"ss<wo>rd&&more`) + `"`, `"` + Placeholder + `"`},
		{"escaper form", "md " + strings.ReplaceAll(testKey, "_", `\_`), "md sk\\_sbox\\_" + Placeholder},
		// Only the characters that depend on the secret's bytes alone are
		// its: "YWNrX3Rl" is "ack_te", the public prefix and two bytes.
		{"base64", "Basic " + basic, "Basic YWNrX3Rl" + Placeholder + "OnRm" + Placeholder + "NWY="},
		{"base64 url alphabet", base64.RawURLEncoding.EncodeToString([]byte("x" + testSecret)), "eHRm" + Placeholder + "NWY"},
		{"short secrets are not matched", "tiny tiny", "tiny tiny"},
		{"whole runes", "é" + testSecret[:8] + "é", "é" + Placeholder + "é"},
		{"two secrets merge", testSecret + testClient[4:], Placeholder},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, r.String(tt.in)); diff != "" {
				t.Errorf("String(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestBase64AtEveryOffset(t *testing.T) {
	t.Parallel()
	r := New()
	r.Add(testSecret)
	for pad := range 6 {
		for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding} {
			in := enc.EncodeToString([]byte(strings.Repeat("u", pad) + "user:" + testSecret + ":tail"))
			out := r.String(in)
			if !strings.Contains(out, Placeholder) {
				t.Errorf("pad %d: %q not redacted", pad, in)
			}
			assertNoPiece(t, out, testSecret)
		}
	}
}

func TestAddURLAndEmpty(t *testing.T) {
	t.Parallel()
	r := New()
	if !r.Empty() {
		t.Fatal("new Redactor is not empty")
	}
	r.AddURL("http://proxyuser:hunter2hunter2@proxy:3128")
	r.AddURL("::not a url")
	r.AddURL("https://example.com/no-user")
	if r.Empty() {
		t.Fatal("password not recorded")
	}
	if got := r.String("Proxy-Authorization: hunter2hunter2"); got != "Proxy-Authorization: "+Placeholder {
		t.Errorf("got %q", got)
	}
	if got := r.String("user proxyuser"); got != "user "+Placeholder {
		t.Errorf("user name not redacted: %q", got)
	}
}

func TestAddIsIdempotentAndBounded(t *testing.T) {
	t.Parallel()
	r := New()
	r.Add(testKey)
	n := len(r.windows)
	r.Add(" " + testKey + "\n")
	if len(r.windows) != n {
		t.Errorf("adding the same key twice grew the windows from %d to %d", n, len(r.windows))
	}
	huge := strings.Repeat("abcdefghij", MaxSecret)
	r.Add(huge)
	if got := r.String(huge[:100]); strings.Contains(got, "abcdefgh") {
		t.Errorf("start of a huge secret not redacted: %q", got[:40])
	}
	if got := r.Bytes([]byte("plain")); string(got) != "plain" {
		t.Errorf("Bytes changed plain text: %q", got)
	}
}

// assertNoPiece fails when out holds any Window-byte piece of secret.
func assertNoPiece(tb testing.TB, out, secret string) {
	tb.Helper()
	for i := len(publicPrefix(secret)); i+Window <= len(secret); i++ {
		if strings.Contains(out, secret[i:i+Window]) {
			tb.Fatalf("output %q holds %q, a piece of the secret", out, secret[i:i+Window])
		}
	}
}

// BenchmarkRedactReport redacts a report-sized text (32 KiB of JSON that
// holds no secret, the usual case) with a run's secrets recorded: a key,
// an access token and a client secret.
func BenchmarkRedactReport(b *testing.B) {
	r := New()
	r.Add("sk_sbox_" + strings.Repeat("m3", 13) + "q")
	r.Add("eyJhbGciOiJSUzI1NiJ9." + strings.Repeat("eyJzY29wZSI6ImdhdGV3YXkifQ", 20) + ".sig")
	r.Add("client-secret-" + strings.Repeat("x9", 10))
	var text strings.Builder
	for text.Len() < 32<<10 {
		text.WriteString(`{"name":"payments.refund","status":"pass","endpoint":"POST /payments/{id}/refunds","scope":"gateway:payment-refunds"},` + "\n")
	}
	s := text.String()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		if r.String(s) != s {
			b.Fatal("redacted a text without secrets")
		}
	}
}
