package checkout

import (
	"bufio"
	"context"
	"encoding/base64"
	"errors"
	"net"
	"net/http"
	"net/url"
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/transport"
)

// tunnelProxy returns the proxy through which the transport itself tunnels
// to the https host addr ("host:port"), or nil: when the environment names
// a plain http:// proxy for it (HTTPS_PROXY, not excluded by NO_PROXY).
// Through such a proxy, a CONNECT tunnel is as good as a TCP connection:
// the TLS session inside it is the client's own, and the host's requests
// are gated and pooled as direct ones are. https:// and socks5:// proxies
// are left to net/http (hostTransport.proxied).
func (d dialer) tunnelProxy(addr string) *url.URL {
	if d.proxy == nil {
		return nil
	}
	u, err := d.proxy(&http.Request{URL: &url.URL{Scheme: "https", Host: addr}})
	if err != nil || u == nil || u.Scheme != "http" {
		return nil
	}
	return u
}

// tunnel opens a TCP connection to proxy and asks it, with CONNECT, for a
// tunnel to addr, authenticating with the proxy URL's user and password
// (Basic) when it has them, as net/http does. Its errors are classified
// as net/http's are (transport.Classify): a proxy that cannot be reached is
// a *net.OpError "proxyconnect", a refusal a *transport.ProxyStatusError
// with the status code only. None quotes the proxy URL's password or
// anything the proxy sent.
func (d dialer) tunnel(ctx context.Context, proxy *url.URL, addr string) (net.Conn, error) {
	proxyAddr := proxy.Host
	if proxy.Port() == "" {
		proxyAddr = net.JoinHostPort(proxy.Hostname(), "80")
	}
	conn, err := d.tcpToProxy(ctx, proxyAddr)
	if err != nil {
		return nil, &net.OpError{Op: "proxyconnect", Net: "tcp", Err: err}
	}
	stop := context.AfterFunc(ctx, func() { conn.SetDeadline(time.Unix(1, 0)) })
	defer stop()
	if err := connect(conn, proxy, addr); err != nil {
		conn.Close()
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, err
	}
	return conn, nil
}

// tcpToProxy opens the TCP connection to a proxy, with
// ClientOptions.DialContext when set.
func (d dialer) tcpToProxy(ctx context.Context, addr string) (net.Conn, error) {
	if d.dialContext != nil {
		return d.dialContext(ctx, "tcp", addr)
	}
	return d.tcp.DialContext(ctx, "tcp", addr)
}

// connect sends CONNECT addr on conn and reads the proxy's answer, which
// must be 200 with nothing after its header: the TLS session starts next.
func connect(conn net.Conn, proxy *url.URL, addr string) error {
	req := &http.Request{Method: http.MethodConnect, URL: &url.URL{Opaque: addr}, Host: addr, Header: http.Header{}}
	if u := proxy.User; u != nil {
		pass, _ := u.Password()
		req.Header.Set("Proxy-Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(u.Username()+":"+pass)))
	}
	if err := req.Write(conn); err != nil {
		return &net.OpError{Op: "proxyconnect", Net: "tcp", Err: err}
	}
	br := bufio.NewReaderSize(conn, 1024)
	resp, err := http.ReadResponse(br, req)
	if err != nil {
		return &net.OpError{Op: "proxyconnect", Net: "tcp", Err: errProxyAnswer}
	}
	shown := *proxy
	shown.User = nil
	if err := transport.OnProxyConnectResponse(context.Background(), &shown, req, resp); err != nil {
		return err // its body is never read: the caller closes the connection
	}
	resp.Body.Close() // a 2xx answer to CONNECT has none
	if br.Buffered() > 0 {
		return &net.OpError{Op: "proxyconnect", Net: "tcp", Err: errProxyAnswer}
	}
	return nil
}

// errProxyAnswer is a proxy's answer to CONNECT that is not HTTP, or is
// followed by bytes before the tunnel's TLS session: its text is not kept.
var errProxyAnswer = errors.New("the proxy's answer to CONNECT is not a valid HTTP response")
