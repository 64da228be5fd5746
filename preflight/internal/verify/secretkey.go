package verify

import (
	"context"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/plan"
)

// secretKey probes every target of a secret key at once (there is no
// introspection for keys), plus the activity target when no target can be
// sent.
func (v *verifier) secretKey(ctx context.Context, c plan.Credential) Credential {
	auth := c.Cred.AuthorizationHeader()
	reqs := make([]request, 0, len(c.Targets)+1)
	for _, t := range c.Targets {
		reqs = append(reqs, request{auth, t.Probe})
	}
	activity := !plan.Sendable(c.Targets)
	if activity {
		reqs = append(reqs, request{auth, c.Activity.Probe})
	}
	results := v.send(ctx, v.client(c.URLs[c.Cred.Environment]), reqs)
	out := Credential{Checked: true, Environment: c.Cred.Environment, Targets: results[:len(c.Targets)]}
	if activity {
		out.Activity = &results[len(c.Targets)]
	}
	return out
}
