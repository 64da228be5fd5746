//go:build live

package live

import (
	"net/http"
	"testing"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/recorded"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/spec"
)

// TestPublicKey sends the public key's one probe, POST /tokens with a body
// that cannot tokenise anything: an active key is answered 422, the
// control 401.
func TestPublicKey(t *testing.T) {
	key := need(t, envPublicKey)[0]
	s := newSuite(t, key)
	c := s.plan(spec.Credential{Name: "public", PublicKey: key})
	urls := s.urls(c)
	tgt := c.Targets[0]
	real := s.send(urls, "the public key", c.Cred.AuthorizationHeader(), tgt)
	control := s.send(urls, "the control", c.Control, tgt)
	pair := s.record("public-key", recorded.CredentialPublic, "", tgt, real)
	s.record("public-key-control", recorded.CredentialControl, pair, tgt, control)
	if real.result.HTTPStatus != http.StatusUnprocessableEntity {
		s.errorf("%s with the public key: %d; want 422, the answer an active public key gets for a body that cannot tokenise", tgt.Op, real.result.HTTPStatus)
	}
	s.wantAccepted(tgt, real)
	s.wantControlRefused(tgt, control)
}
