//go:build live

package live

import (
	"testing"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/recorded"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/spec"
)

// TestFullKey probes each representative endpoint with a key that has
// every scope, and with the control: the key must be let through (rows
// not-found, invalid-request, business-rule, …) and the control refused
// with 401, which proves that the route checked the credential before the
// id or the body.
func TestFullKey(t *testing.T) {
	key := need(t, envSecretKey)[0]
	s := newSuite(t, key)
	c := s.plan(spec.Credential{Name: "full", SecretKey: key, Endpoints: endpoints(t, representative()...)})
	urls := s.urls(c)
	if len(c.Targets) != len(representative()) {
		s.fatalf("%d targets planned for %d endpoints", len(c.Targets), len(representative()))
	}
	for _, tgt := range c.Targets {
		t.Run(tgt.Op.String(), func(t *testing.T) {
			s := s.sub(t)
			real := s.send(urls, "the full key", c.Cred.AuthorizationHeader(), tgt)
			control := s.send(urls, "the control", c.Control, tgt)
			pair := s.record("full-key", recorded.CredentialFull, "", tgt, real)
			s.record("full-key-control", recorded.CredentialControl, pair, tgt, control)
			s.wantAccepted(tgt, real)
			s.wantControlRefused(tgt, control)
		})
	}
}
