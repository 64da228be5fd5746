package engine

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/credential"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/egress"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/probe"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// plan is a validated run: what to check and where to send requests.
type plan struct {
	creds     []*credPlan
	allowlist egress.Allowlist
	checks    []report.Check // configuration findings, in input order
	invalid   bool           // a configuration error: nothing may be sent
}

// credPlan is one credential ready to be checked.
type credPlan struct {
	in        CredentialInput
	cred      credential.Credential
	usable    bool                                          // the credential parsed; it may be checked
	endpoints []*endpointPlan                               // declared endpoints that matched the catalog
	scopes    []string                                      // scopes declared directly, deduplicated
	urls      map[credential.Environment]checkout.Endpoints // one per environment to try
	rep       report.Credential

	// Findings, filled in by the verifier; nil or zero when not reached.
	activeCheck report.Check  // credential.active; zero ID when not checked
	apiCheck    *report.Check // OAuth: the API refused the issued token
	scopeCheck  *report.Check // OAuth: credential.scopes
	scopeErr    error         // OAuth: some scopes could not be decided
}

// endpointPlan is one declared endpoint with its probe.
type endpointPlan struct {
	decl  config.Endpoint
	op    catalog.Operation
	probe probe.Probe
	rep   report.Endpoint
}

// newPlan validates every input. Configuration errors are collected as
// failing config.valid checks; unusable credentials as credential.format
// checks.
func newPlan(o Options) *plan {
	p := &plan{}
	p.allowlist = p.parseAllowlist(o.AllowedIPs)
	for _, in := range o.Credentials {
		p.creds = append(p.creds, p.planCredential(o, in))
	}
	return p
}

func (p *plan) configError(err error) {
	p.invalid = true
	var pos *report.Position
	var cerr *config.Error
	var eerr *egress.EntryError
	switch {
	case errors.As(err, &cerr) && !cerr.Pos.IsZero():
		pos = &cerr.Pos
	case errors.As(err, &eerr) && !eerr.Pos.IsZero():
		pos = &eerr.Pos
	}
	msg := err.Error()
	if pos != nil {
		// The position is shown beside the message; do not say it twice.
		msg = strings.TrimPrefix(msg, pos.String()+": ")
	}
	p.checks = append(p.checks, report.Check{
		ID: report.CheckConfig, Status: report.StatusFail, Title: "Invalid configuration",
		Message: msg, Position: pos,
		Remedy: "correct the value; nothing was sent to Checkout.com",
	})
}

// configErrors records each error joined in err separately.
func (p *plan) configErrors(err error) {
	if err == nil {
		return
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			p.configErrors(e)
		}
		return
	}
	p.configError(err)
}

func (p *plan) parseAllowlist(values []config.Value) egress.Allowlist {
	var list egress.Allowlist
	for _, v := range values {
		e, err := egress.ParseEntry(v.Text, v.Pos)
		if err != nil {
			p.configError(err)
			continue
		}
		list = append(list, e)
	}
	return list
}

func (p *plan) planCredential(o Options, in CredentialInput) *credPlan {
	cp := &credPlan{in: in, rep: report.Credential{Name: in.Name, Position: in.Position, Endpoints: []report.Endpoint{}, MissingScopes: []string{}}}
	env := firstNonEmpty(in.Environment, o.Environment, credential.Auto)
	cred, err := parseCredential(in, env)
	cp.cred = cred
	cp.rep.Kind = string(cred.Kind)
	cp.rep.Environment = string(cred.Environment)
	cp.rep.Fingerprint = cred.Fingerprint()
	var cerr *credential.Error
	switch {
	case err == nil:
		cp.usable = true
	case errors.As(err, &cerr) && (cerr.Mismatch || cerr.Setting == "environment"):
		p.configError(fmt.Errorf("credential %q: %w", in.Name, err))
	default:
		cp.rep.Kind = string(credential.KindUnknown)
		p.checks = append(p.checks, formatFailure(in, err))
	}
	cp.endpoints = p.planEndpoints(o.Catalog, in)
	cp.scopes = p.planScopes(o.Catalog, in)
	cp.urls = p.planURLs(o, in, cred)
	if cp.usable && cred.Kind != credential.KindOAuth {
		cp.endpoints = append(cp.endpoints, p.scopeProbes(o.Catalog, cp)...)
	}
	for _, ep := range cp.endpoints {
		cp.rep.Endpoints = append(cp.rep.Endpoints, ep.rep)
	}
	return cp
}

func parseCredential(in CredentialInput, env string) (credential.Credential, error) {
	if in.SecretKey != "" || (in.ClientID == "" && in.ClientSecret == "") {
		return credential.ParseSecretKey(firstNonEmpty(in.Setting, "secret-key"), in.SecretKey, env)
	}
	return credential.ParseOAuth(in.ClientID, in.ClientSecret, env)
}

func (p *plan) planEndpoints(cat *catalog.Catalog, in CredentialInput) []*endpointPlan {
	decls, dups, err := config.ParseEndpoints(in.Endpoints)
	p.configErrors(err)
	for _, d := range dups {
		p.checks = append(p.checks, report.Check{ID: report.CheckConfig, Status: report.StatusWarn, Credential: in.Name,
			Title: "Duplicate endpoint", Message: d.Message(), Position: positionOf(d.Endpoint.Pos)})
	}
	var out []*endpointPlan
	for _, d := range decls {
		m, err := cat.Match(d.Method, d.Path)
		if err != nil {
			p.configError(&config.Error{Pos: d.Pos, Message: err.Error()})
			continue
		}
		op := m.Operation
		ep := &endpointPlan{decl: d, op: op, probe: probe.For(op)}
		ep.rep = report.Endpoint{
			Endpoint: d.Raw, Method: op.Method, Path: d.Path, Template: op.Path, Host: op.Host,
			Scopes: op.Scopes(), RequiredScope: op.RequiredScope(), Status: report.EndpointNotChecked,
			MissingScopes: []string{}, Position: positionOf(d.Pos),
		}
		out = append(out, ep)
	}
	return out
}

// planURLs resolves the base URLs for each environment the credential may
// be tried in: its own, or both for an OAuth access key left to "auto".
func (p *plan) planURLs(o Options, in CredentialInput, cred credential.Credential) map[credential.Environment]checkout.Endpoints {
	envs := []credential.Environment{cred.Environment}
	if cred.Environment == "" {
		envs = []credential.Environment{credential.Sandbox, credential.Production}
	}
	urls := map[credential.Environment]checkout.Endpoints{}
	for _, e := range envs {
		u, err := checkout.ResolveEndpoints(string(e), firstNonEmpty(in.Prefix, o.Prefix), firstNonEmpty(in.APIURL, o.APIURL), firstNonEmpty(in.AuthURL, o.AuthURL))
		if err != nil {
			p.configError(err)
			return nil
		}
		urls[e] = u
	}
	return urls
}

func formatFailure(in CredentialInput, err error) report.Check {
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

func contains(list []string, v string) bool { return slices.Contains(list, v) }
