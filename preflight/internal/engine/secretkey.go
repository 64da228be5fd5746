package engine

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/credential"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/probe"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// checkSecretKey probes every declared endpoint with a secret key (there
// is no introspection for keys) and judges the key and each endpoint from
// the answers.
func (v *verifier) checkSecretKey(ctx context.Context, cp *credPlan) {
	probes := make([]probe.Probe, 0, len(cp.endpoints)+1)
	sendable := false
	for _, ep := range cp.endpoints {
		probes = append(probes, ep.probe)
		sendable = sendable || ep.probe.Skip == ""
	}
	if !sendable {
		probes = append(probes, activityProbe(v.o.Catalog))
	}
	urls := cp.urls[cp.cred.Environment]
	results := v.probeAll(ctx, v.client(urls), cp.cred.AuthorizationHeader(), probes)
	cp.rep.Active = activeFrom(results)
	for i, ep := range cp.endpoints {
		judgeKeyEndpoint(ep, results[i], cp)
	}
	cp.activeCheck = keyActiveCheck(cp, results, urls.API)
}

// activeFrom says a key is active as soon as any answer is not a 401, and
// inactive only when every probe was answered 401: since a missing scope
// may also answer 401, a 401 beside probes that got no answer leaves the
// question open (nil), as do no answers at all.
func activeFrom(results []checkout.Result) *bool {
	unauthenticated, sent := 0, 0
	for _, r := range results {
		if r.Outcome != checkout.OutcomeNotChecked {
			sent++
		}
		switch r.Outcome {
		case checkout.OutcomeAuthorized, checkout.OutcomeForbidden, checkout.OutcomeUnexpectedSuccess:
			return ptr(true)
		case checkout.OutcomeUnauthenticated:
			unauthenticated++
		}
	}
	if unauthenticated > 0 && unauthenticated == sent {
		return ptr(false)
	}
	return nil
}

// judgeKeyEndpoint records what one probe answer says about an endpoint.
func judgeKeyEndpoint(ep *endpointPlan, r checkout.Result, cp *credPlan) {
	if judgeCommon(ep, r) {
		return
	}
	active := cp.rep.Active != nil && *cp.rep.Active
	switch {
	case r.Outcome == checkout.OutcomeAuthorized:
		ep.rep.Status = report.EndpointAuthorized
		ep.rep.Evidence = "the probe got past authentication and authorisation"
	case r.Outcome == checkout.OutcomeForbidden:
		ep.rep.Status = report.EndpointForbidden
		ep.rep.MissingScopes = keyMissingScopes(cp.cred.Kind, ep)
		ep.rep.Evidence = "the key lacks a scope that grants this endpoint, or an account-side restriction (processing channel, network policy) applies"
	case active:
		ep.rep.Status = report.EndpointUnauthenticated
		ep.rep.MissingScopes = keyMissingScopes(cp.cred.Kind, ep)
		ep.rep.Evidence = "refused with 401 although other endpoints accepted the key; Checkout.com does not document whether a missing scope answers 401 or 403, so this is read as a missing scope, not a revoked key"
	default:
		ep.rep.Status = report.EndpointNotChecked
		ep.rep.Evidence = "the key itself was not accepted"
	}
}

// judgeCommon records the outcomes that read the same whatever the
// credential: not probed, answered as if it succeeded, no answer. It
// reports whether the outcome was one of those; the caller judges the
// rest (authorised, 401, 403).
func judgeCommon(ep *endpointPlan, r checkout.Result) bool {
	ep.rep.HTTPStatus, ep.rep.RequestID, ep.rep.Attempts = r.HTTPStatus, r.RequestID, r.Attempts
	switch r.Outcome {
	case checkout.OutcomeAuthorized, checkout.OutcomeForbidden, checkout.OutcomeUnauthenticated:
		return false
	case checkout.OutcomeNotChecked:
		ep.rep.Status = report.EndpointNotChecked
		ep.rep.Evidence = "not probed: " + ep.probe.Skip
	case checkout.OutcomeUnexpectedSuccess:
		ep.rep.Status = report.EndpointUnexpectedSuccess
		ep.rep.Evidence = fmt.Sprintf("the probe was answered HTTP %d: it may have changed something in the account", r.HTTPStatus)
	default:
		ep.rep.Status = report.EndpointInconclusive
		ep.rep.Evidence = inconclusiveEvidence(r)
	}
	return true
}

// keyMissingScopes names the scope to add for a refused endpoint. Keys of
// the previous platform have no scopes, and endpoints whose scopes the
// catalog does not know name none.
func keyMissingScopes(kind credential.Kind, ep *endpointPlan) []string {
	if kind == credential.KindPreviousSecretKey || ep.rep.RequiredScope == "" {
		return []string{}
	}
	return []string{ep.rep.RequiredScope}
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

func keyActiveCheck(cp *credPlan, results []checkout.Result, api string) report.Check {
	c := report.Check{ID: report.CheckCredentialActive, Credential: cp.in.Name, Position: cp.in.Position}
	who := fmt.Sprintf("%s %s", cp.cred.Kind.Label(), cp.cred.Fingerprint())
	switch {
	case cp.rep.Active == nil:
		c.Status, c.Title = report.StatusInconclusive, "Credential not verified"
		c.Message = fmt.Sprintf("could not tell whether %s is active: %s", who, firstInconclusive(results))
		c.Remedy = "this is a network or Checkout.com fault, not a verdict on the key: re-run the job; if it persists, check the runner's network, proxy and " + api
	case *cp.rep.Active:
		c.Status, c.Title = report.StatusPass, "Credential active"
		c.Message = fmt.Sprintf("%s is active in %s (%s)", who, cp.cred.Environment, api)
	default:
		c.Status, c.Title = report.StatusFail, "Credential not active"
		c.Message = fmt.Sprintf("%s answered 401 to every request made with %s: the key is wrong, revoked, or belongs to another account or environment", api, who)
		c.Remedy = fmt.Sprintf("create or copy the secret key again in the %s Dashboard (Developers > Keys) and update %s", cp.cred.Environment, secretRef(cp.in))
	}
	return c
}

func firstInconclusive(results []checkout.Result) string {
	for _, r := range results {
		if r.Outcome == checkout.OutcomeInconclusive {
			return inconclusiveEvidence(r)
		}
	}
	return "no answer"
}

// secretRef names where the user keeps a credential's secret: an input or
// flag ("the secret passed as secret-key") or the environment variables a
// config file names ("the secret in CKO_PAYMENTS_SECRET_KEY").
func secretRef(in CredentialInput) string {
	switch {
	case in.Setting == "":
		return "the secret passed as secret-key"
	case strings.ToUpper(in.Setting) == in.Setting:
		return "the secret in " + in.Setting
	default:
		return "the secret passed as " + in.Setting
	}
}

func ptr[T any](v T) *T { return &v }
