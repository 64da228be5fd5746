package netem

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"sync"
	"time"
)

// Options configures a Network. The zero value is a network without delay.
type Options struct {
	// RTT is the round-trip time between the client and every host of the
	// network; zero means none (plain loopback, TLS still real).
	RTT time.Duration
}

// Network is a set of emulated hosts sharing one round-trip time and one
// test root. It is safe for concurrent use. Close it when done.
type Network struct {
	rtt time.Duration
	ca  *authority

	mu      sync.Mutex
	hosts   int               // hosts handed out so far
	names   map[string]string // ServerOptions.Name → the server's address
	closers []interface{ Close() }
	closed  bool
}

// firstHostOctet is the last octet of the first host's address
// (127.0.0.2: 127.0.0.1 is left to ordinary loopback servers).
const firstHostOctet = 2

// New returns a network with o's round-trip time and a fresh test root.
func New(o Options) (*Network, error) {
	if o.RTT < 0 {
		return nil, fmt.Errorf("netem: negative RTT %s", o.RTT)
	}
	ca, err := newAuthority()
	if err != nil {
		return nil, err
	}
	return &Network{rtt: o.RTT, ca: ca}, nil
}

// RTT returns the network's round-trip time.
func (n *Network) RTT() time.Duration { return n.rtt }

// RootPEM returns the test root certificate, PEM-encoded.
func (n *Network) RootPEM() []byte { return append([]byte(nil), n.ca.pem...) }

// RootPool returns a new pool holding only the test root.
func (n *Network) RootPool() *x509.CertPool {
	p := x509.NewCertPool()
	p.AddCert(n.ca.cert)
	return p
}

// WriteRootPEM writes the test root to the file path (for SSL_CERT_FILE).
func (n *Network) WriteRootPEM(path string) error {
	if err := os.WriteFile(path, n.ca.pem, 0o644); err != nil {
		return fmt.Errorf("netem: write the test root: %w", err)
	}
	return nil
}

// nextHost returns the address of a host not handed out yet.
func (n *Network) nextHost() (net.IP, int64, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.closed {
		return nil, 0, errors.New("netem: network closed")
	}
	octet := firstHostOctet + n.hosts
	if octet > 254 {
		return nil, 0, errors.New("netem: no loopback address left")
	}
	n.hosts++
	return net.IPv4(127, 0, 0, byte(octet)).To4(), int64(n.hosts + 1), nil
}

// add registers c to be closed by Close; it reports false (and does not
// register c) once the network is closed.
func (n *Network) add(c interface{ Close() }) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.closed {
		return false
	}
	n.closers = append(n.closers, c)
	return true
}

// Close closes every host and server of the network, newest first. It may
// be called more than once.
func (n *Network) Close() {
	n.mu.Lock()
	closers := n.closers
	n.closers, n.closed = nil, true
	n.mu.Unlock()
	for i := len(closers) - 1; i >= 0; i-- {
		closers[i].Close()
	}
}

// resolveAs has DialContext resolve name to addr.
func (n *Network) resolveAs(name, addr string) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	name = strings.ToLower(name)
	if _, dup := n.names[name]; dup {
		return fmt.Errorf("netem: two servers named %s", name)
	}
	if n.names == nil {
		n.names = map[string]string{}
	}
	n.names[name] = addr
	return nil
}

// DialContext dials addr ("host:port") over TCP as a net.Dialer does,
// except that the name of one of the network's servers
// (ServerOptions.Name) is dialled at that server's address, whatever the
// port: it is the network's resolver, for clients that take a dial
// function (http.Transport.DialContext). Addresses are dialled as given;
// other names are an error, never looked up, so that no test reaches DNS.
func (n *Network) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("netem: dial %s: %w", addr, err)
	}
	if ip := net.ParseIP(host); ip == nil {
		n.mu.Lock()
		to, ok := n.names[strings.ToLower(host)]
		n.mu.Unlock()
		if !ok {
			return nil, fmt.Errorf("netem: dial %s: no server of the network is named %s", addr, host)
		}
		addr = to
	}
	var d net.Dialer
	return d.DialContext(ctx, network, addr)
}
