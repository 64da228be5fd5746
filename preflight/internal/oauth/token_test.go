package oauth

import (
	"fmt"
	"testing"
	"time"
)

func TestTokenString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		tok  Token
		want string
	}{
		{
			name: "full",
			tok:  NewToken("access-token-value", []string{"gateway", "vault"}, ScopeSourceResponse, time.Date(2025, 1, 2, 4, 4, 5, 0, time.UTC)),
			want: `oauth.Token{AccessToken:[redacted], Scopes:["gateway" "vault"], ScopeSource:"response", Expiry:2025-01-02T04:04:05Z}`,
		},
		{
			name: "zero",
			tok:  Token{},
			want: `oauth.Token{AccessToken:"", Scopes:nil, ScopeSource:"", Expiry:unknown}`,
		},
		{
			name: "no scopes granted",
			tok:  NewToken("x", []string{}, ScopeSourceJWT, time.Time{}),
			want: `oauth.Token{AccessToken:[redacted], Scopes:[], ScopeSource:"jwt", Expiry:unknown}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
				if got := fmt.Sprintf(verb, tt.tok); got != tt.want {
					t.Errorf("Sprintf(%q) = %q, want %q", verb, got, tt.want)
				}
			}
			if got, want := fmt.Sprintf("%q", tt.tok), fmt.Sprintf("%q", tt.want); got != want {
				t.Errorf("Sprintf(%%q) = %s, want %s", got, want)
			}
		})
	}
}

func TestNewTokenCopiesScopes(t *testing.T) {
	t.Parallel()
	scopes := []string{"a"}
	tok := NewToken("x", scopes, ScopeSourceJWT, time.Time{})
	scopes[0] = "b"
	if tok.Scopes[0] != "a" || tok.AccessToken() != "x" {
		t.Errorf("NewToken shares its input: %v", tok)
	}
}
