package checkout

import (
	"context"
	"crypto/tls"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"time"

	"golang.org/x/net/http/httpproxy"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/transport"
)

// Defaults of ClientOptions.
const (
	DefaultTimeout             = 10 * time.Second
	DefaultMaxIdleConnsPerHost = 64
)

// ClientOptions configures NewHTTPClient. The zero value means: no proxy,
// the system's certificate roots, a 10 s timeout per request and Go's
// default User-Agent.
type ClientOptions struct {
	// Getenv reads the proxy settings HTTPS_PROXY, HTTP_PROXY and NO_PROXY
	// (upper case first, then lower case), and SSL_CERT_FILE and
	// SSL_CERT_DIR, whose certificates are trusted besides the system's
	// roots. Nil means an empty environment: no proxy, the system's roots.
	// Library code never reads os.Getenv itself.
	Getenv func(string) string
	// ReadFile and ReadDir read the files SSL_CERT_FILE and SSL_CERT_DIR
	// name; nil means os.ReadFile and os.ReadDir.
	ReadFile func(name string) ([]byte, error)
	ReadDir  func(name string) ([]fs.DirEntry, error)
	// Timeout bounds one request, from dialing to the end of the body; zero
	// means DefaultTimeout. Retries get a fresh Timeout each.
	Timeout time.Duration
	// UserAgent is sent on every request that does not set its own; empty
	// means Go's default.
	UserAgent string
	// DialContext opens the TCP connections the transport dials itself:
	// to hosts reached directly, and to a plain http:// proxy it tunnels
	// through (not those of net/http's proxied requests); nil means a
	// net.Dialer with a 30 s timeout and keep-alive. Tests use it to count
	// or redirect connections.
	DialContext func(ctx context.Context, network, addr string) (net.Conn, error)
}

// NewHTTPClient returns the one *http.Client a run shares: keep-alive,
// HTTP/2 wherever the server offers it, with one connection per host for
// concurrent requests (see the package doc), enough idle connections per
// host for concurrent probes against an HTTP/1.1 server, dial and TLS
// handshake timeouts, the proxy taken from o.Getenv, certificate roots
// loaded in the background from the moment it is called, and redirects
// never followed (Checkout.com does not redirect API calls, and a redirect
// must not carry the Authorization header anywhere else; the 3xx is
// returned as is). Prewarm opens its connections ahead of the requests.
//
// The proxy follows golang.org/x/net/http/httpproxy, as the Go standard
// library does: HTTPS_PROXY for https:// URLs, HTTP_PROXY for http://,
// NO_PROXY for exceptions, and requests to localhost or a loopback address
// never use a proxy, whatever the environment says. Through a plain
// http:// proxy, https requests go in CONNECT tunnels the transport opens
// itself, one per connection it would have dialled, so that they are
// pooled and gated as direct ones (see hostTransport); through an https://
// or socks5:// proxy, and for plain http:// requests, net/http proxies as
// usual.
func NewHTTPClient(o ClientOptions) *http.Client {
	timeout := o.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	readFile, readDir := o.ReadFile, o.ReadDir
	if readFile == nil {
		readFile = os.ReadFile
	}
	if readDir == nil {
		readDir = os.ReadDir
	}
	roots := loadRoots(o.Getenv, readFile, readDir)
	t := &hostTransport{
		proxy: proxyFunc(o.Getenv),
		dialer: dialer{
			tcp:              &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second},
			roots:            roots,
			handshakeTimeout: timeout,
			dialContext:      o.DialContext,
		},
	}
	t.dialer.proxy = t.proxy
	t.direct = baseTransport(timeout)
	t.direct.Proxy = nil
	t.direct.DialContext = t.dialer.dialTCP
	t.direct.DialTLSContext = t.dialTLS
	if t.proxy != nil {
		// Through its proxies net/http does the TLS handshake itself, so the
		// roots must be known now: the system's (nil) are parsed here, to
		// learn whether the fallback bundle is needed; the environment's
		// extra ones are read here too.
		InstallFallbackRoots()
		t.proxied = baseTransport(timeout)
		t.proxied.Proxy = t.proxy
		t.proxied.OnProxyConnectResponse = transport.OnProxyConnectResponse
		if o.Getenv("SSL_CERT_FILE") != "" || o.Getenv("SSL_CERT_DIR") != "" {
			t.proxied.TLSClientConfig.RootCAs = extendedRoots(o.Getenv("SSL_CERT_FILE"), o.Getenv("SSL_CERT_DIR"), readFile, readDir)
		}
	}
	var rt http.RoundTripper = t
	if o.UserAgent != "" {
		rt = &userAgentTransport{next: t, userAgent: o.UserAgent}
	}
	return &http.Client{
		Transport: rt,
		Timeout:   timeout,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
}

// baseTransport has the semantics of http.DefaultTransport (keep-alive,
// HTTP/2 attempted, idle timeouts), timeout for the TLS handshake and the
// response headers, and enough idle connections for concurrent probes.
func baseTransport(timeout time.Duration) *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.ForceAttemptHTTP2 = true
	// HTTP2Config.StrictMaxConcurrentRequests is deliberately left off:
	// with it, requests beyond the server's stream limit wait for a
	// stream that net/http never hands them (they time out; see
	// TestMoreRequestsThanTheStreamLimit). The https hosts the transport
	// dials itself keep to the limit in its own pool (h2pool.go); where
	// net/http pools h2 (through an https:// or socks5:// proxy,
	// internationalised host names), such requests open more connections,
	// which cost handshakes, no verdict.
	t.MaxIdleConns = 2 * DefaultMaxIdleConnsPerHost
	t.MaxIdleConnsPerHost = DefaultMaxIdleConnsPerHost
	t.TLSHandshakeTimeout = timeout
	t.ResponseHeaderTimeout = timeout
	t.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	return t
}

// proxyFunc returns the Transport.Proxy function for the environment read
// by getenv (nil: none), or nil when the environment names no proxy.
func proxyFunc(getenv func(string) string) func(*http.Request) (*url.URL, error) {
	if getenv == nil {
		return nil
	}
	first := func(names ...string) string {
		for _, n := range names {
			if v := getenv(n); v != "" {
				return v
			}
		}
		return ""
	}
	cfg := &httpproxy.Config{
		HTTPProxy:  first("HTTP_PROXY", "http_proxy"),
		HTTPSProxy: first("HTTPS_PROXY", "https_proxy"),
		NoProxy:    first("NO_PROXY", "no_proxy"),
	}
	if cfg.HTTPProxy == "" && cfg.HTTPSProxy == "" {
		return nil
	}
	f := cfg.ProxyFunc()
	return func(r *http.Request) (*url.URL, error) { return f(r.URL) }
}

// userAgentTransport sets the User-Agent on requests that have none.
type userAgentTransport struct {
	next      *hostTransport
	userAgent string
}

func (t *userAgentTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Header.Get("User-Agent") != "" {
		return t.next.RoundTrip(r)
	}
	r2 := r.Clone(r.Context())
	r2.Header.Set("User-Agent", t.userAgent)
	return t.next.RoundTrip(r2)
}

// CloseIdleConnections lets http.Client.CloseIdleConnections reach the
// transport.
func (t *userAgentTransport) CloseIdleConnections() { t.next.CloseIdleConnections() }
