package credential

import (
	"strings"
	"testing"
)

func TestPlausible(t *testing.T) {
	t.Parallel()
	tests := []struct {
		v    string
		want string // "" for plausible
	}{
		{"sk_sbox_m3ubmv6trmjy5dxv2fz6nkwq7ea", ""},
		{"eyJhbGciOiJIUzI1NiJ9.eyJzY29wZSI6ImdhdGV3YXkifQ.c2ln", ""},
		{"e", "1 bytes long"},
		{"abcdefghijklmno", "15 bytes long"},
		{strings.Repeat("ab", 20), "only 2 distinct"},
		{"abcdefgh ijklmnopq", "at byte 8"},
		{"abcdefghijklmnop\n", "at byte 16"},
		{strings.Repeat("x", MaxSecretLength+1), "8193 bytes long"},
	}
	for _, tt := range tests {
		err := Plausible(tt.v)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("Plausible(%.20q) = %v, want nil", tt.v, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("Plausible(%.20q) = %v, want an error containing %q", tt.v, err, tt.want)
		case err != nil && len(tt.v) >= 8 && strings.Contains(err.Error(), tt.v[:8]):
			t.Errorf("Plausible quotes the value: %v", err)
		}
	}
}
