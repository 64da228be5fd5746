package verify

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/credential"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/oauth"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/plan"
)

// exchange is one token request's outcome.
type exchange struct {
	env credential.Environment
	tok oauth.Token
	err error
}

// scopeControls asks, in every environment c may belong to, for a token
// carrying only c.ControlScope (see tokensEverywhere); nothing is asked,
// and the map is empty, when c has no control scope.
func (v *verifier) scopeControls(ctx context.Context, c plan.Credential) <-chan map[credential.Environment]oauth.Token {
	if c.ControlScope == "" {
		done := make(chan map[credential.Environment]oauth.Token, 1)
		done <- nil
		close(done)
		return done
	}
	return v.tokensEverywhere(ctx, c, []string{c.ControlScope})
}

// tokensEverywhere asks, in every environment c may belong to, for a token
// carrying scopes (none: no scope parameter). The channel yields, once all
// answered, the tokens issued by environment (refusals and errors leave
// their environment out), then is closed: a receive after the first
// returns a nil map at once, so that one may wait for the requests' end
// whether or not their tokens were read.
func (v *verifier) tokensEverywhere(ctx context.Context, c plan.Credential, scopes []string) <-chan map[credential.Environment]oauth.Token {
	done := make(chan map[credential.Environment]oauth.Token, 1)
	go func() {
		var (
			mu  sync.Mutex
			got = map[credential.Environment]oauth.Token{}
			wg  sync.WaitGroup
		)
		for env := range c.URLs {
			wg.Go(func() {
				if tok, err := v.exchange(ctx, c, env, scopes); err == nil {
					mu.Lock()
					got[env] = tok
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		done <- got
		close(done)
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
	for env := range c.URLs {
		wg.Go(func() {
			tok, err := v.exchange(ctx, c, env, scopes)
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

// exchange requests one token from env's token endpoint and masks it
// before anything else sees it.
func (v *verifier) exchange(ctx context.Context, c plan.Credential, env credential.Environment, scopes []string) (oauth.Token, error) {
	writes := v.budgets(env).writes
	if !writes.acquire(ctx, true) {
		return oauth.Token{}, fmt.Errorf("token request not sent before the deadline: %w", ctx.Err())
	}
	defer writes.release()
	cfg := oauth.Config{TokenURL: c.URLs[env].Token, HTTPClient: v.o.HTTPClient, Now: v.o.Now, Mask: v.o.Mask, Debug: v.o.Debug}
	return cfg.Exchange(ctx, c.Cred.ClientID(), c.Cred.Secret(), scopes)
}
