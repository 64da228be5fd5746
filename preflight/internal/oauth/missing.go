package oauth

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

// DefaultParallelism is how many token requests MissingScopes runs at once
// when given a parallelism of zero or less.
const DefaultParallelism = 4

// MissingScopes finds which scopes an access key lacks, after Exchange has
// answered invalid_scope for them together: it asks for each scope on its
// own, at most parallelism requests at a time (DefaultParallelism when
// parallelism <= 0), each with Exchange's one retry.
//
// missing holds exactly the scopes refused with invalid_scope and granted
// the scopes for which a token was issued, each once and in the order of
// scopes; an empty scopes list asks nothing and returns nils. Scopes whose
// request ended any other way (a transport failure, a 5xx, invalid_client,
// a cancelled context) are in neither list, and err then says why for each
// of them: the result is inconclusive, and errors.As finds the
// [*TransportError] or [*Error] of the first such scope. Invalid
// configuration or scopes return a plain error before anything is sent.
func (c Config) MissingScopes(ctx context.Context, clientID, clientSecret string, scopes []string, parallelism int) (missing, granted []string, err error) {
	if _, err := c.check(); err != nil {
		return nil, nil, err
	}
	requested, err := requestScopes(scopes)
	if err != nil || len(requested) == 0 {
		return nil, nil, err
	}
	if parallelism <= 0 {
		parallelism = DefaultParallelism
	}
	results := make([]error, len(requested))
	sem := make(chan struct{}, min(parallelism, len(requested)))
	var wg sync.WaitGroup
	for i, scope := range requested {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			results[i] = fmt.Errorf("not asked: %w", context.Cause(ctx))
			continue
		}
		wg.Go(func() {
			defer func() { <-sem }()
			_, results[i] = c.Exchange(ctx, clientID, clientSecret, []string{scope})
		})
	}
	wg.Wait()

	var errs []error
	for i, scope := range requested {
		var e *Error
		switch err := results[i]; {
		case err == nil:
			granted = append(granted, scope)
		case errors.As(err, &e) && e.Code == CodeInvalidScope:
			missing = append(missing, scope)
		default:
			errs = append(errs, fmt.Errorf("scope %q: %w", scope, err))
		}
	}
	if len(errs) > 0 {
		return missing, granted, fmt.Errorf("oauth: could not check %d of %d scopes, so the missing scopes are not all known: %w",
			len(errs), len(requested), errors.Join(errs...))
	}
	return missing, granted, nil
}
