package verify

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/credential"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/oauth"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/plan"
)

// errRefusedTogether is the scope error of a key refused its required
// scopes together (invalid_scope) while each was shown held on its own.
var errRefusedTogether = errors.New("the token endpoint refused the required scopes together (invalid_scope) but issued each one on its own; ask Checkout.com support why, and request the scopes your code needs together to reproduce it")

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
		tokens, missing, err = v.resolveScopes(ctx, c, out.Environment, undecided)
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

// resolveScopes asks env's token endpoint for each required scope on its
// own, concurrently, to
// learn exactly which are missing. It returns the tokens obtained (each
// carrying one granted scope), the missing scopes (never nil), and an
// error when some scopes could not be decided.
func (v *verifier) resolveScopes(ctx context.Context, c plan.Credential, env credential.Environment, scopes []string) ([]oauth.Token, []string, error) {
	results := make([]exchange, len(scopes))
	var wg sync.WaitGroup
	for i, s := range scopes {
		wg.Go(func() {
			tok, err := v.exchange(ctx, c, env, []string{s})
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
