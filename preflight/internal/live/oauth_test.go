//go:build live

package live

import (
	"fmt"
	"testing"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/oauth"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/plan"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/recorded"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/spec"
)

// TestOAuthScopes probes GET /payments/{id} with a token carrying the
// scope it needs, a token carrying only the plan's scope control (a scope
// of another family), and the control token: only the first may be let
// through.
func TestOAuthScopes(t *testing.T) {
	v := need(t, envClientID, envClientSecret)
	s := newSuite(t, v[1])
	c := s.plan(spec.Credential{Name: "oauth", ClientID: v[0], ClientSecret: v[1], Endpoints: endpoints(t, "GET /payments/{id}")})
	urls := s.urls(c)
	tgt := c.Targets[0]
	if c.ControlScope == "" {
		s.fatalf("the plan has no scope control for %s", tgt.Op)
	}
	cfg := oauth.Config{TokenURL: urls.Token, HTTPClient: s.http, Mask: s.red.Add}
	granted := s.token(cfg, c, c.Required)
	other := s.token(cfg, c, []string{c.ControlScope})
	if catalog.Satisfies(other.Scopes, tgt.Op.Scopes()) {
		s.fatalf("the token for %q carries %q, which grants %s; it cannot be its scope control", c.ControlScope, other.Scopes, tgt.Op)
	}
	real := s.send(urls, fmt.Sprintf("a token of %q", granted.Scopes), "Bearer "+granted.AccessToken(), tgt)
	wrong := s.send(urls, fmt.Sprintf("a token of %q", other.Scopes), "Bearer "+other.AccessToken(), tgt)
	control := s.send(urls, "the control token", c.Control, tgt)
	pair := s.record("oauth", recorded.CredentialOAuth, "", tgt, real)
	s.record("oauth-other-scope", recorded.CredentialOAuthOtherScope, pair, tgt, wrong)
	s.record("oauth-control", recorded.CredentialControl, pair, tgt, control)
	s.wantAccepted(tgt, real)
	s.wantRefused(tgt, wrong)
	s.wantControlRefused(tgt, control)
}

// token exchanges c for a token carrying scopes; it is masked (added to
// the redactor) before anything else sees it.
func (s *suite) token(cfg oauth.Config, c plan.Credential, scopes []string) oauth.Token {
	s.t.Helper()
	tok, err := cfg.Exchange(s.ctx, c.Cred.ClientID(), c.Cred.Secret(), scopes)
	if err != nil {
		s.fatalf("no token for %q from %s (the access key must be allowed it): %v", scopes, cfg.TokenURL, err)
	}
	s.logf("token for %q: granted %q (from the %s)", scopes, tok.Scopes, tok.ScopeSource)
	return tok
}

// TestOAuthUnscopedToken checks what the invalid_scope shortcut relies on
// (verify.resolveAndProbe): a token asked for with no scope lists, in its
// response or its JWT, scopes the access key holds — each is issued when
// asked for on its own — including the ones CKO_LIVE_CLIENT_ID must be
// allowed. Should it list nothing, the shortcut is never taken; should it
// list a scope the key is refused, the shortcut would be wrong.
func TestOAuthUnscopedToken(t *testing.T) {
	v := need(t, envClientID, envClientSecret)
	s := newSuite(t, v[1])
	c := s.plan(spec.Credential{Name: "oauth", ClientID: v[0], ClientSecret: v[1], Endpoints: endpoints(t, "GET /payments/{id}")})
	cfg := oauth.Config{TokenURL: s.urls(c).Token, HTTPClient: s.http, Mask: s.red.Add}
	all := s.token(cfg, c, nil)
	if all.Scopes == nil || all.ScopeSource == oauth.ScopeSourceRequested {
		s.fatalf("the token for no scope does not say what it carries (source %q): the shortcut is never taken", all.ScopeSource)
	}
	for _, want := range c.Required {
		if !catalog.Satisfies(all.Scopes, []string{want}) {
			s.errorf("the token for no scope lists %q, without %q, which the key holds", all.Scopes, want)
		}
	}
	for _, scope := range all.Scopes {
		s.token(cfg, c, []string{scope}) // fails the test when refused
	}
}
