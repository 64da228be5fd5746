package judge

import (
	"fmt"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/credential"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/plan"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// restrictionChecks point at an account-side or network restriction when
// the answers suggest one: an OAuth token refused although it carries the
// scope, or a secret key refused by every endpoint.
func restrictionChecks(planned []plan.Credential, judged []credentialVerdict, e *report.Egress) []report.Check {
	var out []report.Check
	for i, cp := range planned {
		forbidden, total := 0, 0
		for _, ep := range judged[i].report.Endpoints {
			if ep.Status == report.EndpointNotChecked || ep.Status == report.EndpointMissingScope {
				continue
			}
			total++
			if ep.Status == report.EndpointForbidden {
				forbidden++
			}
		}
		if forbidden == 0 {
			continue
		}
		c := report.Check{ID: report.CheckEgressRestriction, Status: report.StatusWarn, Credential: cp.Name(), Title: "Possible network restriction"}
		switch {
		case cp.Cred.Kind == credential.KindOAuth:
			c.Message = fmt.Sprintf("%d endpoint(s) answered 403 although the token of %s carries a granting scope: an account-side or network restriction is the likely cause; the runner's egress address is %s", forbidden, cp.Cred.Fingerprint(), egressAddr(e))
		case forbidden == total:
			c.Message = fmt.Sprintf("every endpoint answered 403 for %s: either the key lacks the scopes, or an account-side or network restriction (such as an IP allowlist) refuses this runner, whose egress address is %s", cp.Cred.Fingerprint(), egressAddr(e))
		default:
			continue
		}
		c.Remedy = "make sure the runner's egress address is on the allowlist agreed with Checkout.com, and check the key's account-side restrictions"
		out = append(out, c)
	}
	return out
}
