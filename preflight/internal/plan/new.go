package plan

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/credential"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/probe"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/spec"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// New plans run against cat (nil means catalog.Default()), with the
// declared endpoints only (see WithCalls).
func New(run spec.Run, cat *catalog.Catalog) Plan {
	if cat == nil {
		cat = catalog.Default()
	}
	return build(run, cat, nil)
}

// build plans run with the calls found for each credential (see
// WithCalls).
func build(run spec.Run, cat *catalog.Catalog, calls [][]Call) Plan {
	b := &builder{cat: cat}
	p := Plan{Run: run, cat: cat}
	for i, in := range run.Credentials {
		var found []Call
		if i < len(calls) {
			found = calls[i]
		}
		p.Credentials = append(p.Credentials, b.credential(in, found))
	}
	b.checkGroups(p.Credentials)
	p.Findings, p.Invalid = append(b.errors, b.others...), len(b.errors) > 0
	return p
}

// Invalid is the plan of a run whose settings could not be resolved: one
// failing config.valid check per error joined in err (see ConfigError).
func Invalid(err error) Plan {
	b := &builder{}
	b.configErrors(err)
	return Plan{Findings: b.errors, Invalid: true}
}

// builder collects the findings of one New.
type builder struct {
	cat    *catalog.Catalog
	errors []report.Check // configuration errors
	others []report.Check // warnings and unusable credentials
}

func (b *builder) credential(in spec.Credential, calls []Call) Credential {
	c := Credential{Spec: in}
	cred, err := parseCredential(in)
	c.Cred = cred
	var cerr *credential.Error
	switch {
	case err == nil:
		c.Usable = true
	case errors.As(err, &cerr) && (cerr.Mismatch || cerr.Setting == "environment"):
		b.configError(fmt.Errorf("credential %q: %w", in.Name, err))
	default:
		c.Cred.Kind = credential.KindUnknown
		b.others = append(b.others, formatFailure(in, err))
	}
	b.others = append(b.others, duplicates(in)...)
	c.Targets = b.declared(in)
	if !in.IsPublicKey() {
		c.Targets, c.Unmatched = b.addCalls(c.Targets, calls)
	}
	c.Scopes = b.scopes(in)
	if c.Usable {
		c.URLs = b.urls(in, cred)
	}
	switch {
	case !c.Usable:
	case cred.Kind == credential.KindOAuth:
		c.Required = required(c.Targets, c.Scopes)
		c.ControlScope = controlScope(c.Required, c.Targets)
	case in.IsPublicKey():
		c.Targets = b.publicTargets()
	default:
		c.Targets = append(c.Targets, b.scopeTargets(in.Name, c.Targets, c.Scopes)...)
		c.Families = families(b.cat, c.Targets)
	}
	if c.Usable {
		c.Control = controlAuthorization(cred)
	}
	c.Activity = activity(b.cat)
	return c
}

func parseCredential(in spec.Credential) (credential.Credential, error) {
	switch {
	case in.IsPublicKey():
		return credential.ParsePublicKey(firstNonEmpty(in.Setting, "public-key"), in.PublicKey, in.Environment)
	case in.IsOAuth():
		return credential.ParseOAuth(in.ClientID, in.ClientSecret, in.Environment)
	}
	return credential.ParseSecretKey(firstNonEmpty(in.Setting, "secret-key"), in.SecretKey, in.Environment)
}

// publicTargets is what a public key is checked with: POST /tokens, the
// one endpoint it may call, probed with a body that cannot tokenise
// anything (so an active key is answered 422, an unknown one 401).
func (b *builder) publicTargets() []Target {
	m, err := b.cat.Match("POST", "/tokens")
	if err != nil {
		op := catalog.Operation{Method: "POST", Host: "api", Path: "/tokens"}
		return []Target{{Decl: config.Endpoint{Method: "POST", Path: "/tokens", Raw: "POST /tokens"}, Op: op, Probe: probe.For(op), Origin: OriginPublic}}
	}
	op := m.Operation
	return []Target{{Decl: config.Endpoint{Method: op.Method, Path: op.Path, Raw: op.String()}, Op: op, Probe: probe.For(op), Origin: OriginPublic}}
}

// declared matches each declared endpoint in the catalog.
func (b *builder) declared(in spec.Credential) []Target {
	var out []Target
	for _, d := range in.Endpoints {
		m, err := b.cat.Match(d.Method, d.Path)
		if err != nil {
			b.configError(&config.Error{Pos: d.Pos, Message: err.Error(), Title: "Unknown endpoint: " + d.Method + " " + shownPath(d.Path)})
			continue
		}
		out = append(out, Target{Decl: d, Op: m.Operation, Probe: probe.For(m.Operation), Origin: OriginDeclared})
	}
	return out
}

// urls resolves the base URLs of each environment the credential may be
// tried in: its own, or both for an OAuth access key left to "auto".
func (b *builder) urls(in spec.Credential, cred credential.Credential) map[credential.Environment]checkout.Endpoints {
	envs := []credential.Environment{cred.Environment}
	if cred.Environment == "" {
		envs = []credential.Environment{credential.Sandbox, credential.Production}
	}
	urls := map[credential.Environment]checkout.Endpoints{}
	for _, e := range envs {
		u, err := checkout.ResolveEndpoints(string(e), in.Prefix, in.APIURL, in.AuthURL)
		if err != nil {
			b.configError(err)
			return nil
		}
		urls[e] = u
	}
	return urls
}

// required returns the scopes an OAuth access key asks for.
func required(targets []Target, declared []string) []string {
	var out []string
	add := func(s string) {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	for _, t := range targets {
		add(t.Op.RequiredScope())
	}
	for _, s := range declared {
		add(s)
	}
	return out
}

// activity is the harmless request that proves a credential active when
// no endpoint can be probed: a payment lookup by a non-existent id.
func activity(cat *catalog.Catalog) *Target {
	m, err := cat.Match("GET", "/payments/{id}")
	if err != nil {
		op := catalog.Operation{Method: "GET", Host: "api", Path: "/payments/{id}"}
		return &Target{Op: op, Probe: probe.For(op), Origin: OriginActivity}
	}
	return &Target{Decl: config.Endpoint{Method: "GET", Path: m.Operation.Path, Raw: m.Operation.String()},
		Op: m.Operation, Probe: probe.For(m.Operation), Origin: OriginActivity}
}

// ConfigError is the check for one configuration error: failing
// config.valid, at the error's position when it carries one, which the
// message then does not repeat.
func ConfigError(err error) report.Check {
	var pos *report.Position
	var cerr *config.Error
	var eerr interface{ Position() report.Position }
	switch {
	case errors.As(err, &cerr) && !cerr.Pos.IsZero():
		pos = &cerr.Pos
	case errors.As(err, &eerr) && !eerr.Position().IsZero():
		p := eerr.Position()
		pos = &p
	}
	msg := err.Error()
	if pos != nil {
		msg = strings.TrimPrefix(msg, pos.String()+": ")
	}
	title := "Invalid configuration"
	var kerr *credential.Error
	switch {
	case errors.As(err, &cerr) && cerr.Title != "":
		title = cerr.Title
	case errors.As(err, &kerr) && kerr.Setting == "environment":
		title = "Environment contradicts the key"
	case errors.As(err, &kerr) && kerr.Mismatch:
		title = "Credential in the wrong setting"
	}
	return report.Check{
		ID: report.CheckConfig, Status: report.StatusFail, Title: title,
		Message: msg, Position: pos,
		Remedy: "correct the value; nothing was sent to Checkout.com",
	}
}

func (b *builder) configError(err error) { b.errors = append(b.errors, ConfigError(err)) }

// configErrors records each error joined in err separately.
func (b *builder) configErrors(err error) {
	if err == nil {
		return
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			b.configErrors(e)
		}
		return
	}
	b.configError(err)
}

func formatFailure(in spec.Credential, err error) report.Check {
	return report.Check{
		ID: report.CheckCredentialFormat, Status: report.StatusFail, Credential: in.Name,
		Title: "Unusable credential", Message: err.Error(), Position: in.Position,
		Remedy: "fix the secret's value; nothing was sent with it",
	}
}

func positionOf(p report.Position) *report.Position {
	if p.IsZero() {
		return nil
	}
	return &p
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

// duplicates warns once about each endpoint declared more than once, at
// its first repeat, with the number of repeats.
func duplicates(in spec.Credential) []report.Check {
	var out []report.Check
	for _, d := range in.Duplicates {
		out = append(out, report.Check{ID: report.CheckConfig, Status: report.StatusWarn, Credential: in.Name,
			Title: "Duplicate endpoint", Message: d.Message(), Position: positionOf(d.Endpoint.Pos)})
	}
	return out
}

// checkGroups refuses credentials declared together (a config entry's
// secret key and public key, or the inputs) whose environments disagree:
// a sandbox public key beside a production secret key is a mistake that
// would fail in production.
func (b *builder) checkGroups(creds []Credential) {
	first := map[string]Credential{}
	for _, c := range creds {
		if !c.Usable || c.Cred.Environment == "" || c.Spec.Group == "" {
			continue
		}
		f, ok := first[c.Spec.Group]
		if !ok {
			first[c.Spec.Group] = c
			continue
		}
		if f.Cred.Environment != c.Cred.Environment {
			b.errors = append(b.errors, ConfigError(&config.Error{Message: fmt.Sprintf(
				"%s %s belongs to %s but %s %s, declared with it, belongs to %s; use keys of one environment",
				f.Cred.Kind.Label(), f.Cred.Fingerprint(), f.Cred.Environment, c.Cred.Kind.Label(), c.Cred.Fingerprint(), c.Cred.Environment)}))
		}
	}
}

// shownPath is a declared path as a title shows it: as written, unless it
// looks like a credential (then config.Quote's placeholder).
func shownPath(p string) string {
	if q := config.Quote(p); strings.HasPrefix(q, "(") {
		return q
	}
	return p
}
