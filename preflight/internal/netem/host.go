package netem

import (
	"fmt"
	"net"
	"strconv"
	"sync"
)

// Host is an address of a Network that relays every connection to a
// backend TCP server on loopback, paying the network's delays (see the
// package doc). It counts connections and bytes.
type Host struct {
	// Addr is the address clients dial, "127.0.0.N:port".
	Addr string

	stats counters
	proxy *proxy
	once  sync.Once
}

// NewHost starts a host on the network's next address, relaying to the
// TCP server at backend ("127.0.0.1:port"). The network closes it on Close.
func (n *Network) NewHost(backend string) (*Host, error) {
	ip, _, err := n.nextHost()
	if err != nil {
		return nil, err
	}
	return n.newHost(ip, 0, backend)
}

// newHost starts a host on ip:port (port 0: any free one).
func (n *Network) newHost(ip net.IP, port int, backend string) (*Host, error) {
	front, err := net.Listen("tcp", net.JoinHostPort(ip.String(), strconv.Itoa(port)))
	if err != nil {
		return nil, fmt.Errorf("netem: listen on %s: %w", ip, err)
	}
	h := &Host{Addr: front.Addr().String()}
	h.proxy = &proxy{front: front, backend: backend, rtt: n.rtt, stats: &h.stats}
	if !n.add(h) {
		front.Close()
		return nil, fmt.Errorf("netem: network closed")
	}
	go h.proxy.serve()
	return h, nil
}

// Stats returns what the host relayed so far: Conns, BytesIn and BytesOut
// (a Server adds the TLS and HTTP counters).
func (h *Host) Stats() Stats { return h.stats.load() }

// Close stops accepting and ends every relayed connection. It may be
// called more than once.
func (h *Host) Close() { h.once.Do(h.proxy.close) }
