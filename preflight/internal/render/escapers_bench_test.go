package render

import (
	"strings"
	"testing"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/redact"
)

// BenchmarkMaskToken records an access token of a typical size (a JWT of
// about 830 bytes) in a redactor with this package's escapers, as the
// program does with each token before its requests go out.
func BenchmarkMaskToken(b *testing.B) {
	tok := "eyJhbGciOiJSUzI1NiIsImtpZCI6Im5ldGJlbmNoIn0." + strings.Repeat("eyJzY29wZSI6ImdhdGV3YXkgdmF1bHQifQ", 20) + "." + strings.Repeat("c2lnX3Nh-_", 12)
	for b.Loop() {
		redact.New(Escapers()...).Add(tok)
	}
}
