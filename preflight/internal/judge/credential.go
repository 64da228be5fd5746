package judge

import (
	"fmt"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/credential"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/plan"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/verify"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// credentialVerdict is what the judge says about one credential.
type credentialVerdict struct {
	report report.Credential
	checks []report.Check
}

// subject bundles what the wording of one credential's findings needs.
type subject struct {
	c   plan.Credential
	env credential.Environment
	api string // the API base URL it was checked against
}

// who names the credential in messages: its kind and fingerprint.
func (s subject) who() string {
	return fmt.Sprintf("%s %s", s.c.Cred.Kind.Label(), s.c.Cred.Fingerprint())
}

// judgeCredential judges one planned credential from what was learned.
func judgeCredential(c plan.Credential, got verify.Credential) credentialVerdict {
	rep := report.Credential{Name: c.Name(), Position: c.Spec.Position, Kind: string(c.Cred.Kind),
		Environment: string(c.Cred.Environment), Fingerprint: c.Cred.Fingerprint(),
		Endpoints: []report.Endpoint{}, MissingScopes: []string{}}
	if !c.Usable || !got.Checked {
		for _, t := range c.Targets {
			rep.Endpoints = append(rep.Endpoints, endpointReport(t, report.EndpointNotChecked, ""))
		}
		return credentialVerdict{report: rep}
	}
	s := subject{c: c, env: got.Environment, api: c.URLs[got.Environment].API}
	rep.Environment = string(got.Environment)
	var v credentialVerdict
	if c.Cred.Kind == credential.KindOAuth {
		v = judgeOAuth(s, got, rep)
	} else {
		v = judgeSecretKey(s, got, rep)
	}
	v.report.MissingScopes = gatherMissing(v.report)
	v.checks = append(trimWarnings(c), v.checks...)
	if named := c.Name(); named != "" && named != "default" {
		// Several credentials: say whose finding each is, in the title
		// that annotations and the summary's table show.
		for i := range v.checks {
			v.checks[i].Title += " (" + named + ")"
		}
	}
	return v
}

// judgeSecretKey judges a secret key from its probes: it is active as soon
// as any answer is not a 401 (see activeFrom), and each endpoint is judged
// from its own answer.
func judgeSecretKey(s subject, got verify.Credential, rep report.Credential) credentialVerdict {
	results := append([]checkout.Result{}, got.Targets...)
	if got.Activity != nil {
		results = append(results, *got.Activity)
	}
	rep.Active = activeFrom(results)
	var eps []endpointVerdict
	for i, t := range s.c.Targets {
		eps = append(eps, judgeKeyEndpoint(s, t, got.Targets[i], rep.Active))
	}
	for _, e := range eps {
		rep.Endpoints = append(rep.Endpoints, e.report)
	}
	checks := []report.Check{keyActiveCheck(s, rep.Active, results)}
	checks = append(checks, endpointChecks(s, eps)...)
	return credentialVerdict{report: rep, checks: checks}
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

func keyActiveCheck(s subject, active *bool, results []checkout.Result) report.Check {
	c := report.Check{ID: report.CheckCredentialActive, Credential: s.c.Name(), Position: s.c.Spec.Position}
	switch {
	case active == nil:
		c.Status, c.Title = report.StatusInconclusive, "Credential not verified"
		c.Message = fmt.Sprintf("could not tell whether %s is active: %s", s.who(), firstInconclusive(results))
		c.Remedy = "this is a network or Checkout.com fault, not a verdict on the key: re-run the job; if it persists, check the runner's network, proxy and " + s.api
	case *active:
		c.Status, c.Title = report.StatusPass, "Credential active"
		c.Message = fmt.Sprintf("%s is active in %s (%s)", s.who(), s.env, s.api)
	default:
		c.Status, c.Title = report.StatusFail, "Credential not active"
		c.Message = fmt.Sprintf("%s answered 401 to every request made with %s: the key is wrong, revoked, or belongs to another account or environment", s.api, s.who())
		c.Remedy = fmt.Sprintf("create or copy the secret key again in the %s Dashboard (Developers > Keys) and update %s", s.env, secretRef(s.c))
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

// trimWarnings reports the whitespace trimmed from the credential's value.
func trimWarnings(c plan.Credential) []report.Check {
	var out []report.Check
	for _, w := range c.Cred.Warnings {
		out = append(out, report.Check{ID: report.CheckCredentialFormat, Status: report.StatusWarn, Credential: c.Name(),
			Title: "Credential needed trimming", Message: w, Position: c.Spec.Position,
			Remedy: "store the secret again without surrounding whitespace or newline"})
	}
	return out
}

// gatherMissing lists, once each, the scopes the credential's endpoints
// lack, after any the OAuth exchange named.
func gatherMissing(rep report.Credential) []string {
	out := append([]string{}, rep.MissingScopes...)
	for _, e := range rep.Endpoints {
		for _, s := range e.MissingScopes {
			if !contains(out, s) {
				out = append(out, s)
			}
		}
	}
	return out
}

// secretRef names where the user keeps a credential's secret: an input or
// flag ("the secret passed as secret-key") or the environment variables a
// config file names ("the secret in CKO_PAYMENTS_SECRET_KEY").
func secretRef(c plan.Credential) string {
	setting := c.Spec.Setting
	switch {
	case setting == "":
		return "the secret passed as secret-key"
	case strings.ToUpper(setting) == setting:
		return "the secret in " + setting
	default:
		return "the secret passed as " + setting
	}
}

// keyRef names the key for remedies: by the service that uses it when the
// config file names one, else by its fingerprint.
func keyRef(c plan.Credential) string {
	switch c.Name() {
	case "", "default", "secret-key", "oauth":
		return fmt.Sprintf("the %s %s", c.Cred.Kind.Label(), c.Cred.Fingerprint())
	}
	return fmt.Sprintf("the %s used by %s", c.Cred.Kind.Label(), c.Name())
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
