//go:build live

package live

import (
	"fmt"
	"slices"
	"testing"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/plan"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/recorded"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/spec"
)

// TestLimitedKey probes, with a key that lacks one scope, an endpoint that
// needs it and one that does not: the first must be refused although its
// id does not exist and its body is [] (the scope is checked before the
// lookup and the validation), the second let through.
func TestLimitedKey(t *testing.T) {
	v := need(t, envLimitedKey, envLimitedLacks)
	key, lacks := v[0], v[1]
	s := newSuite(t, key)
	if !catalog.ValidScopeName(lacks) {
		s.fatalf("%s is %q, not a scope name; set it to the scope the key lacks, e.g. gateway:payment-refunds", envLimitedLacks, lacks)
	}
	c := s.plan(spec.Credential{Name: "limited", SecretKey: key, Endpoints: endpoints(t, representative()...)})
	urls := s.urls(c)
	refusedTgt, ok := pick(c.Targets, func(op catalog.Operation) bool { return needs(op, lacks) })
	if !ok {
		s.fatalf("no endpoint of the suite needs %q; set %s to a scope one of %q needs", lacks, envLimitedLacks, representative())
	}
	acceptedTgt, ok := pick(c.Targets, func(op catalog.Operation) bool { return len(op.Scopes()) > 0 && !needs(op, lacks) })
	if !ok {
		s.fatalf("every endpoint of the suite needs %q; set %s to a narrower scope", lacks, envLimitedLacks)
	}
	who := fmt.Sprintf("the key lacking %s", lacks)
	refused := s.send(urls, who, c.Cred.AuthorizationHeader(), refusedTgt)
	accepted := s.send(urls, who, c.Cred.AuthorizationHeader(), acceptedTgt)
	s.record("limited-key", recorded.CredentialLimited, "", refusedTgt, refused)
	s.record("limited-key", recorded.CredentialLimited, "", acceptedTgt, accepted)
	s.wantRefused(refusedTgt, refused)
	s.wantAccepted(acceptedTgt, accepted)
}

// needs reports whether a key without the scope lacks can call op by no
// scope: every scope that grants op is lacks, a narrower scope, or a
// broader one (which the key then does not have either).
func needs(op catalog.Operation, lacks string) bool {
	scopes := op.Scopes()
	return len(scopes) > 0 && !slices.ContainsFunc(scopes, func(s string) bool {
		return !catalog.Grants(lacks, s) && !catalog.Grants(s, lacks)
	})
}

// pick returns the first target whose operation ok accepts.
func pick(targets []plan.Target, ok func(catalog.Operation) bool) (plan.Target, bool) {
	i := slices.IndexFunc(targets, func(t plan.Target) bool { return ok(t.Op) })
	if i < 0 {
		return plan.Target{}, false
	}
	return targets[i], true
}
