package checkout

import (
	"bufio"
	"context"
	"encoding/base64"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/netem"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/transport"
)

// connectProxy is a forward proxy on loopback that answers CONNECT only:
// with answer when it is set (the raw bytes of its response), else with
// 200 and a tunnel to the target dialled by dial. It records every CONNECT.
type connectProxy struct {
	addr   string
	dial   func(ctx context.Context, network, addr string) (net.Conn, error)
	answer string

	mu    sync.Mutex
	seen  []connectSeen
	conns sync.WaitGroup
}

// connectSeen is one CONNECT the proxy read.
type connectSeen struct{ Target, Authorization string }

func startConnectProxy(tb testing.TB, dial func(ctx context.Context, network, addr string) (net.Conn, error), answer string) *connectProxy {
	tb.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	p := &connectProxy{addr: l.Addr().String(), dial: dial, answer: answer}
	tb.Cleanup(func() { l.Close(); p.conns.Wait() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			p.conns.Go(func() { p.serve(c) })
		}
	}()
	return p
}

func (p *connectProxy) serve(c net.Conn) {
	defer c.Close()
	req, err := http.ReadRequest(bufio.NewReader(c))
	if err != nil || req.Method != http.MethodConnect {
		return
	}
	p.mu.Lock()
	p.seen = append(p.seen, connectSeen{Target: req.Host, Authorization: req.Header.Get("Proxy-Authorization")})
	p.mu.Unlock()
	if p.answer != "" {
		io.WriteString(c, p.answer)
		io.Copy(io.Discard, c) // the connection stays open until the client closes it
		return
	}
	up, err := p.dial(context.Background(), "tcp", req.Host)
	if err != nil {
		io.WriteString(c, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
		return
	}
	defer up.Close()
	io.WriteString(c, "HTTP/1.1 200 Connection established\r\n\r\n")
	done := make(chan struct{}, 2)
	go func() { io.Copy(up, c); done <- struct{}{} }()
	go func() { io.Copy(c, up); done <- struct{}{} }()
	<-done
}

// connects returns the CONNECTs seen so far.
func (p *connectProxy) connects() []connectSeen {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]connectSeen(nil), p.seen...)
}

// proxiedClient is a client trusting n's root, with HTTPS_PROXY set to
// proxyURL.
func proxiedClient(tb testing.TB, n *netem.Network, proxyURL string) *http.Client {
	tb.Helper()
	env := map[string]string{"SSL_CERT_FILE": rootFile(tb, n), "HTTPS_PROXY": proxyURL}
	hc := NewHTTPClient(ClientOptions{Getenv: func(k string) string { return env[k] }, Timeout: 5 * time.Second})
	tb.Cleanup(hc.CloseIdleConnections)
	return hc
}

// TestTunnelThroughHTTPProxy: behind a plain http:// proxy, the requests
// to a Checkout.com host share one CONNECT tunnel and one TLS session (net/http
// would open one per waiting request), the tunnel authenticated with the
// proxy URL's user and password; Prewarm opens it ahead of them.
func TestTunnelThroughHTTPProxy(t *testing.T) {
	t.Parallel()
	for _, prewarm := range []bool{false, true} {
		n, s := serverOn(t, 10*time.Millisecond, netem.ServerOptions{Name: checkoutName}, slowNoContent(0))
		p := startConnectProxy(t, n.DialContext, "")
		hc := proxiedClient(t, n, "http://proxy-user:proxy-pass@"+p.addr)
		if prewarm {
			Prewarm(context.Background(), hc, s.NameURL)
		}
		getAll(t, hc, s, 30)
		want := []connectSeen{{Target: checkoutName + ":443", Authorization: "Basic " + base64.StdEncoding.EncodeToString([]byte("proxy-user:proxy-pass"))}}
		if diff := cmp.Diff(want, p.connects()); diff != "" {
			t.Errorf("prewarm=%v: CONNECTs (-want +got):\n%s", prewarm, diff)
		}
		if got := s.Stats(); got.Conns != 1 || got.Handshakes != 1 || got.H2 != 1 || got.Requests != 30 {
			t.Errorf("prewarm=%v: server saw %+v, want 1 h2 connection for 30 requests", prewarm, got)
		}
	}
}

// TestTunnelFailures: a proxy that refuses the tunnel, cannot be reached or
// does not speak HTTP is classified as net/http's proxy errors are, with
// the proxy's host, and no message quotes the proxy's password or answer.
func TestTunnelFailures(t *testing.T) {
	t.Parallel()
	unreachable := closedAddr(t)
	const secret = "s3cret-proxy-pass"
	tests := []struct {
		name, answer string
		unreachable  bool
		want         transport.Cause
	}{
		{name: "407", answer: "HTTP/1.1 407 " + secret + "\r\nProxy-Authenticate: Basic\r\nContent-Length: 0\r\n\r\n", want: transport.CauseProxyAuth},
		{name: "407 with a body to the end of the connection", answer: "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\n\r\n" + secret, want: transport.CauseProxyAuth},
		{name: "403", answer: "HTTP/1.1 403 Forbidden " + secret + "\r\nContent-Length: 0\r\n\r\n", want: transport.CauseProxy},
		{name: "not HTTP", answer: "SSH-2.0-" + secret + "\r\n", want: transport.CauseProxy},
		{name: "bytes after the answer", answer: "HTTP/1.1 200 OK\r\n\r\n" + secret, want: transport.CauseProxy},
		{name: "unreachable", unreachable: true, want: transport.CauseProxy},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			n, err := netem.New(netem.Options{})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(n.Close)
			addr := unreachable
			if !tt.unreachable {
				addr = startConnectProxy(t, n.DialContext, tt.answer).addr
			}
			hc := proxiedClient(t, n, "http://proxy-user:"+secret+"@"+addr)
			start := time.Now()
			_, err = hc.Get("https://" + checkoutName + "/")
			if err == nil {
				t.Fatal("no error")
			}
			if took := time.Since(start); took > 2*time.Second {
				t.Errorf("the failure took %v; want it at once, not at the 5 s timeout", took)
			}
			e := transport.New(checkoutName+":443", err)
			if e.Cause != tt.want {
				t.Errorf("cause %q, want %q (%v)", e.Cause, tt.want, err)
			}
			var refused *transport.ProxyStatusError
			if errors.As(err, &refused) && refused.ProxyHost != addr {
				t.Errorf("refusal names proxy %q, want %q", refused.ProxyHost, addr)
			}
			for _, msg := range []string{e.Error(), err.Error()} {
				if strings.Contains(msg, secret) {
					t.Errorf("message quotes the password or the proxy's answer: %q", msg)
				}
			}
		})
	}
}
