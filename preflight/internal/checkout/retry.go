package checkout

import (
	"context"
	"time"

	"github.com/cenkalti/backoff/v5"
)

// Defaults of RetryPolicy.
const (
	DefaultMaxAttempts = 4
	DefaultInitial     = 200 * time.Millisecond
	DefaultMax         = 2 * time.Second
)

// RetryPolicy says how a probe answered with 429 or a server error, or
// lost to a transient network error, is retried: exponential backoff with
// jitter from Initial up to Max, or the answer's Retry-After capped at Max.
// A wait that would end after the context's deadline is not started: the
// probe stops at once with its last answer, inconclusive. The zero value
// means the defaults.
type RetryPolicy struct {
	// MaxAttempts counts every request, the first included; zero or less
	// means DefaultMaxAttempts, 1 means never retry.
	MaxAttempts int
	// Initial is the first wait; zero or less means DefaultInitial.
	Initial time.Duration
	// Max caps every wait, Retry-After included; zero or less means
	// DefaultMax.
	Max time.Duration
}

func (r RetryPolicy) withDefaults() RetryPolicy {
	if r.MaxAttempts <= 0 {
		r.MaxAttempts = DefaultMaxAttempts
	}
	if r.Initial <= 0 {
		r.Initial = DefaultInitial
	}
	if r.Max <= 0 {
		r.Max = DefaultMax
	}
	if r.Initial > r.Max {
		r.Initial = r.Max
	}
	return r
}

// boundedBackOff is an exponential backoff whose waits are capped at max
// and never outlast the context's deadline (backoff.Stop instead). A wait
// the server asked for (Retry-After) is queued with next.
type boundedBackOff struct {
	exp      *backoff.ExponentialBackOff
	max      time.Duration
	ctx      context.Context
	now      func() time.Time
	queued   time.Duration
	isQueued bool
}

func newBoundedBackOff(ctx context.Context, p RetryPolicy, now func() time.Time) *boundedBackOff {
	exp := backoff.NewExponentialBackOff()
	exp.InitialInterval, exp.MaxInterval, exp.Multiplier = p.Initial, p.Max, 2
	return &boundedBackOff{exp: exp, max: p.Max, ctx: ctx, now: now}
}

// fits caps d at max and reports whether waiting d ends before the
// deadline.
func (b *boundedBackOff) fits(d time.Duration) (time.Duration, bool) {
	d = min(d, b.max)
	if deadline, ok := b.ctx.Deadline(); ok && !b.now().Add(d).Before(deadline) {
		return d, false
	}
	return d, true
}

// next queues a server-requested wait for the following NextBackOff.
func (b *boundedBackOff) next(d time.Duration) { b.queued, b.isQueued = d, true }

func (b *boundedBackOff) NextBackOff() time.Duration {
	d := b.exp.NextBackOff()
	if b.isQueued {
		d, b.isQueued = b.queued, false
	}
	d, ok := b.fits(d)
	if !ok {
		return backoff.Stop
	}
	return d
}

func (b *boundedBackOff) Reset() { b.exp.Reset(); b.isQueued = false }
