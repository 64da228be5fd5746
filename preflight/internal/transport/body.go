package transport

import (
	"context"
	"errors"
	"sync/atomic"
	"time"
)

// DefaultBodyWait is how long a body may take to arrive once its status
// and headers have: the status is what matters, and a body that trickles
// in must not hold a check for the whole request timeout.
const DefaultBodyWait = 2 * time.Second

// errSlowBody is the cause of a body deadline.
var errSlowBody = errors.New("the answer's body did not arrive in time")

// BodyDeadline bounds the time a response body takes to arrive. Send the
// request with Context(); call Start when the headers are in, Stop once
// the body is read. The zero value is not usable: use WithBodyDeadline.
type BodyDeadline struct {
	ctx     context.Context
	cancel  context.CancelCauseFunc
	timer   atomic.Pointer[time.Timer]
	expired atomic.Bool
}

// WithBodyDeadline returns a BodyDeadline whose context is ctx's child.
func WithBodyDeadline(ctx context.Context) *BodyDeadline {
	c, cancel := context.WithCancelCause(ctx)
	return &BodyDeadline{ctx: c, cancel: cancel}
}

// Context is the context to send the request with.
func (b *BodyDeadline) Context() context.Context { return b.ctx }

// Start gives the body wait (DefaultBodyWait when zero or less) from now.
func (b *BodyDeadline) Start(wait time.Duration) {
	if wait <= 0 {
		wait = DefaultBodyWait
	}
	b.timer.Store(time.AfterFunc(wait, func() {
		b.expired.Store(true)
		b.cancel(errSlowBody)
	}))
}

// Stop ends the deadline and releases its context; call it when done.
func (b *BodyDeadline) Stop() {
	if t := b.timer.Load(); t != nil {
		t.Stop()
	}
	b.cancel(nil)
}

// Expired reports whether the body took longer than the wait, which is
// then why reading it failed.
func (b *BodyDeadline) Expired() bool { return b.expired.Load() }

// SlowBody is the transport error for a body that did not arrive in time
// from host.
func SlowBody(host string) *Error {
	return &Error{Host: host, Cause: CauseTimeout, Err: errSlowBody}
}
