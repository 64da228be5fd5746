package verify

import (
	"context"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/plan"
)

// secretKey probes, at once, every target of a secret key (there is no
// introspection for keys) and the family lookups — or, for a public key,
// its one target — each also with the control credential.
func (v *verifier) secretKey(ctx context.Context, c plan.Credential) Credential {
	auth := c.Cred.AuthorizationHeader()
	probes := make([]plan.Target, 0, len(c.Targets)+len(c.Families)+1)
	probes = append(append(probes, c.Targets...), c.Families...)
	activity := !plan.Sendable(probes)
	if activity {
		probes = append(probes, *c.Activity)
	}
	reqs := make([]request, 0, 2*len(probes))
	for _, t := range probes {
		reqs = append(reqs, request{authorization: auth, probe: t.Probe})
	}
	for _, t := range probes {
		reqs = append(reqs, request{authorization: c.Control, probe: t.Probe, control: true})
	}
	results := v.send(ctx, c.Cred.Environment, v.client(c.URLs[c.Cred.Environment]), reqs)
	real, controls := results[:len(probes)], results[len(probes):]
	nt, nf := len(c.Targets), len(c.Families)
	out := Credential{Checked: true, Environment: c.Cred.Environment,
		Targets: real[:nt], Controls: controls[:nt], Families: real[nt : nt+nf], FamilyControls: controls[nt : nt+nf]}
	if activity {
		out.Activity, out.ActivityControl = &real[nt+nf], &controls[nt+nf]
	}
	return out
}
