package checkout

import (
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"sync"
)

// streamsPerConn is how many requests the transport hands net/http at
// once per h2 connection to a host: the stream limit most servers and
// CDNs announce (Checkout.com's edge among them), and the limit net/http
// assumes before the server's SETTINGS arrive. Beyond it, one request
// opens the host's next connection while the others wait for it, rather
// than each dialling one of its own as net/http would. A server that
// allows fewer streams gets net/http's behaviour: extra connections.
const streamsPerConn = 100

// streams is what the transport knows of an h2 host's connections. The
// hostTransport's mu guards it.
type streams struct {
	// inflight counts the requests handed to net/http and not finished;
	// pending, those of them that have no connection yet.
	inflight, pending int
	// conns are the host's connections seen so far.
	conns map[net.Conn]bool
	// growing is set while a request opens one more connection.
	growing bool
	// changed is closed, and replaced, whenever any of the above changes
	// in a way that may let a waiting request go.
	changed chan struct{}
}

// notify wakes the requests waiting on s. t.mu must be held.
func (s *streams) notify() {
	if s.changed != nil {
		close(s.changed)
	}
	s.changed = make(chan struct{})
}

// budget is how many requests may be in flight: streamsPerConn for each
// connection seen, at least one.
func (s *streams) budget() int { return max(1, len(s.conns)) * streamsPerConn }

// streamRoundTrip sends r to an h2 host within its stream budget. When the
// budget is spent, the first request over it waits until every request
// before it has its stream, so that net/http, finding the connections
// full, dials one more for it; those behind it wait until it has.
func (t *hostTransport) streamRoundTrip(r *http.Request, h *hostState) (*http.Response, error) {
	s := &h.streams
	for {
		t.mu.Lock()
		switch {
		case s.inflight < s.budget():
			s.inflight++
			s.pending++
			t.mu.Unlock()
			return t.counted(r, s, false)
		case !s.growing && s.pending == 0:
			s.growing = true
			s.inflight++
			s.pending++
			t.mu.Unlock()
			return t.counted(r, s, true)
		}
		if s.changed == nil {
			s.notify()
		}
		changed := s.changed
		t.mu.Unlock()
		select {
		case <-changed:
		case <-r.Context().Done():
			return nil, r.Context().Err()
		}
	}
}

// counted sends r as one of s's in-flight requests, which it stays until
// its response body is read to the end or closed, or the request fails.
// grow marks the request that opens the next connection.
func (t *hostTransport) counted(r *http.Request, s *streams, grow bool) (*http.Response, error) {
	var once sync.Once
	gotConn := func(c net.Conn) {
		once.Do(func() {
			t.mu.Lock()
			defer t.mu.Unlock()
			if c != nil {
				t.sawConn(s, c)
			}
			s.pending--
			if grow {
				s.growing = false
			}
			s.notify()
		})
	}
	trace := &httptrace.ClientTrace{GotConn: func(info httptrace.GotConnInfo) { gotConn(info.Conn) }}
	resp, err := t.direct.RoundTrip(r.WithContext(httptrace.WithClientTrace(r.Context(), trace)))
	gotConn(nil)
	return t.finishStream(s, resp, err)
}

// sawConn records c among s's connections. t.mu must be held.
func (t *hostTransport) sawConn(s *streams, c net.Conn) {
	if s.conns == nil {
		s.conns = map[net.Conn]bool{}
	}
	s.conns[c] = true
}

// finishStream ends a request's place in s's budget when its body ends,
// or at once when it failed.
func (t *hostTransport) finishStream(s *streams, resp *http.Response, err error) (*http.Response, error) {
	done := func() {
		t.mu.Lock()
		s.inflight--
		s.notify()
		t.mu.Unlock()
	}
	if err != nil {
		done()
		return nil, err
	}
	resp.Body = &streamBody{ReadCloser: resp.Body, done: done}
	return resp, nil
}

// streamBody calls done once, when the body is read to its end or closed.
type streamBody struct {
	io.ReadCloser
	once sync.Once
	done func()
}

func (b *streamBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err != nil {
		b.once.Do(b.done)
	}
	return n, err
}

func (b *streamBody) Close() error {
	err := b.ReadCloser.Close()
	b.once.Do(b.done)
	return err
}
