package engine

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/credential"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/oauth"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// tokenURLs names the token endpoints a credential was tried at.
func tokenURLs(cp *credPlan) string {
	var urls []string
	for _, u := range cp.urls {
		urls = append(urls, u.Token)
	}
	slices.Sort(urls)
	return strings.Join(slices.Compact(urls), " and ")
}

func oauthActiveCheck(cp *credPlan, tokenURL string, err error) report.Check {
	c := report.Check{ID: report.CheckCredentialActive, Credential: cp.in.Name, Position: cp.in.Position}
	who := "OAuth access key " + cp.cred.Fingerprint()
	var oerr *oauth.Error
	switch {
	case err == nil:
		c.Status, c.Title = report.StatusPass, "Credential active"
		c.Message = fmt.Sprintf("%s is active in %s: %s issued a token", who, cp.cred.Environment, tokenURL)
	case errors.As(err, &oerr) && !oerr.Inconclusive():
		c.Status, c.Title = report.StatusFail, "Credential not active"
		why := "the client id or secret is wrong, revoked, or belongs to the other environment"
		if len(cp.urls) > 1 {
			why = "the client id or secret is wrong or revoked"
		}
		c.Message = fmt.Sprintf("%s refused %s (%s): %s", tokenURL, who, oerr.Code, why)
		c.Remedy = refusedRemedy(cp)
	default:
		c.Status, c.Title = report.StatusInconclusive, "Credential not verified"
		c.Message = fmt.Sprintf("could not tell whether %s is active: %v", who, err)
		c.Remedy = "this is a network or Checkout.com fault, not a verdict on the key: re-run the job; if it persists, check the runner's network and proxy"
	}
	return c
}

// refusedRemedy says what to do about an access key every token
// endpoint refused.
func refusedRemedy(cp *credPlan) string {
	const check = "check the client id and secret in the Dashboard (Developers > Keys > access keys)"
	if len(cp.urls) > 1 {
		return check + "; the sandbox and production token endpoints both refused them; if your account uses merchant-specific URLs, set prefix"
	}
	other := credential.Sandbox
	if cp.cred.Environment == credential.Sandbox {
		other = credential.Production
	}
	return fmt.Sprintf("%s of the %s environment; if the access key belongs to %s, set environment: %s (or auto)", check, cp.cred.Environment, other, other)
}

// apiAcceptsToken checks that the API itself took a token from this
// machine: any answer but 401 proves it.
func apiAcceptsToken(cp *credPlan, results []checkout.Result, api string) *report.Check {
	if len(results) == 0 {
		return nil
	}
	if active := activeFrom(results); active != nil && !*active {
		return &report.Check{
			ID: report.CheckCredentialActive, Status: report.StatusFail, Credential: cp.in.Name, Position: cp.in.Position,
			Title:   "Token refused by the API",
			Message: fmt.Sprintf("%s answered 401 to every request made with a freshly issued token for OAuth access key %s", api, cp.cred.Fingerprint()),
			Remedy:  "check that api-url, auth-url and prefix point at the same environment and account as the access key",
		}
	}
	return nil
}

// scopesCheck compares the scopes an OAuth access key was granted with
// the scopes its endpoints and declaration need.
func scopesCheck(cp *credPlan, required []string) *report.Check {
	if cp.rep.Active == nil || !*cp.rep.Active {
		return nil
	}
	c := &report.Check{ID: report.CheckScopesGranted, Credential: cp.in.Name, Position: cp.in.Position}
	missing := cp.rep.MissingScopes
	switch {
	case cp.scopeErr != nil:
		c.Status, c.Title = report.StatusInconclusive, "Scopes not verified"
		c.Message = fmt.Sprintf("could not decide every scope: %v", cp.scopeErr)
		c.Remedy = "re-run the job; this is a network or Checkout.com fault"
	case len(missing) == 0:
		c.Status, c.Title = report.StatusPass, "Scopes granted"
		c.Message = fmt.Sprintf("OAuth access key %s was granted every required scope (%s)", cp.cred.Fingerprint(), orNone(required))
	default:
		c.Status, c.Title = report.StatusFail, "Missing scopes"
		c.Message = fmt.Sprintf("OAuth access key %s is not granted %s", cp.cred.Fingerprint(), quoteList(missing))
		c.Remedy = fmt.Sprintf("add %s to %s in the Dashboard (Developers > Keys > access keys)", quoteList(missing), cp.keyRef())
		c.Detail = scopeUsers(cp, missing)
	}
	return c
}

// scopeUsers lists, for each missing scope, the endpoints that need it.
func scopeUsers(cp *credPlan, missing []string) string {
	var b strings.Builder
	for _, s := range missing {
		var users []string
		for _, ep := range cp.endpoints {
			if ep.op.RequiredScope() == s {
				users = append(users, ep.op.String())
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
