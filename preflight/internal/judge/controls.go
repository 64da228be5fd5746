package judge

import (
	"fmt"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/credential"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// controlsCheck sums up what the controls proved for one credential: on
// how many routes a credential that cannot exist was refused (so the
// answers are about the credential), and, for an OAuth access key, on how
// many a token without the scope was refused. It reports false when no
// probe with an answer was sent.
func controlsCheck(s subject, ps []pair) (report.Check, bool) {
	var proved, same, missing, scopeProved, scopeSame, scopeAbsent int
	for _, p := range ps {
		switch p.real.Outcome {
		case checkout.OutcomeInconclusive, checkout.OutcomeUnexpectedSuccess, checkout.OutcomeUnauthenticated:
			continue // nothing for a control to prove
		}
		switch proofOf(p.real, p.control) {
		case proven:
			proved++
		case sameAsControl:
			same++
		default:
			missing++
		}
		if s.c.Cred.Kind != credential.KindOAuth {
			continue
		}
		switch {
		case p.scopeControl == nil:
			scopeAbsent++
		case proofOf(p.real, *p.scopeControl) == proven:
			scopeProved++
		default:
			scopeSame++
		}
	}
	if proved+same+missing == 0 {
		return report.Check{}, false
	}
	c := report.Check{ID: report.CheckProbeControls, Credential: s.c.Name(), Title: "Answers proved by controls", Status: report.StatusPass}
	parts := []string{fmt.Sprintf("a credential that cannot exist was refused on %s", plural(proved, "route", "routes"))}
	if s.c.Cred.Kind == credential.KindOAuth {
		parts = append(parts, fmt.Sprintf("a token without the scope was refused on %s", plural(scopeProved, "route", "routes")))
		if scopeAbsent > 0 {
			parts = append(parts, fmt.Sprintf("on %s no token without the scope could be used, so that the scope is checked first is assumed there", plural(scopeAbsent, "route", "routes")))
		}
	}
	c.Message = strings.Join(parts, "; ") + ", so those answers are about " + s.c.Cred.Fingerprint()
	if s.c.Cred.Kind != credential.KindOAuth {
		c.Detail = "that a route checks the key's scopes before it looks up ids or reads the body is assumed (no control can prove it for a secret key; see README \"How answers are read\"); the live suite checks it on the sandbox"
	}
	if same+missing+scopeSame > 0 {
		c.Status, c.Title = report.StatusWarn, "Some answers not proved by controls"
		var why []string
		if same > 0 {
			why = append(why, fmt.Sprintf("%s answered a credential that cannot exist as they answered the key", plural(same, "route", "routes")))
		}
		if missing > 0 {
			why = append(why, fmt.Sprintf("%s got no answer to the control", plural(missing, "route", "routes")))
		}
		if scopeSame > 0 {
			why = append(why, fmt.Sprintf("%s answered a token without the scope as they answered the key", plural(scopeSame, "route", "routes")))
		}
		c.Message = strings.Join(why, "; ") + ": their verdicts are inconclusive; " + c.Message
		c.Remedy = "re-run the job; if it persists, those routes answer before they check the credential, so this tool cannot verify them: test them with a real request in sandbox"
	}
	return c, true
}
