package engine

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/credential"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/oauth"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/probe"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// exchange is one token request's outcome.
type exchange struct {
	env credential.Environment
	tok oauth.Token
	err error
}

// checkOAuth exchanges an access key for a token carrying exactly the
// scopes the declared endpoints need, finds out which are missing when
// some are refused, then probes the endpoints with a token to prove the
// API accepts it from this machine.
func (v *verifier) checkOAuth(ctx context.Context, cp *credPlan) {
	required := cp.requiredScopes()
	first := v.exchangeAll(ctx, cp, required)
	cp.cred.Environment = first.env
	cp.rep.Environment = string(first.env)
	urls := cp.urls[first.env]
	var oerr *oauth.Error
	switch {
	case first.err == nil:
		cp.rep.Active = ptr(true)
		cp.rep.GrantedScopes = nonNilScopes(first.tok.Scopes)
		cp.activeCheck = oauthActiveCheck(cp, urls.Token, nil)
		v.probeWithTokens(ctx, cp, urls, []oauth.Token{first.tok})
	case errors.As(first.err, &oerr) && oerr.Code == oauth.CodeInvalidScope:
		cp.rep.Active = ptr(true)
		cp.activeCheck = oauthActiveCheck(cp, urls.Token, nil)
		tokens, missing, err := v.resolveScopes(ctx, cp, urls.Token, required)
		cp.rep.MissingScopes = missing
		if err != nil {
			cp.scopeErr = err
		}
		v.probeWithTokens(ctx, cp, urls, tokens)
	default:
		if len(cp.urls) > 1 {
			// No environment knew the client: its environment is unknown.
			cp.cred.Environment, cp.rep.Environment = "", ""
		}
		cp.rep.Active = oauthActive(first.err)
		cp.activeCheck = oauthActiveCheck(cp, tokenURLs(cp), first.err)
	}
	cp.scopeCheck = scopesCheck(cp, required)
}

// exchangeAll asks for a token in every environment the credential may
// belong to, concurrently, and keeps the most telling answer: a token,
// then invalid_scope (the environment knows the client), then any other.
func (v *verifier) exchangeAll(ctx context.Context, cp *credPlan, scopes []string) exchange {
	var (
		mu  sync.Mutex
		got []exchange
		wg  sync.WaitGroup
	)
	for env, urls := range cp.urls {
		wg.Go(func() {
			tok, err := v.exchange(ctx, cp, urls.Token, scopes)
			mu.Lock()
			got = append(got, exchange{env: env, tok: tok, err: err})
			mu.Unlock()
		})
	}
	wg.Wait()
	best := got[0]
	for _, e := range got[1:] {
		if rank(e) > rank(best) || (rank(e) == rank(best) && e.env == credential.Sandbox) {
			best = e
		}
	}
	return best
}

func rank(e exchange) int {
	var oerr *oauth.Error
	switch {
	case e.err == nil:
		return 4
	case errors.As(e.err, &oerr) && oerr.Code == oauth.CodeInvalidScope:
		return 3
	case errors.As(e.err, &oerr) && !oerr.Inconclusive():
		return 1
	default:
		return 2 // inconclusive beats a refusal: the other environment may be the right one
	}
}

// exchange requests one token and masks it before anything else sees it.
func (v *verifier) exchange(ctx context.Context, cp *credPlan, tokenURL string, scopes []string) (oauth.Token, error) {
	select {
	case v.sem <- struct{}{}:
	case <-ctx.Done():
		return oauth.Token{}, fmt.Errorf("token request not sent before the deadline: %w", ctx.Err())
	}
	defer func() { <-v.sem }()
	cfg := oauth.Config{TokenURL: tokenURL, HTTPClient: v.tokenClient, Now: v.o.Now}
	tok, err := cfg.Exchange(ctx, cp.cred.ClientID(), cp.cred.Secret(), scopes)
	if err == nil {
		v.o.Mask(tok.AccessToken())
	}
	return tok, err
}

// resolveScopes asks for each required scope on its own, concurrently, to
// learn exactly which are missing. It returns the tokens obtained (each
// carrying one granted scope), the missing scopes, and an error when some
// scopes could not be decided.
func (v *verifier) resolveScopes(ctx context.Context, cp *credPlan, tokenURL string, scopes []string) ([]oauth.Token, []string, error) {
	results := make([]exchange, len(scopes))
	var wg sync.WaitGroup
	for i, s := range scopes {
		wg.Go(func() {
			tok, err := v.exchange(ctx, cp, tokenURL, []string{s})
			results[i] = exchange{tok: tok, err: err}
		})
	}
	wg.Wait()
	var (
		tokens  []oauth.Token
		missing = []string{}
		errs    []error
	)
	for i, r := range results {
		var oerr *oauth.Error
		switch {
		case r.err == nil:
			tokens = append(tokens, r.tok)
		case errors.As(r.err, &oerr) && oerr.Code == oauth.CodeInvalidScope:
			missing = append(missing, scopes[i])
		default:
			errs = append(errs, fmt.Errorf("scope %q: %w", scopes[i], r.err))
		}
	}
	return tokens, missing, errors.Join(errs...)
}

// probeWithTokens probes every endpoint some token grants with that
// token; endpoints no token grants are reported as missing a scope without
// a request. With no endpoint declared, one harmless request proves that
// the API accepts a token from this machine.
func (v *verifier) probeWithTokens(ctx context.Context, cp *credPlan, urls checkout.Endpoints, tokens []oauth.Token) {
	var (
		probes []probe.Probe
		auths  []string
		eps    []*endpointPlan
	)
	for _, ep := range cp.endpoints {
		tok, ok := tokenFor(tokens, ep.op)
		if !ok {
			judgeMissingScope(ep, cp)
			continue
		}
		probes, auths, eps = append(probes, ep.probe), append(auths, "Bearer "+tok.AccessToken()), append(eps, ep)
	}
	if !slices.ContainsFunc(probes, func(p probe.Probe) bool { return p.Skip == "" }) && len(tokens) > 0 {
		probes, auths = append(probes, activityProbe(v.o.Catalog)), append(auths, "Bearer "+tokens[0].AccessToken())
	}
	results := v.probeEach(ctx, v.client(urls), auths, probes)
	for i, ep := range eps {
		judgeTokenEndpoint(ep, results[i])
	}
	cp.apiCheck = apiAcceptsToken(cp, results, urls.API)
}

// probeEach is probeAll with one Authorization value per probe.
func (v *verifier) probeEach(ctx context.Context, c *checkout.Client, auths []string, probes []probe.Probe) []checkout.Result {
	results := make([]checkout.Result, len(probes))
	var wg sync.WaitGroup
	for i := range probes {
		wg.Go(func() {
			results[i] = v.probeAll(ctx, c, auths[i], probes[i:i+1])[0]
		})
	}
	wg.Wait()
	return results
}

// tokenFor returns a token whose scopes grant op; for an operation with
// unknown scopes, any token.
func tokenFor(tokens []oauth.Token, op catalog.Operation) (oauth.Token, bool) {
	for _, t := range tokens {
		if !op.KnownScopes() || catalog.Satisfies(t.Scopes, op.Scopes()) {
			return t, true
		}
	}
	return oauth.Token{}, false
}

func judgeMissingScope(ep *endpointPlan, cp *credPlan) {
	ep.rep.Status = report.EndpointMissingScope
	ep.rep.MissingScopes = []string{ep.rep.RequiredScope}
	ep.rep.Evidence = fmt.Sprintf("the access key was refused every scope that grants this endpoint (%s)", strings.Join(ep.rep.Scopes, ", "))
	if len(ep.rep.Scopes) == 0 {
		ep.rep.Evidence = "no OAuth scope grants this endpoint: call it with a secret key"
		ep.rep.MissingScopes = []string{}
	}
}

// judgeTokenEndpoint reads a probe made with a token that carries a scope
// granting the endpoint: a 403 then points at an account-side or network
// restriction rather than a scope.
func judgeTokenEndpoint(ep *endpointPlan, r checkout.Result) {
	if judgeCommon(ep, r) {
		return
	}
	if r.Outcome == checkout.OutcomeAuthorized {
		ep.rep.Status = report.EndpointAuthorized
		ep.rep.Evidence = "the token carries a granting scope and the probe got past authorisation"
		return
	}
	ep.rep.Status = report.EndpointForbidden
	ep.rep.Evidence = "refused although the token carries a scope that grants this endpoint: an account-side restriction (processing channel, entity) or a network policy refuses it"
}

// requiredScopes returns the scopes to request: the most specific scope of
// every declared endpoint whose scopes are known, then the scopes declared
// directly, each once, in declaration order.
func (cp *credPlan) requiredScopes() []string {
	var out []string
	add := func(s string) {
		if s != "" && !contains(out, s) {
			out = append(out, s)
		}
	}
	for _, ep := range cp.endpoints {
		add(ep.op.RequiredScope())
	}
	for _, s := range cp.scopes {
		add(s)
	}
	return out
}

func oauthActive(err error) *bool {
	var oerr *oauth.Error
	if errors.As(err, &oerr) && !oerr.Inconclusive() {
		return ptr(false)
	}
	return nil
}

func nonNilScopes(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
