package judge

import (
	"errors"
	"fmt"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/credential"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/oauth"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/plan"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/verify"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// judgeOAuth judges an OAuth access key from its token exchange and the
// probes made with the tokens it got.
func judgeOAuth(s subject, got verify.Credential, rep report.Credential) credentialVerdict {
	tok := got.Token
	var oerr *oauth.Error
	issued := tok.Err == nil || errors.As(tok.Err, &oerr) && oerr.Code == oauth.CodeInvalidScope
	var checks []report.Check
	if !issued {
		rep.Active = oauthActive(tok.Err)
		for _, t := range s.c.Targets {
			rep.Endpoints = append(rep.Endpoints, endpointReport(t, report.EndpointNotChecked, ""))
		}
		return credentialVerdict{report: rep, checks: []report.Check{oauthActiveCheck(s, tok)}}
	}
	rep.Active = ptr(true)
	rep.MissingScopes = tok.Missing
	if tok.Err == nil {
		rep.GrantedScopes = tok.Granted
	}
	var eps []endpointVerdict
	for i, t := range s.c.Targets {
		if !tok.Granting[i] {
			eps = append(eps, judgeMissingScope(t))
			continue
		}
		var scope *checkout.Result
		if i < len(tok.ScopeControls) {
			scope = tok.ScopeControls[i]
		}
		eps = append(eps, judgeTokenEndpoint(t, got.Targets[i], at(got.Controls, i), scope))
	}
	for _, e := range eps {
		rep.Endpoints = append(rep.Endpoints, e.report)
	}
	checks = append(checks, oauthActiveCheck(s, tok))
	if c := apiAcceptsToken(s, tok.APIResults); c != nil {
		checks = append(checks, *c)
	}
	checks = append(checks, scopesCheck(s, tok, rep.MissingScopes))
	checks = append(checks, endpointChecks(s, eps)...)
	if c, ok := controlsCheck(s, sent(got)); ok {
		checks = append(checks, c)
	}
	return credentialVerdict{report: rep, checks: checks}
}

// judgeMissingScope judges a target no issued token grants.
func judgeMissingScope(t plan.Target) endpointVerdict {
	e := endpointReport(t, report.EndpointMissingScope, "")
	e.MissingScopes = []string{e.RequiredScope}
	e.Evidence = fmt.Sprintf("the access key was refused every scope that grants this endpoint (%s)", strings.Join(e.Scopes, ", "))
	if len(e.Scopes) == 0 {
		e.Evidence = "no OAuth scope grants this endpoint: call it with a secret key"
		e.MissingScopes = []string{}
	}
	return endpointVerdict{t, e}
}

// judgeTokenEndpoint reads a probe made with a token that carries a scope
// granting the endpoint, against its controls: a credential that cannot
// exist must be refused, and so must a token without the scope when one
// was sent (scope nil when none was). A 403 then points at an
// account-side or network restriction rather than a scope.
func judgeTokenEndpoint(t plan.Target, r, control checkout.Result, scope *checkout.Result) endpointVerdict {
	e, done := judgeCommon(t, r, control)
	if done {
		return endpointVerdict{t, e}
	}
	if scope != nil {
		e.ScopeControl = controlReport(r, *scope)
	}
	if r.Outcome == checkout.OutcomeAuthorized {
		e = judgeAccepted(e, r, control)
		if e.Status == report.EndpointAuthorized {
			e.Evidence = "the token carries a granting scope and " + e.Evidence
			if scope != nil && proofOf(r, *scope) == sameAsControl {
				e.Status = report.EndpointInconclusive
				e.Evidence = fmt.Sprintf("a token without the scope got the same answer (HTTP %d): this route checks scopes only after it answers, so its answer says nothing about the scope", scope.HTTPStatus)
			}
		}
		return endpointVerdict{t, e}
	}
	e.Status = report.EndpointForbidden
	e.Evidence = "refused although the token carries a scope that grants this endpoint: an account-side restriction (processing channel, entity) or a network policy refuses it"
	return endpointVerdict{t, e}
}

func oauthActive(err error) *bool {
	var oerr *oauth.Error
	if errors.As(err, &oerr) && !oerr.Inconclusive() {
		return ptr(false)
	}
	return nil
}

func oauthActiveCheck(s subject, tok *verify.Token) report.Check {
	c := report.Check{ID: report.CheckCredentialActive, Credential: s.c.Name(), Position: s.c.Spec.Position}
	who := "OAuth access key " + s.c.Cred.Fingerprint()
	var oerr *oauth.Error
	switch {
	case tok.Err == nil, errors.As(tok.Err, &oerr) && oerr.Code == oauth.CodeInvalidScope:
		c.Status, c.Title = report.StatusPass, "Credential active"
		c.Message = fmt.Sprintf("%s is active in %s: %s issued a token", who, s.env, tok.TokenURL)
	case errors.As(tok.Err, &oerr) && !oerr.Inconclusive():
		c.Status, c.Title = report.StatusFail, "Credential not active"
		why := "the client id or secret is wrong, revoked, or belongs to the other environment"
		if tok.Tried > 1 {
			why = "the client id or secret is wrong or revoked"
		}
		c.Message = fmt.Sprintf("%s refused %s (%s): %s", tok.TokenURL, who, oerr.Code, why)
		c.Remedy = refusedRemedy(s.c, tok.Tried)
	default:
		c.Status, c.Title = report.StatusInconclusive, "Credential not verified"
		c.Message = fmt.Sprintf("could not tell whether %s is active: %v", who, tok.Err)
		c.Remedy = "this is a network or Checkout.com fault, not a verdict on the key: re-run the job; if it persists, check the runner's network and proxy"
	}
	return c
}

// refusedRemedy says what to do about an access key every token endpoint
// refused.
func refusedRemedy(c plan.Credential, tried int) string {
	const check = "check the client id and secret in the Dashboard (Developers > Keys > access keys)"
	if tried > 1 {
		return check + "; the sandbox and production token endpoints both refused them; if your account uses merchant-specific URLs, set prefix"
	}
	other := credential.Sandbox
	if c.Cred.Environment == credential.Sandbox {
		other = credential.Production
	}
	return fmt.Sprintf("%s of the %s environment; if the access key belongs to %s, set environment: %s (or auto)", check, c.Cred.Environment, other, other)
}

// apiAcceptsToken checks that the API itself took a token from this
// machine: any answer but 401 proves it.
func apiAcceptsToken(s subject, results []checkout.Result) *report.Check {
	if len(results) == 0 {
		return nil
	}
	if allRefused(results) {
		return &report.Check{
			ID: report.CheckCredentialActive, Status: report.StatusFail, Credential: s.c.Name(), Position: s.c.Spec.Position,
			Title:   "Token refused by the API",
			Message: fmt.Sprintf("%s answered 401 to every request made with a freshly issued token for OAuth access key %s", s.api, s.c.Cred.Fingerprint()),
			Remedy:  "check that api-url, auth-url and prefix point at the same environment and account as the access key",
		}
	}
	return nil
}

// scopesCheck compares the scopes an OAuth access key was granted with
// the scopes its endpoints and declaration need.
func scopesCheck(s subject, tok *verify.Token, missing []string) report.Check {
	c := report.Check{ID: report.CheckScopesGranted, Credential: s.c.Name(), Position: s.c.Spec.Position}
	switch {
	case tok.ScopeErr != nil:
		c.Status, c.Title = report.StatusInconclusive, "Scopes not verified"
		c.Message = fmt.Sprintf("could not decide every scope: %v", tok.ScopeErr)
		c.Remedy = "re-run the job; this is a network or Checkout.com fault"
	case len(missing) == 0:
		c.Status, c.Title = report.StatusPass, "Scopes granted"
		c.Message = fmt.Sprintf("OAuth access key %s was granted every required scope (%s)", s.c.Cred.Fingerprint(), orNone(s.c.Required))
	default:
		c.Status, c.Title = report.StatusFail, "Missing scopes"
		c.Message = fmt.Sprintf("OAuth access key %s is not granted %s", s.c.Cred.Fingerprint(), quoteList(missing))
		c.Remedy = fmt.Sprintf("add %s to %s in the Dashboard (Developers > Keys > access keys)", quoteList(missing), keyRef(s.c))
		c.Detail = scopeUsers(s.c, missing)
	}
	return c
}

// scopeUsers lists, for each missing scope, the endpoints that need it.
func scopeUsers(c plan.Credential, missing []string) string {
	var b strings.Builder
	for _, s := range missing {
		var users []string
		for _, t := range c.Targets {
			if t.Op.RequiredScope() == s {
				users = append(users, t.Op.String())
			}
		}
		if len(users) == 0 {
			users = []string{"declared in scopes"}
		}
		fmt.Fprintf(&b, "%s: needed by %s\n", s, strings.Join(users, ", "))
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func orNone(s []string) string {
	if len(s) == 0 {
		return "none requested"
	}
	return strings.Join(s, ", ")
}

func quoteList(s []string) string {
	q := make([]string, len(s))
	for i, v := range s {
		q[i] = fmt.Sprintf("%q", v)
	}
	return strings.Join(q, ", ")
}

// allRefused reports whether every result is a 401.
func allRefused(results []checkout.Result) bool {
	for _, r := range results {
		if r.Outcome != checkout.OutcomeUnauthenticated {
			return false
		}
	}
	return len(results) > 0
}
