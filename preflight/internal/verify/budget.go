package verify

import (
	"context"
	"slices"
	"sync"
)

// budget bounds requests in flight: a counting semaphore whose waiting
// requests are served in the order they came, urgent ones first. A token
// request is urgent: the probes of its credential cannot start before its
// token, so it must not queue behind other credentials' probes for a write
// slot. The bound itself is the same for both.
type budget struct {
	mu   sync.Mutex
	free int
	// urgent and normal are the waiting requests, oldest first; each is
	// handed a slot by closing its channel. They are empty while free > 0.
	urgent, normal []chan struct{}
}

// newBudget returns a budget of n slots.
func newBudget(n int) *budget { return &budget{free: n} }

// acquire waits for a slot; it reports false when ctx ended first (or had
// already ended), and then holds none.
func (b *budget) acquire(ctx context.Context, urgent bool) bool {
	if ctx.Err() != nil {
		return false
	}
	b.mu.Lock()
	if b.free > 0 {
		b.free--
		b.mu.Unlock()
		return true
	}
	ch := make(chan struct{})
	queue := &b.normal
	if urgent {
		queue = &b.urgent
	}
	*queue = append(*queue, ch)
	b.mu.Unlock()
	select {
	case <-ch:
		return true
	case <-ctx.Done():
		b.mu.Lock()
		n := len(*queue)
		*queue = slices.DeleteFunc(*queue, func(c chan struct{}) bool { return c == ch })
		handed := len(*queue) == n // no longer waiting: the slot came meanwhile
		b.mu.Unlock()
		if handed {
			b.release()
		}
		return false
	}
}

// release gives a slot back: to the oldest urgent waiter, else the oldest
// other one, else to the budget.
func (b *budget) release() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, q := range []*[]chan struct{}{&b.urgent, &b.normal} {
		if len(*q) > 0 {
			close((*q)[0])
			*q = (*q)[1:]
			return
		}
	}
	b.free++
}
