package engine

import (
	"fmt"
	"slices"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/credential"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// reports returns the credential sections of the report, with missing
// scopes gathered from the endpoints.
func (p *plan) reports() []report.Credential {
	out := make([]report.Credential, 0, len(p.creds))
	for _, cp := range p.creds {
		rep := cp.rep
		rep.Endpoints = make([]report.Endpoint, len(cp.endpoints))
		for i, ep := range cp.endpoints {
			rep.Endpoints[i] = ep.rep
			for _, s := range ep.rep.MissingScopes {
				if !contains(rep.MissingScopes, s) {
					rep.MissingScopes = append(rep.MissingScopes, s)
				}
			}
		}
		out = append(out, rep)
	}
	return out
}

// checks returns a checked credential's findings in display order: the
// credential itself, its scopes, then its endpoints.
func (cp *credPlan) checks() []report.Check {
	if !cp.usable {
		return nil
	}
	var out []report.Check
	for _, w := range cp.cred.Warnings {
		out = append(out, report.Check{ID: report.CheckCredentialFormat, Status: report.StatusWarn, Credential: cp.in.Name,
			Title: "Credential needed trimming", Message: w, Position: cp.in.Position,
			Remedy: "store the secret again without surrounding whitespace or newline"})
	}
	if cp.activeCheck.ID != "" {
		out = append(out, cp.activeCheck)
	}
	if cp.apiCheck != nil {
		out = append(out, *cp.apiCheck)
	}
	if cp.scopeCheck != nil {
		out = append(out, *cp.scopeCheck)
	}
	out = append(out, cp.endpointChecks()...)
	if named := cp.in.Name; named != "" && named != "default" {
		// Several credentials: say whose finding each is, in the title
		// that annotations and the summary's table show.
		for i := range out {
			out[i].Title += " (" + named + ")"
		}
	}
	return out
}

// endpointChecks returns one check per endpoint that is not authorised,
// or a single passing check when all are.
func (cp *credPlan) endpointChecks() []report.Check {
	var out []report.Check
	authorized := 0
	for _, ep := range cp.endpoints {
		switch ep.rep.Status {
		case report.EndpointAuthorized:
			authorized++
		case report.EndpointNotChecked:
			if ep.probe.Skip != "" {
				out = append(out, report.Check{ID: report.CheckEndpointAuthorized, Status: report.StatusSkip, Credential: cp.in.Name,
					Endpoint: ep.rep.Endpoint, Position: ep.rep.Position, Title: "Not probed: " + ep.op.String(),
					Message: fmt.Sprintf("%q is not probed: %s", ep.op.String(), ep.probe.Skip),
					Remedy:  "nothing to do; the tool cannot check this endpoint without risk"})
			}
		default:
			out = append(out, cp.endpointCheck(ep))
		}
	}
	if !slices.ContainsFunc(out, func(c report.Check) bool { return c.Status != report.StatusSkip }) && authorized > 0 {
		out = append(out, report.Check{ID: report.CheckEndpointAuthorized, Status: report.StatusPass, Credential: cp.in.Name,
			Title:   "Endpoints authorised",
			Message: fmt.Sprintf("%s may call all %d declared endpoints", cp.cred.Fingerprint(), authorized)})
	}
	return out
}

func (cp *credPlan) endpointCheck(ep *endpointPlan) report.Check {
	c := report.Check{ID: report.CheckEndpointAuthorized, Credential: cp.in.Name, Endpoint: ep.rep.Endpoint,
		Position: ep.rep.Position, Detail: ep.rep.Evidence}
	name := ep.op.String()
	who := cp.cred.Fingerprint()
	switch ep.rep.Status {
	case report.EndpointUnexpectedSuccess:
		c.ID, c.Status, c.Title = report.CheckProbeSafety, report.StatusFail, "Probe unexpectedly succeeded: "+name
		c.Message = fmt.Sprintf("the side-effect-free probe of %q was answered HTTP %d, which must never happen; it may have changed something in the account", name, ep.rep.HTTPStatus)
		c.Remedy = "check the account for the request id " + orUnknown(ep.rep.RequestID) + " and report this at the checkout-preflight issue tracker"
	case report.EndpointInconclusive:
		c.Status, c.Title = report.StatusInconclusive, "Not verified: "+name
		c.Message = fmt.Sprintf("could not verify %q for %s: %s", name, who, ep.rep.Evidence)
		c.Remedy = "re-run the job; this is a network or Checkout.com fault, not a verdict on the key"
	case report.EndpointMissingScope:
		c.Status, c.Title = report.StatusFail, "Missing scope: "+name
		c.Message = fmt.Sprintf("%s is not granted any scope that allows %q (%s)", who, name, strings.Join(ep.rep.Scopes, " or "))
		c.Remedy = cp.addScopeRemedy(ep)
	case report.EndpointForbidden:
		c.Status, c.Title = report.StatusFail, "Refused: "+name
		c.Message = fmt.Sprintf("Checkout.com answered 403 to %q for %s", name, who)
		c.Remedy = cp.forbiddenRemedy(ep)
	case report.EndpointUnauthenticated:
		c.Status, c.Title = report.StatusFail, "Refused: "+name
		c.Message = fmt.Sprintf("Checkout.com answered 401 to %q for %s, which other endpoints accept: read as a missing scope", name, who)
		c.Remedy = cp.forbiddenRemedy(ep)
	}
	return c
}

func (cp *credPlan) addScopeRemedy(ep *endpointPlan) string {
	if ep.rep.RequiredScope == "" {
		return fmt.Sprintf("call %s with a secret key, or remove it from the endpoints of %s", ep.op.String(), cp.in.Name)
	}
	return fmt.Sprintf("add %s to %s in the Dashboard (Developers > Keys), or remove the endpoint if the service does not call it",
		ep.rep.RequiredScope, cp.keyRef())
}

func (cp *credPlan) forbiddenRemedy(ep *endpointPlan) string {
	switch {
	case cp.cred.Kind == credential.KindOAuth:
		return "the token carries the scope, so check the access key's account-side restrictions (entity, processing channel) and any network allowlist for this runner's egress address"
	case cp.cred.Kind == credential.KindPreviousSecretKey || ep.rep.RequiredScope == "":
		return "check the account's restrictions and network allowlist for this runner's egress address with your Checkout.com account manager"
	}
	return fmt.Sprintf("add %s to %s in the Dashboard (Developers > Keys); if it already has it, check account-side restrictions and the network allowlist",
		ep.rep.RequiredScope, cp.keyRef())
}

// keyRef names the key for remedies: by the service that uses it when the
// config file names one, else by its fingerprint.
func (cp *credPlan) keyRef() string {
	if cp.in.Name == "" || cp.in.Name == "default" || cp.in.Name == "secret-key" || cp.in.Name == "oauth" {
		return fmt.Sprintf("the %s %s", cp.cred.Kind.Label(), cp.cred.Fingerprint())
	}
	return fmt.Sprintf("the %s used by %s", cp.cred.Kind.Label(), cp.in.Name)
}

func orUnknown(s string) string {
	if s == "" {
		return "(none returned)"
	}
	return s
}

// restrictionChecks point at an account-side or network restriction when
// the answers suggest one: an OAuth token refused although it carries the
// scope, or a secret key refused by every endpoint.
func restrictionChecks(creds []*credPlan, e *report.Egress) []report.Check {
	var out []report.Check
	for _, cp := range creds {
		forbidden, total := 0, 0
		for _, ep := range cp.endpoints {
			if ep.rep.Status == report.EndpointNotChecked || ep.rep.Status == report.EndpointMissingScope {
				continue
			}
			total++
			if ep.rep.Status == report.EndpointForbidden {
				forbidden++
			}
		}
		if forbidden == 0 {
			continue
		}
		c := report.Check{ID: report.CheckEgressRestriction, Status: report.StatusWarn, Credential: cp.in.Name, Title: "Possible network restriction"}
		switch {
		case cp.cred.Kind == credential.KindOAuth:
			c.Message = fmt.Sprintf("%d endpoint(s) answered 403 although the token of %s carries a granting scope: an account-side or network restriction is the likely cause; the runner's egress address is %s", forbidden, cp.cred.Fingerprint(), egressAddr(e))
		case forbidden == total:
			c.Message = fmt.Sprintf("every endpoint answered 403 for %s: either the key lacks the scopes, or an account-side or network restriction (such as an IP allowlist) refuses this runner, whose egress address is %s", cp.cred.Fingerprint(), egressAddr(e))
		default:
			continue
		}
		c.Remedy = "make sure the runner's egress address is on the allowlist agreed with Checkout.com, and check the key's account-side restrictions"
		out = append(out, c)
	}
	return out
}
