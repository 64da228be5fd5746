package verify

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
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/plan"
)

// errRefusedTogether is the scope error of a key refused its required
// scopes together (invalid_scope) while each was shown held on its own.
var errRefusedTogether = errors.New("the token endpoint refused the required scopes together (invalid_scope) but issued each one on its own; ask Checkout.com support why, and request the scopes your code needs together to reproduce it")

// exchange is one token request's outcome.
type exchange struct {
	env credential.Environment
	tok oauth.Token
	err error
}

// oauth exchanges an access key for a token carrying exactly the required
// scopes, finds out which are missing when some are refused, then probes
// the targets with a token that grants each, to prove the API accepts it
// from this machine.
//
// Three token requests go out at once in every environment the key may
// belong to: the required scopes, the scope control's (when there is one),
// and one asking for no scope, whose token lists what the key holds. When
// the first is refused invalid_scope, the scopes the unscoped token lists
// are held (an issued token proves it) and the targets they grant are
// probed with it at once, while each other required scope is asked for on
// its own to prove it missing: the refusal costs no round trip of its own.
func (v *verifier) oauth(ctx context.Context, c plan.Credential) Credential {
	controls := v.scopeControls(ctx, c)
	unscoped := v.tokensEverywhere(ctx, c, nil)
	first := v.exchangeAll(ctx, c, c.Required)
	out := Credential{Checked: true, Environment: first.env, Targets: make([]checkout.Result, len(c.Targets))}
	tok := &Token{Err: first.err, TokenURL: c.URLs[first.env].Token, Tried: len(c.URLs), Missing: []string{}, Granting: make([]bool, len(c.Targets))}
	out.Token = tok
	out.Controls = make([]checkout.Result, len(c.Targets))
	tok.ScopeControls = make([]*checkout.Result, len(c.Targets))
	var scopeControl *oauth.Token
	if control, ok := (<-controls)[first.env]; ok {
		scopeControl = &control
		tok.ControlScopes = nonNil(control.Scopes)
	}
	var oerr *oauth.Error
	switch {
	case first.err == nil:
		tok.Granted = nonNil(first.tok.Scopes)
		v.probeWithTokens(ctx, c, &out, []oauth.Token{first.tok}, scopeControl)
	case errors.As(first.err, &oerr) && oerr.Code == oauth.CodeInvalidScope:
		held, _ := (<-unscoped)[first.env]
		v.resolveAndProbe(ctx, c, &out, held, scopeControl)
	default:
		if len(c.URLs) > 1 {
			// No environment knew the client: its environment is unknown.
			out.Environment = ""
			tok.TokenURL = tokenURLs(c)
		}
		for i := range out.Targets {
			out.Targets[i] = checkout.Result{Outcome: checkout.OutcomeNotChecked}
		}
	}
	return out
}

// resolveAndProbe handles a first exchange refused invalid_scope. held is
// the token issued for no scope in out's environment (the zero Token when
// none was, or when it does not say what it grants): the targets it grants
// are probed with it while the required scopes it does not list are asked
// for one by one; then the targets those tokens grant are probed. Without
// held, every required scope is asked for on its own first.
func (v *verifier) resolveAndProbe(ctx context.Context, c plan.Credential, out *Credential, held oauth.Token, scopeControl *oauth.Token) {
	var first []oauth.Token
	undecided := c.Required
	if lists(held) {
		if rest := notGranted(c.Required, held.Scopes); len(rest) > 0 {
			first, undecided = []oauth.Token{held}, rest
		}
		// A token listing every required scope contradicts the refusal:
		// it proves nothing, and every scope is asked for on its own.
	}
	done := make(chan struct{})
	var (
		tokens  []oauth.Token
		missing []string
		err     error
	)
	go func() {
		defer close(done)
		tokens, missing, err = v.resolveScopes(ctx, c, c.URLs[out.Environment].Token, undecided)
	}()
	if len(first) > 0 {
		v.probeWithTokens(ctx, c, out, first, scopeControl)
	}
	<-done
	if err == nil && len(missing) == 0 {
		// Refused together, yet no scope is missing: whatever the
		// server's reason, production's token request fails; nothing here
		// says why, so the scopes are not verified.
		err = errRefusedTogether
	}
	out.Token.Missing, out.Token.ScopeErr = missing, err
	v.probeWithTokens(ctx, c, out, tokens, scopeControl)
}

// lists reports whether t is a token that says which scopes it carries
// (the response or the JWT does; scopes echoed from the request do not).
func lists(t oauth.Token) bool {
	return t.AccessToken() != "" && t.Scopes != nil && t.ScopeSource != oauth.ScopeSourceRequested
}

// notGranted returns the scopes of required that no scope of granted
// grants (catalog.Grants), in order.
func notGranted(required, granted []string) []string {
	var out []string
	for _, r := range required {
		if !catalog.Satisfies(granted, []string{r}) {
			out = append(out, r)
		}
	}
	return out
}

// scopeControls asks, in every environment c may belong to, for a token
// carrying only c.ControlScope (see tokensEverywhere); nothing is asked,
// and the map is empty, when c has no control scope.
func (v *verifier) scopeControls(ctx context.Context, c plan.Credential) <-chan map[credential.Environment]oauth.Token {
	if c.ControlScope == "" {
		done := make(chan map[credential.Environment]oauth.Token, 1)
		done <- nil
		return done
	}
	return v.tokensEverywhere(ctx, c, []string{c.ControlScope})
}

// tokensEverywhere asks, in every environment c may belong to, for a token
// carrying scopes (none: no scope parameter). The channel yields, once all
// answered, the tokens issued by environment; refusals and errors leave
// their environment out.
func (v *verifier) tokensEverywhere(ctx context.Context, c plan.Credential, scopes []string) <-chan map[credential.Environment]oauth.Token {
	done := make(chan map[credential.Environment]oauth.Token, 1)
	go func() {
		var (
			mu  sync.Mutex
			got = map[credential.Environment]oauth.Token{}
			wg  sync.WaitGroup
		)
		for env, urls := range c.URLs {
			wg.Go(func() {
				if tok, err := v.exchange(ctx, c, urls.Token, scopes); err == nil {
					mu.Lock()
					got[env] = tok
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		done <- got
	}()
	return done
}

// exchangeAll asks for a token in every environment the credential may
// belong to, concurrently, and keeps the most telling answer: a token,
// then invalid_scope (the environment knows the client), then an
// inconclusive answer (the other environment may be the right one), then
// a refusal; sandbox wins ties.
func (v *verifier) exchangeAll(ctx context.Context, c plan.Credential, scopes []string) exchange {
	var (
		mu  sync.Mutex
		got []exchange
		wg  sync.WaitGroup
	)
	for env, urls := range c.URLs {
		wg.Go(func() {
			tok, err := v.exchange(ctx, c, urls.Token, scopes)
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
		return 2
	}
}

// exchange requests one token and masks it before anything else sees it.
func (v *verifier) exchange(ctx context.Context, c plan.Credential, tokenURL string, scopes []string) (oauth.Token, error) {
	if !v.acquire(ctx, v.writes) {
		return oauth.Token{}, fmt.Errorf("token request not sent before the deadline: %w", ctx.Err())
	}
	defer func() { <-v.writes }()
	cfg := oauth.Config{TokenURL: tokenURL, HTTPClient: v.o.HTTPClient, Now: v.o.Now, Mask: v.o.Mask, Debug: v.o.Debug}
	return cfg.Exchange(ctx, c.Cred.ClientID(), c.Cred.Secret(), scopes)
}

// resolveScopes asks for each required scope on its own, concurrently, to
// learn exactly which are missing. It returns the tokens obtained (each
// carrying one granted scope), the missing scopes (never nil), and an
// error when some scopes could not be decided.
func (v *verifier) resolveScopes(ctx context.Context, c plan.Credential, tokenURL string, scopes []string) ([]oauth.Token, []string, error) {
	results := make([]exchange, len(scopes))
	var wg sync.WaitGroup
	for i, s := range scopes {
		wg.Go(func() {
			tok, err := v.exchange(ctx, c, tokenURL, []string{s})
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

// probeWithTokens probes every target some token grants with that token,
// and with the control credential; a target the scope control's token does
// not grant is also sent with that token. Targets already probed (Granting
// true, from an earlier call) are left alone; the others no token grants
// are OutcomeNotChecked with Granting false. When no target has been sent
// with a token, by this call or an earlier one, the activity target proves
// that the API accepts a token from this machine. out.Controls and
// out.Token.ScopeControls must already parallel c.Targets.
func (v *verifier) probeWithTokens(ctx context.Context, c plan.Credential, out *Credential, tokens []oauth.Token, scopeControl *oauth.Token) {
	type slot struct{ real, control, scope int }
	var reqs []request
	add := func(r request) int { reqs = append(reqs, r); return len(reqs) - 1 }
	slots := make([]slot, len(c.Targets))
	sentBefore := out.Activity != nil
	for i, t := range c.Targets {
		slots[i] = slot{-1, -1, -1}
		if out.Token.Granting[i] {
			sentBefore = sentBefore || t.Probe.Skip == ""
			continue
		}
		tok, ok := tokenFor(tokens, t.Op)
		if !ok {
			out.Targets[i] = checkout.Result{Outcome: checkout.OutcomeNotChecked}
			continue
		}
		out.Token.Granting[i] = true
		slots[i].real = add(request{authorization: "Bearer " + tok.AccessToken(), probe: t.Probe})
		slots[i].control = add(request{authorization: c.Control, probe: t.Probe, control: true})
		if scopeControl != nil && t.Op.KnownScopes() && !catalog.Satisfies(scopeControl.Scopes, t.Op.Scopes()) {
			slots[i].scope = add(request{authorization: "Bearer " + scopeControl.AccessToken(), probe: t.Probe})
		}
	}
	activity := -1
	if !sentBefore && !slices.ContainsFunc(reqs, func(r request) bool { return r.probe.Skip == "" && !r.control }) && len(tokens) > 0 {
		activity = add(request{authorization: "Bearer " + tokens[0].AccessToken(), probe: c.Activity.Probe})
	}
	if len(reqs) == 0 {
		return
	}
	results := v.send(ctx, v.client(c.URLs[out.Environment]), reqs)
	for i, s := range slots {
		if s.real < 0 {
			continue
		}
		out.Targets[i], out.Controls[i] = results[s.real], results[s.control]
		out.Token.APIResults = append(out.Token.APIResults, results[s.real])
		if s.scope >= 0 {
			out.Token.ScopeControls[i] = &results[s.scope]
		}
	}
	if activity >= 0 {
		out.Activity = &results[activity]
		out.Token.APIResults = append(out.Token.APIResults, results[activity])
	}
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

// tokenURLs names the token endpoints a credential was tried at.
func tokenURLs(c plan.Credential) string {
	var urls []string
	for _, u := range c.URLs {
		urls = append(urls, u.Token)
	}
	slices.Sort(urls)
	return strings.Join(slices.Compact(urls), " and ")
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
