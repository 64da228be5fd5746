package netem

import (
	"errors"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"
)

// chunk is what one read from a connection returned, and when it is due
// at the other end. A chunk with a nil data and a non-nil err carries the
// end of the stream.
type chunk struct {
	data []byte
	err  error
	due  time.Time
}

// delayLine copies src to dst, delivering each byte no earlier than it is
// due: max(time read, ready) + oneWay. Bytes keep their order. It returns
// when src ends (then dst's write side is closed, after the last byte) or
// either side fails (then both are closed). n counts the bytes delivered.
func delayLine(dst, src net.Conn, ready time.Time, oneWay time.Duration, n *atomic.Int64) {
	line := make(chan chunk, 256)
	go func() {
		defer close(line)
		buf := make([]byte, 32<<10) // each chunk is copied out at its size
		for {
			k, err := src.Read(buf)
			now := time.Now()
			if now.Before(ready) {
				now = ready
			}
			due := now.Add(oneWay)
			if k > 0 {
				line <- chunk{data: append([]byte(nil), buf[:k]...), due: due}
			}
			if err != nil {
				line <- chunk{err: err, due: due}
				return
			}
		}
	}()
	for c := range line {
		if d := time.Until(c.due); d > 0 {
			time.Sleep(d)
		}
		if c.err != nil {
			if errors.Is(c.err, io.EOF) {
				closeWrite(dst)
			} else {
				dst.Close()
				src.Close()
			}
			continue // drain: the reader has stopped
		}
		if _, err := dst.Write(c.data); err != nil {
			dst.Close()
			src.Close()
			continue
		}
		n.Add(int64(len(c.data)))
	}
}

// closeWrite half-closes c when it can (a FIN after the data), else closes it.
func closeWrite(c net.Conn) {
	if cw, ok := c.(interface{ CloseWrite() error }); ok {
		cw.CloseWrite()
		return
	}
	c.Close()
}

// proxy accepts connections on front and relays each to a new connection
// to backend through two delay lines, rtt/2 each way, after the TCP
// handshake the delay model describes (see the package doc). It returns
// when front is closed, after every relayed connection has ended.
type proxy struct {
	front   net.Listener
	backend string
	rtt     time.Duration
	stats   *counters

	wg     sync.WaitGroup
	mu     sync.Mutex
	conns  map[net.Conn]struct{}
	closed bool
}

func (p *proxy) serve() {
	for {
		c, err := p.front.Accept()
		if err != nil {
			return
		}
		t0 := time.Now()
		p.stats.conns.Add(1)
		p.wg.Go(func() { p.relay(c, t0) })
	}
}

func (p *proxy) relay(client net.Conn, t0 time.Time) {
	server, err := net.Dial("tcp", p.backend)
	if err != nil {
		client.Close()
		return
	}
	p.track(client, server, true)
	defer p.track(client, server, false)
	var both sync.WaitGroup
	both.Go(func() { delayLine(server, client, t0.Add(p.rtt), p.rtt/2, &p.stats.bytesIn) })
	both.Go(func() { delayLine(client, server, t0.Add(p.rtt*3/2), p.rtt/2, &p.stats.bytesOut) })
	both.Wait()
	client.Close()
	server.Close()
}

// track records the open connections so that close can end them.
func (p *proxy) track(client, server net.Conn, open bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if open && p.closed {
		client.Close()
		server.Close()
		return
	}
	if p.conns == nil {
		p.conns = map[net.Conn]struct{}{}
	}
	for _, c := range []net.Conn{client, server} {
		if open {
			p.conns[c] = struct{}{}
		} else {
			delete(p.conns, c)
		}
	}
}

// close stops accepting, ends every relayed connection and waits for the
// relays to finish.
func (p *proxy) close() {
	p.front.Close()
	p.mu.Lock()
	p.closed = true
	for c := range p.conns {
		c.Close()
	}
	p.mu.Unlock()
	p.wg.Wait()
}
