package egress

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestParseAnswer(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body string
		want       string // address, or "" for an error
		wantErr    string // substring of the error
	}{
		{name: "plain IPv4", body: "203.0.113.7", want: "203.0.113.7"},
		{name: "trailing newline", body: "203.0.113.7\n", want: "203.0.113.7"},
		{name: "surrounding white space", body: " \t203.0.113.7 \r\n", want: "203.0.113.7"},
		{name: "plain IPv6", body: "2001:db8::7\n", want: "2001:db8::7"},
		{name: "IPv4-mapped IPv6 is IPv4", body: "::ffff:203.0.113.7", want: "203.0.113.7"},
		{name: "JSON", body: `{"ip":"203.0.113.7"}`, want: "203.0.113.7"},
		{name: "JSON with spaces and other fields", body: " { \"country\": \"NL\", \"ip\": \"2001:db8::7\" }\n", want: "2001:db8::7"},
		{name: "empty", body: "", wantErr: "answer is empty"},
		{name: "blank", body: " \n", wantErr: "answer is empty"},
		{name: "HTML", body: "<html><body>hello</body></html>", wantErr: `answer of 31 bytes (markup: an HTML page, perhaps a captive portal or a proxy's error) is not an IP address`},
		{name: "JSON without ip", body: `{"address":"203.0.113.7"}`, wantErr: "is not an IP address"},
		{name: "JSON ip not a string", body: `{"ip":7}`, wantErr: "is not an IP address"},
		{name: "JSON ip garbage", body: `{"ip":"nope"}`, wantErr: "is not an IP address"},
		{name: "broken JSON", body: `{"ip":"203.0.113.7"`, wantErr: "is not an IP address"},
		{name: "two addresses", body: "203.0.113.7\n203.0.113.8\n", wantErr: "is not an IP address"},
		{name: "zone", body: "fe80::1%eth0", wantErr: "is not an IP address"},
		{name: "unspecified IPv4", body: "0.0.0.0", wantErr: "is not an IP address"},
		{name: "unspecified IPv6", body: "::", wantErr: "is not an IP address"},
		{name: "CIDR", body: "203.0.113.0/24", wantErr: "is not an IP address"},
		{name: "control bytes are not quoted", body: "\x1b[31mred", wantErr: `answer of 8 bytes (text) is not an IP address`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := ParseAnswer([]byte(tt.body))
			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("ParseAnswer(%q) = %v, want an error containing %q", tt.body, got, tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("ParseAnswer(%q) error = %q, want it to contain %q", tt.body, err, tt.wantErr)
				}
				if got.IsValid() {
					t.Errorf("ParseAnswer(%q) returned %v with an error, want the zero Addr", tt.body, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseAnswer(%q) error = %v", tt.body, err)
			}
			if diff := cmp.Diff(tt.want, got.String()); diff != "" {
				t.Errorf("ParseAnswer(%q) mismatch (-want +got):\n%s", tt.body, diff)
			}
		})
	}
}

func FuzzParseAnswer(f *testing.F) {
	for _, seed := range []string{
		"203.0.113.7", "203.0.113.7\n", "2001:db8::7", "::ffff:203.0.113.7",
		`{"ip":"203.0.113.7"}`, `{"ip": 7}`, `{"ip":"fe80::1%eth0"}`, "{", "",
		"<html>captive portal</html>", "0.0.0.0", "::", "\xff\xfe\x00",
		strings.Repeat("a", 300),
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		addr, err := ParseAnswer(body)
		if err != nil {
			if addr.IsValid() {
				t.Fatalf("ParseAnswer(%q) = %v with error %v, want the zero Addr", body, addr, err)
			}
			msg := err.Error()
			// The answer is quoted at most as a short prefix, so the message
			// stays short however long the answer is.
			if len(msg) > 200 {
				t.Fatalf("ParseAnswer(%q) error is %d bytes long: %q", body, len(msg), msg)
			}
			if !utf8.ValidString(msg) {
				t.Fatalf("ParseAnswer(%q) error is not valid UTF-8: %q", body, msg)
			}
			return
		}
		if !addr.IsValid() || addr.Zone() != "" || addr.Is4In6() || addr.IsUnspecified() {
			t.Fatalf("ParseAnswer(%q) = %v, want a valid, unzoned, unmapped, specified address", body, addr)
		}
	})
}
