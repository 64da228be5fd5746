package checkout

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// h2pool is the transport's own pool of h2 connections to one host
// (net/http's ClientConn). Unlike net/http's pool, which dials once per
// request that finds every connection at its stream limit, it opens one
// connection at a time and lets the other requests wait for a stream. The
// hostTransport's mu guards conns, opening and added; gen and changed have
// their own lock, because the connections' state hooks, which signal
// changes, may run inside calls made with the transport's mu held.
type h2pool struct {
	conns []pooledConn
	// opening is set while a request opens one more connection.
	opening bool
	// added counts the connections added so far; it numbers them.
	added uint64

	mu sync.Mutex
	// gen counts the changes: a stream that may have become free, a
	// connection added or failed, opening ended.
	gen uint64
	// changed, when a request waits, is closed at the next change.
	changed chan struct{}
}

// pooledConn is a connection of an h2pool with its number there: the
// value of added before it was added.
type pooledConn struct {
	*http.ClientConn
	seq uint64
}

// generation returns the count of changes so far.
func (p *h2pool) generation() uint64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.gen
}

// signal records a change and wakes the requests waiting for one.
func (p *h2pool) signal() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.gen++
	if p.changed != nil {
		close(p.changed)
		p.changed = nil
	}
}

// since returns a channel closed at the first change after generation
// gen: already closed when there has been one.
func (p *h2pool) since(gen uint64) <-chan struct{} {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.gen != gen {
		done := make(chan struct{})
		close(done)
		return done
	}
	if p.changed == nil {
		p.changed = make(chan struct{})
	}
	return p.changed
}

// reserve returns a connection with a stream reserved for one RoundTrip;
// ok is false when every connection is at its limit. Failed connections
// are dropped. t.mu must be held.
func (p *h2pool) reserve() (cc pooledConn, ok bool) {
	p.conns = slices.DeleteFunc(p.conns, func(cc pooledConn) bool {
		if cc.Err() != nil {
			cc.Close()
			return true
		}
		return false
	})
	for _, cc := range p.conns {
		if cc.Reserve() == nil {
			return cc, true
		}
	}
	return pooledConn{}, false
}

// h2RoundTrip sends r on a stream of key's h2 pool: on the first
// connection with one free; when none has, the request opens one more
// connection while those behind it wait for a stream or for it.
//
// A request sent again (sendAgain) counts against maxAgain, except when
// the connection that failed had been in the pool before the request
// came and is now closed: a server that closed its connections while
// they were idle leaves the pool with as many dead ones as it had, and
// the client learns of each only once it writes to it. Each such failure
// drops one connection, so the free attempts end with the pool.
func (t *hostTransport) h2RoundTrip(r *http.Request, key string, h *hostState) (*http.Response, error) {
	p := &h.pool
	t.mu.Lock()
	came := p.added
	t.mu.Unlock()
	for again := 0; ; {
		gen := p.generation()
		t.mu.Lock()
		if cc, ok := p.reserve(); ok {
			t.mu.Unlock()
			resp, err := cc.RoundTrip(r)
			if err == nil || again == maxAgain || r.Context().Err() != nil || !sendAgain(err, cc.ClientConn) {
				return resp, err
			}
			if r, err = rewound(r); err != nil {
				return nil, err
			}
			if cc.seq >= came || cc.Err() == nil {
				again++
			}
			continue
		}
		if !p.opening {
			p.opening = true
			t.mu.Unlock()
			err := t.grow(r.Context(), key, h)
			if err != nil {
				return nil, err
			}
			continue
		}
		t.mu.Unlock()
		select {
		case <-p.since(gen):
		case <-r.Context().Done():
			return nil, r.Context().Err()
		}
	}
}

// maxAgain is how many times one request is sent again (sendAgain).
const maxAgain = 5

// sendAgain reports whether a request that failed with err on cc goes
// again, on another stream or connection: when the server refused the
// stream unprocessed (RFC 9113 §8.7), as one does when requests go out
// before its SETTINGS lowered the stream limit; or when the connection
// died under it (a GOAWAY, a reset), where net/http's Transport would have
// retried what it had not sent. Every request this client makes may go
// twice: probes cannot succeed, a token request only issues a token, and
// an egress lookup reads.
func sendAgain(err error, cc *http.ClientConn) bool {
	return refusedStream(err) || cc.Err() != nil
}

// refusedStream reports whether err is the stream error REFUSED_STREAM:
// the server did not process the request. net/http's HTTP/2 errors are of
// an unexported type, so the code is read from the message, whose form
// ("stream error: stream ID 3; REFUSED_STREAM") Go has kept since HTTP/2
// support began.
func refusedStream(err error) bool {
	return strings.Contains(err.Error(), "; REFUSED_STREAM")
}

// rewound returns r ready to be sent again: r itself when it has no body,
// else a clone with a fresh body from GetBody.
func rewound(r *http.Request) (*http.Request, error) {
	if r.Body == nil || r.Body == http.NoBody {
		return r, nil
	}
	if r.GetBody == nil {
		return nil, errors.New("the request must be sent again (its stream was refused or its connection died) and its body cannot be")
	}
	body, err := r.GetBody()
	if err != nil {
		return nil, fmt.Errorf("rewind the body of a request to send again: %w", err)
	}
	r2 := r.Clone(r.Context())
	r2.Body = body
	return r2, nil
}

// grow opens one more connection to key for h's pool; p.opening is set
// by the caller and cleared here.
func (t *hostTransport) grow(ctx context.Context, key string, h *hostState) error {
	conn, err := t.dialer.dial(ctx, "tcp", key)
	var cc *http.ClientConn
	if err == nil {
		cc, err = t.wrap(ctx, key, conn)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	h.pool.opening = false
	if err == nil {
		if t.hosts[key] == h {
			t.addToPool(h, cc)
		} else { // CloseIdleConnections came first
			cc.Close()
		}
	}
	h.pool.signal()
	return err
}

// wrap turns conn, a TLS connection to key, into a ClientConn of the
// direct transport: conn is handed to the transport's dial through the
// context (handOver), so that concurrent wraps each get their own. Should
// net/http not take it (it failed before dialling), conn is closed.
func (t *hostTransport) wrap(ctx context.Context, key string, conn *tls.Conn) (*http.ClientConn, error) {
	ho := &handOver{conn: conn}
	cc, err := t.direct.NewClientConn(context.WithValue(ctx, handOverKey{}, ho), "https", key)
	if !ho.taken.Load() {
		conn.Close()
	}
	return cc, err
}

// handOver is a connection wrap gives the transport's dial (dialTLS) for
// the ClientConn it makes; taken is set once dialTLS returned it.
type handOver struct {
	conn  *tls.Conn
	taken atomic.Bool
}

// handOverKey is the context key of a *handOver.
type handOverKey struct{}

// handedOver returns the connection ctx hands over, once, or nil.
func handedOver(ctx context.Context) *tls.Conn {
	ho, ok := ctx.Value(handOverKey{}).(*handOver)
	if !ok || !ho.taken.CompareAndSwap(false, true) {
		return nil
	}
	return ho.conn
}

// addToPool adds cc to h's pool and has it wake the pool's waiting
// requests whenever one of its streams frees. t.mu must be held.
func (t *hostTransport) addToPool(h *hostState, cc *http.ClientConn) {
	h.pool.conns = append(h.pool.conns, pooledConn{ClientConn: cc, seq: h.pool.added})
	h.pool.added++
	cc.SetStateHook(func(*http.ClientConn) { h.pool.signal() })
	h.pool.signal()
}
