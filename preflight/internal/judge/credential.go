package judge

import (
	"fmt"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
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

// judgeCredential judges one planned credential from what was learned;
// several is true when the run checks more than one.
func judgeCredential(c plan.Credential, got verify.Credential, several bool) credentialVerdict {
	rep := report.Credential{Name: c.Name(), Position: c.Spec.Position, Kind: string(c.Cred.Kind),
		Environment: string(c.Cred.Environment), Fingerprint: c.Cred.Fingerprint(),
		Endpoints: []report.Endpoint{}, MissingScopes: []string{}}
	if !c.Usable || !got.Checked {
		for _, t := range c.Targets {
			rep.Endpoints = append(rep.Endpoints, endpointReport(t, report.EndpointNotChecked, ""))
		}
		return named(c, several, credentialVerdict{report: rep, checks: codeChecks(c)})
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
	v.checks = append(append(trimWarnings(c), v.checks...), codeChecks(c)...)
	return named(c, several, v)
}

// named says, with several credentials, whose finding each check is, in
// the title that annotations and the summary's table show.
func named(c plan.Credential, several bool, v credentialVerdict) credentialVerdict {
	if n := c.Name(); n != "" && several {
		for i := range v.checks {
			v.checks[i].Title += " (" + n + ")"
		}
	}
	return v
}

// judgeSecretKey judges a secret key — or a public key — from its probes
// and their controls: it is active when an answer shows the key is known
// (see knownFrom), inactive only when every probe, across the scope
// families, was refused; each endpoint is judged from its own answer and
// control.
func judgeSecretKey(s subject, got verify.Credential, rep report.Credential) credentialVerdict {
	ps := sent(got)
	rep.Active = activity(ps)
	var eps []endpointVerdict
	for i, t := range s.c.Targets {
		eps = append(eps, judgeKeyEndpoint(s, t, got.Targets[i], at(got.Controls, i), rep.Active))
	}
	for _, e := range eps {
		rep.Endpoints = append(rep.Endpoints, e.report)
	}
	for i, t := range s.c.Families {
		rep.Activity = append(rep.Activity, judgeKeyEndpoint(s, t, at(got.Families, i), at(got.FamilyControls, i), rep.Active).report)
	}
	checks := []report.Check{keyActiveCheck(s, rep.Active, ps)}
	checks = append(checks, endpointChecks(s, eps)...)
	if c, ok := controlsCheck(s, ps); ok {
		checks = append(checks, c)
	}
	return credentialVerdict{report: rep, checks: checks}
}

// pair is one probe's answer and its control's; for an OAuth access key,
// also its scope control's (nil when none was sent).
type pair struct {
	real, control checkout.Result
	scopeControl  *checkout.Result
}

// sent lists every probe that went out — targets, family lookups, the
// activity probe — with its control.
func sent(got verify.Credential) []pair {
	var out []pair
	add := func(real, control checkout.Result, scope *checkout.Result) {
		if real.Outcome != checkout.OutcomeNotChecked {
			out = append(out, pair{real: real, control: control, scopeControl: scope})
		}
	}
	for i, r := range got.Targets {
		var scope *checkout.Result
		if got.Token != nil && i < len(got.Token.ScopeControls) {
			scope = got.Token.ScopeControls[i]
		}
		add(r, at(got.Controls, i), scope)
	}
	for i, r := range got.Families {
		add(r, at(got.FamilyControls, i), nil)
	}
	if got.Activity != nil {
		var c checkout.Result
		if got.ActivityControl != nil {
			c = *got.ActivityControl
		}
		add(*got.Activity, c, nil)
	}
	return out
}

func at(rs []checkout.Result, i int) checkout.Result {
	if i < len(rs) {
		return rs[i]
	}
	return checkout.Result{Outcome: checkout.OutcomeNotChecked}
}

// activity says a key is active as soon as an answer shows it is known,
// and inactive only when every probe was refused with a 401 (a missing
// scope may answer 401 too, which is why the family lookups are sent):
// anything else — faults, or routes that answer a credential that cannot
// exist the same way — leaves it open (nil).
func activity(ps []pair) *bool {
	unauthenticated := 0
	for _, p := range ps {
		if knownFrom(p.real, p.control) {
			return ptr(true)
		}
		if p.real.Outcome == checkout.OutcomeUnauthenticated {
			unauthenticated++
		}
	}
	if unauthenticated > 0 && unauthenticated == len(ps) {
		return ptr(false)
	}
	return nil
}

func keyActiveCheck(s subject, active *bool, ps []pair) report.Check {
	c := report.Check{ID: report.CheckCredentialActive, Credential: s.c.Name(), Position: s.c.Spec.Position}
	public := s.c.Cred.Kind == credential.KindPublicKey || s.c.Cred.Kind == credential.KindPreviousPublicKey
	switch {
	case active == nil:
		c.Status, c.Title = report.StatusInconclusive, "Credential not verified"
		c.Message = fmt.Sprintf("could not tell whether %s is active: %s", s.who(), whyUnknown(ps))
		c.Remedy = "this is a network or Checkout.com fault, not a verdict on the key: re-run the job; if it persists, check the runner's network, proxy and " + s.api
	case *active:
		c.Status, c.Title = report.StatusPass, "Credential active"
		c.Message = fmt.Sprintf("%s is active in %s (%s)", s.who(), s.env, s.api)
	case public:
		c.Status, c.Title = report.StatusFail, "Credential not active"
		c.Message = fmt.Sprintf("%s answered 401 to POST /tokens made with %s: the public key is wrong, revoked, or belongs to another account or environment", s.api, s.who())
		c.Remedy = fmt.Sprintf("copy the public key again from the %s Dashboard (Developers > Keys) and update %s", s.env, secretRef(s.c))
	default:
		c.Status, c.Title = report.StatusFail, "Credential not active"
		c.Message = fmt.Sprintf("%s answered 401 to every request made with %s — %s and harmless lookups across the common scope families (%s): either the key is unknown, revoked or of another account or environment, or it holds none of those scopes",
			s.api, s.who(), plural(len(s.c.Targets), "endpoint", "endpoints"), familyNames())
		c.Remedy = fmt.Sprintf("in the %s Dashboard (Developers > Keys), look for the key ending %s: if it is missing or revoked, create a new one and update %s; if it is listed and active, it lacks every scope: add the ones its endpoints need",
			s.env, lastFour(s.c.Cred.Fingerprint()), secretRef(s.c))
	}
	return c
}

// whyUnknown says why a key's activity could not be told.
func whyUnknown(ps []pair) string {
	same := 0
	for _, p := range ps {
		if p.real.Outcome == checkout.OutcomeInconclusive {
			return inconclusiveEvidence(p.real)
		}
		if proofOf(p.real, p.control) == sameAsControl {
			same++
		}
	}
	if same > 0 {
		return "every route that answered it answered a credential that cannot exist the same way, so the answers say nothing about the key"
	}
	return "no answer"
}

func familyNames() string {
	return "payments, instruments, disputes, reports, workflows, accounts, transfers, balances"
}

func lastFour(fingerprint string) string {
	if i := strings.LastIndex(fingerprint, "…"); i >= 0 {
		return "…" + fingerprint[i+len("…"):]
	}
	return fingerprint
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
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
	case "", config.SecretKey, config.ClientID, config.PublicKey:
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
