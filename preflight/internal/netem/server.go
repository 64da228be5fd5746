package netem

import (
	"crypto/tls"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// ServerOptions configures a Server. The zero value offers h2 and
// http/1.1.
type ServerOptions struct {
	// HTTP1Only offers only http/1.1 through ALPN, as a server or proxy
	// without HTTP/2 does.
	HTTP1Only bool
	// MaxConcurrentStreams is the number of concurrent requests the
	// server allows on one h2 connection; zero means net/http's default
	// (250). Checkout.com's edge, like most, allows 100 or 128.
	MaxConcurrentStreams int
	// Name is a host name the server answers to besides its address, such
	// as "api.sandbox.checkout.com": its certificate is valid for it too,
	// and the network's DialContext resolves it to the server. Empty
	// means none.
	Name string
	// Port is the port the server listens on at its host's address; zero
	// means a free one. A port below 1024, such as 443 for a client that
	// resolves Name itself, needs root or CAP_NET_BIND_SERVICE.
	Port int
}

// Server serves an http.Handler over TLS 1.3 on its own host of a
// Network, every connection paying the network's delays.
type Server struct {
	// URL is the server's base URL, "https://127.0.0.N:port", without a
	// trailing slash.
	URL string
	// Addr is the address clients dial, "127.0.0.N:port".
	Addr string
	// NameURL is "https://" + ServerOptions.Name (port 443, which the
	// network's DialContext maps to Addr, and which is Addr's own port
	// when ServerOptions.Port is 443), or empty without a name.
	NameURL string

	host *Host
	srv  *http.Server
	once sync.Once
}

// counters are a host's statistics, updated atomically.
type counters struct {
	conns, handshakes, h2, requests, bytesIn, bytesOut atomic.Int64
}

func (c *counters) load() Stats {
	return Stats{Conns: c.conns.Load(), Handshakes: c.handshakes.Load(), H2: c.h2.Load(),
		Requests: c.requests.Load(), BytesIn: c.bytesIn.Load(), BytesOut: c.bytesOut.Load()}
}

// Stats counts what a Host or Server saw since it started.
type Stats struct {
	// Conns are the TCP connections clients opened.
	Conns int64
	// Handshakes are the TLS handshakes the server answered (its
	// ServerHello…Finished flight sent); H2 how many of them negotiated h2
	// through ALPN. Zero for a plain Host.
	Handshakes, H2 int64
	// Requests are the HTTP requests served, over any protocol. Zero for a
	// plain Host.
	Requests int64
	// BytesIn and BytesOut are the bytes delivered to the server and to
	// clients, TLS records included.
	BytesIn, BytesOut int64
}

// Sub returns s minus o: what happened between two readings.
func (s Stats) Sub(o Stats) Stats {
	return Stats{Conns: s.Conns - o.Conns, Handshakes: s.Handshakes - o.Handshakes, H2: s.H2 - o.H2,
		Requests: s.Requests - o.Requests, BytesIn: s.BytesIn - o.BytesIn, BytesOut: s.BytesOut - o.BytesOut}
}

// NewServer starts a TLS 1.3 server for h on the network's next host. Its
// certificate, issued by the network's root, is valid for the host's
// address (and ServerOptions.Name). The network closes it on Close.
func (n *Network) NewServer(h http.Handler, o ServerOptions) (*Server, error) {
	ip, serial, err := n.nextHost()
	if err != nil {
		return nil, err
	}
	cert, err := n.ca.issue(ip, o.Name, serial)
	if err != nil {
		return nil, err
	}
	backend, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("netem: listen on loopback: %w", err)
	}
	host, err := n.newHost(ip, o.Port, backend.Addr().String())
	if err != nil {
		backend.Close()
		return nil, err
	}
	s := &Server{URL: "https://" + host.Addr, Addr: host.Addr, host: host}
	if o.Name != "" {
		if err := n.resolveAs(o.Name, host.Addr); err != nil {
			backend.Close()
			return nil, err
		}
		s.NameURL = "https://" + o.Name
	}
	stats := &host.stats
	s.srv = &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			stats.requests.Add(1)
			h.ServeHTTP(w, r)
		}),
		TLSConfig: &tls.Config{
			Certificates: []tls.Certificate{cert},
			MinVersion:   tls.VersionTLS13,
			// Called once the server has sent its flight (no client
			// certificate is asked for): count the handshake there.
			VerifyConnection: func(cs tls.ConnectionState) error {
				stats.handshakes.Add(1)
				if cs.NegotiatedProtocol == "h2" {
					stats.h2.Add(1)
				}
				return nil
			},
		},
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          log.New(io.Discard, "", 0), // aborted handshakes are expected
	}
	if o.MaxConcurrentStreams > 0 {
		s.srv.HTTP2 = &http.HTTP2Config{MaxConcurrentStreams: o.MaxConcurrentStreams}
	}
	if o.HTTP1Only {
		s.srv.Protocols = new(http.Protocols)
		s.srv.Protocols.SetHTTP1(true)
	}
	if !n.add(s) {
		backend.Close()
		return nil, fmt.Errorf("netem: network closed")
	}
	go s.srv.ServeTLS(backend, "", "") //nolint:errcheck // returns ErrServerClosed on Close
	return s, nil
}

// Host returns the server's address without the port, "127.0.0.N".
func (s *Server) Host() string {
	h, _, _ := net.SplitHostPort(s.Addr)
	return h
}

// Stats returns the server's counters so far.
func (s *Server) Stats() Stats { return s.host.Stats() }

// Close stops the server and ends its connections. It may be called more
// than once.
func (s *Server) Close() {
	s.once.Do(func() {
		s.srv.Close()
		s.host.Close()
	})
}
