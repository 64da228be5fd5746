package verify

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/oauth"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/plan"
)

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
	// The unscoped token is needed only when the first request is refused
	// invalid_scope; otherwise its request is cancelled. Either way it has
	// ended, and logged, before the check returns.
	uctx, stopUnscoped := context.WithCancel(ctx)
	unscoped := v.tokensEverywhere(uctx, c, nil)
	defer func() { stopUnscoped(); <-unscoped }()
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
	results := v.send(ctx, out.Environment, v.client(c.URLs[out.Environment]), reqs)
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
