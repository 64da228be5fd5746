package judge

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/credential"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/plan"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// endpointVerdict is the judge's word on one target.
type endpointVerdict struct {
	target plan.Target
	report report.Endpoint
}

// endpointReport is the report row of t with status and evidence, before
// any answer is recorded in it.
func endpointReport(t plan.Target, status report.EndpointStatus, evidence string) report.Endpoint {
	return report.Endpoint{
		Endpoint: t.Decl.Raw, Method: t.Op.Method, Path: t.Decl.Path, Template: t.Op.Path, Host: t.Op.Host,
		Scopes: t.Op.Scopes(), RequiredScope: t.RequiredScope(), Status: status, Evidence: evidence,
		MissingScopes: []string{}, Position: positionOf(t.Decl.Pos), Origin: string(t.Origin), Calls: codeCalls(t.Calls),
	}
}

// answered records the answer r and its control in a report row.
func answered(e report.Endpoint, r, control checkout.Result) report.Endpoint {
	e.HTTPStatus, e.RequestID, e.Attempts, e.Row = r.HTTPStatus, r.RequestID, r.Attempts, r.Evidence
	e.Control = controlReport(r, control)
	return e
}

// judgeCommon judges the outcomes that read the same whatever the
// credential: not probed, answered as if it succeeded, no answer. It
// reports false for the others (authorised, 401, 403), which the caller
// judges.
func judgeCommon(t plan.Target, r, control checkout.Result) (report.Endpoint, bool) {
	e := answered(endpointReport(t, report.EndpointNotChecked, ""), r, control)
	switch r.Outcome {
	case checkout.OutcomeAuthorized, checkout.OutcomeForbidden, checkout.OutcomeUnauthenticated, checkout.OutcomeScopeRefused:
		return e, false
	case checkout.OutcomeNotChecked:
		e.Evidence = "not probed: " + t.Probe.Skip
	case checkout.OutcomeUnexpectedSuccess:
		e.Status = report.EndpointUnexpectedSuccess
		e.Evidence = fmt.Sprintf("the probe was answered HTTP %d: it may have changed something in the account", r.HTTPStatus)
	default:
		e.Status = report.EndpointInconclusive
		e.Evidence = inconclusiveEvidence(r)
	}
	return e, true
}

// judgeKeyEndpoint judges one probe answer to a secret key (or a public
// key) against its control.
func judgeKeyEndpoint(s subject, t plan.Target, r, control checkout.Result, active *bool) endpointVerdict {
	e, done := judgeCommon(t, r, control)
	if done {
		return endpointVerdict{t, e}
	}
	switch r.Outcome {
	case checkout.OutcomeAuthorized:
		e = judgeAccepted(e, r, control)
	case checkout.OutcomeScopeRefused:
		e.Status = report.EndpointForbidden
		e.MissingScopes = keyMissingScopes(s.c.Cred.Kind, e)
		e.Evidence = fmt.Sprintf("refused with a sign that a scope or permission is missing (evidence: %s)", r.Evidence)
	case checkout.OutcomeForbidden:
		e.Status = report.EndpointForbidden
		e.MissingScopes = keyMissingScopes(s.c.Cred.Kind, e)
		e.Evidence = "the key lacks a scope that grants this endpoint, or an account-side restriction (processing channel, network policy) applies"
		if proofOf(r, control) == sameAsControl {
			e.Evidence = "refused (HTTP 403), as was a credential that cannot exist: something in front of the API, or an account-wide or network restriction, refuses this route; or the key lacks its scope"
		}
	case checkout.OutcomeUnauthenticated:
		if active == nil || !*active {
			e.Status = report.EndpointNotChecked
			e.Evidence = "the key itself was not accepted"
			break
		}
		e.Status = report.EndpointUnauthenticated
		e.MissingScopes = keyMissingScopes(s.c.Cred.Kind, e)
		e.Evidence = "refused with 401 although other requests show the key is known; Checkout.com documents 401 for a missing permission, so this is read as a missing scope, not a revoked key"
	}
	return endpointVerdict{t, e}
}

// judgeAccepted judges an answer that let the request past authorisation,
// by what its control got: authorised only when the control was refused,
// which proves the route checked the credential before answering.
func judgeAccepted(e report.Endpoint, r, control checkout.Result) report.Endpoint {
	switch proofOf(r, control) {
	case proven:
		e.Status = report.EndpointAuthorized
		e.Evidence = fmt.Sprintf("the probe got past authentication and authorisation (evidence: %s), and a credential that cannot exist was refused with %d", r.Evidence, control.HTTPStatus)
		if r.Evidence == "business-rule" {
			e.Evidence = fmt.Sprintf("refused by a business rule, which applies only to requests let through (evidence: business-rule), and a credential that cannot exist was refused with %d", control.HTTPStatus)
		}
	case sameAsControl:
		e.Status = report.EndpointInconclusive
		e.Evidence = fmt.Sprintf("a credential that cannot exist got the same answer (HTTP %d): this route answers before it checks the credential, so its answer says nothing about the key", control.HTTPStatus)
	default:
		e.Status = report.EndpointInconclusive
		e.Evidence = "the control request (the same request with a credential that cannot exist) got no answer, so the answer is not shown to be about the key"
	}
	return e
}

// keyMissingScopes names the scope to add for a refused endpoint. Keys of
// the previous platform have no scopes, and endpoints whose scopes the
// catalog does not know name none.
func keyMissingScopes(kind credential.Kind, e report.Endpoint) []string {
	if kind == credential.KindPreviousSecretKey || e.RequiredScope == "" {
		return []string{}
	}
	return []string{e.RequiredScope}
}

func inconclusiveEvidence(r checkout.Result) string {
	if r.Err != nil {
		return r.Err.Error()
	}
	if r.HTTPStatus != 0 {
		return fmt.Sprintf("HTTP %d %s after %d attempts", r.HTTPStatus, http.StatusText(r.HTTPStatus), r.Attempts)
	}
	return "no answer"
}

// endpointChecks returns one check per endpoint that is not authorised,
// or a single passing check when all are.
func endpointChecks(s subject, eps []endpointVerdict) []report.Check {
	var out []report.Check
	authorized := 0
	for _, e := range eps {
		switch e.report.Status {
		case report.EndpointAuthorized:
			authorized++
		case report.EndpointNotChecked:
			if e.target.Probe.Skip != "" {
				name := e.target.Op.String()
				out = append(out, report.Check{ID: report.CheckEndpointAuthorized, Status: report.StatusSkip, Credential: s.c.Name(),
					Endpoint: e.target.Op.String(), Position: e.report.Position, Title: "Not probed: " + name,
					Message: fmt.Sprintf("%q is not probed: %s", name, e.target.Probe.Skip),
					Remedy:  "nothing to do; the tool cannot check this endpoint without risk"})
			}
		default:
			out = append(out, endpointCheck(s, e))
		}
	}
	if !slices.ContainsFunc(out, func(c report.Check) bool { return c.Status != report.StatusSkip }) && authorized > 0 {
		out = append(out, report.Check{ID: report.CheckEndpointAuthorized, Status: report.StatusPass, Credential: s.c.Name(),
			Title:   "Endpoints authorised",
			Message: fmt.Sprintf("%s may call all %d declared endpoints", s.c.Cred.Fingerprint(), authorized)})
	}
	return out
}

func endpointCheck(s subject, v endpointVerdict) report.Check {
	e := v.report
	c := report.Check{ID: report.CheckEndpointAuthorized, Credential: s.c.Name(), Endpoint: v.target.Op.String(),
		Position: e.Position, Detail: e.Evidence}
	name := v.target.Op.String()
	who := s.c.Cred.Fingerprint()
	switch e.Status {
	case report.EndpointUnexpectedSuccess:
		c.ID, c.Status, c.Title = report.CheckProbeSafety, report.StatusFail, "Probe unexpectedly succeeded: "+name
		c.Message = fmt.Sprintf("the side-effect-free probe of %q was answered HTTP %d, which must never happen; it may have changed something in the account", name, e.HTTPStatus)
		c.Remedy = "check the account for the request id " + orUnknown(e.RequestID) + " and report this at the checkout-preflight issue tracker"
	case report.EndpointInconclusive:
		c.Status, c.Title = report.StatusInconclusive, "Not verified: "+name
		c.Message = fmt.Sprintf("could not verify %q for %s: %s", name, who, e.Evidence)
		c.Remedy = "re-run the job; this is a network or Checkout.com fault, not a verdict on the key"
	case report.EndpointMissingScope:
		c.Status, c.Title = report.StatusFail, "Missing scope: "+name
		c.Message = fmt.Sprintf("%s is not granted any scope that allows %q (%s)", who, name, strings.Join(e.Scopes, " or "))
		c.Remedy = addScopeRemedy(s.c, v)
	case report.EndpointForbidden:
		c.Status, c.Title = report.StatusFail, "Refused: "+name
		c.Message = fmt.Sprintf("Checkout.com answered 403 to %q for %s", name, who)
		c.Remedy = forbiddenRemedy(s.c, e)
	case report.EndpointUnauthenticated:
		c.Status, c.Title = report.StatusFail, "Refused: "+name
		c.Message = fmt.Sprintf("Checkout.com answered 401 to %q for %s, which other endpoints accept: read as a missing scope", name, who)
		c.Remedy = forbiddenRemedy(s.c, e)
	}
	if len(e.MissingScopes) > 0 {
		c.Scope = e.MissingScopes[0]
	}
	return atCall(c, v)
}

// atCall moves a finding about an endpoint the code calls to the first
// call, where a reviewer of the change looks, and says what the call
// needs; the other calls go in the detail.
func atCall(c report.Check, v endpointVerdict) report.Check {
	calls := v.target.Calls
	if len(calls) == 0 || c.Status != report.StatusFail || c.ID != report.CheckEndpointAuthorized {
		return c
	}
	c.Position = positionOf(calls[0].Pos)
	needs := fmt.Sprintf("calls %q", v.target.Op.String())
	if scope := v.report.RequiredScope; scope != "" {
		needs = "needs " + scope
	}
	c.Message = fmt.Sprintf("%s %s: %s", callName(calls[0]), needs, c.Message)
	if sites := callSites(calls); sites != "" {
		c.Detail = strings.TrimPrefix(c.Detail+"\n"+sites, "\n")
	}
	return c
}

func addScopeRemedy(c plan.Credential, v endpointVerdict) string {
	if v.report.RequiredScope == "" {
		return fmt.Sprintf("call %s with a secret key, or remove it from the endpoints of %s", v.target.Op.String(), c.Name())
	}
	return fmt.Sprintf("add %s to %s in the Dashboard (Developers > Keys), or remove the endpoint if the service does not call it",
		v.report.RequiredScope, keyRef(c))
}

func forbiddenRemedy(c plan.Credential, e report.Endpoint) string {
	switch {
	case c.Cred.Kind == credential.KindOAuth:
		return "the token carries the scope, so check the access key's account-side restrictions (entity, processing channel) and any network allowlist for this runner's egress address"
	case c.Cred.Kind == credential.KindPreviousSecretKey || e.RequiredScope == "":
		return "check the account's restrictions and network allowlist for this runner's egress address with your Checkout.com account manager"
	}
	return fmt.Sprintf("add %s to %s in the Dashboard (Developers > Keys); if it already has it, check account-side restrictions and the network allowlist",
		e.RequiredScope, keyRef(c))
}

func orUnknown(s string) string {
	if s == "" {
		return "(none returned)"
	}
	return s
}

func positionOf(p report.Position) *report.Position {
	if p.IsZero() {
		return nil
	}
	return &p
}

// codeCalls are a target's calls for the report; nil for none.
func codeCalls(calls []plan.Call) []report.CodeCall {
	var out []report.CodeCall
	for _, c := range calls {
		out = append(out, report.CodeCall{File: c.Pos.File, Line: c.Pos.Line, Column: c.Pos.Column, Symbol: c.Symbol})
	}
	return out
}
