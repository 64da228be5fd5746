package oauth

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestTokenPrintsNoSecret(t *testing.T) {
	t.Parallel()
	const access = "access-token-value-7f3k9q2m"
	tok := Token{Scopes: []string{"gateway"}, ScopeSource: ScopeSourceJWT, Expiry: time.Date(2025, 1, 2, 4, 4, 5, 0, time.UTC), access: func() string { return access }}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x"} {
		for _, v := range []any{tok, &tok, struct{ T Token }{tok}} {
			if got := fmt.Sprintf(verb, v); strings.Contains(got, access) || strings.Contains(got, fmt.Sprintf("%x", access)) {
				t.Errorf("Sprintf(%q) = %q shows the access token", verb, got)
			}
		}
	}
	if tok.AccessToken() != access || (Token{}).AccessToken() != "" {
		t.Error("AccessToken does not return the token")
	}
}
