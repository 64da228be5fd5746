package checkout

import (
	"crypto/tls"
	"net/http"
	"net/url"
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
// a 10 s timeout per request and Go's default User-Agent.
type ClientOptions struct {
	// Getenv reads the proxy settings HTTPS_PROXY, HTTP_PROXY and NO_PROXY
	// (upper case first, then lower case). Nil means an empty environment:
	// no proxy. Library code never reads os.Getenv itself.
	Getenv func(string) string
	// Timeout bounds one request, from dialing to the end of the body; zero
	// means DefaultTimeout. Retries get a fresh Timeout each.
	Timeout time.Duration
	// UserAgent is sent on every request that does not set its own; empty
	// means Go's default.
	UserAgent string
}

// NewHTTPClient returns the one *http.Client a run shares: its own
// Transport with the semantics of http.DefaultTransport (keep-alive, HTTP/2
// attempted, dial and TLS handshake timeouts), enough idle connections per
// host for concurrent probes, the proxy taken from o.Getenv, and redirects
// never followed (Checkout.com does not redirect API calls, and a redirect
// must not carry the Authorization header anywhere else; the 3xx is
// returned as is).
//
// The proxy follows golang.org/x/net/http/httpproxy, as the Go standard
// library does: HTTPS_PROXY for https:// URLs, HTTP_PROXY for http://,
// NO_PROXY for exceptions, and requests to localhost or a loopback address
// never use a proxy, whatever the environment says.
func NewHTTPClient(o ClientOptions) *http.Client {
	timeout := o.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.Proxy = proxyFunc(o.Getenv)
	t.OnProxyConnectResponse = transport.OnProxyConnectResponse
	t.ForceAttemptHTTP2 = true
	t.MaxIdleConns = 2 * DefaultMaxIdleConnsPerHost
	t.MaxIdleConnsPerHost = DefaultMaxIdleConnsPerHost
	t.TLSHandshakeTimeout = timeout
	t.ResponseHeaderTimeout = timeout
	t.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12}
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

// proxyFunc returns the Transport.Proxy function for the environment read
// by getenv (nil: none).
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
	f := cfg.ProxyFunc()
	return func(r *http.Request) (*url.URL, error) { return f(r.URL) }
}

// userAgentTransport sets the User-Agent on requests that have none.
type userAgentTransport struct {
	next      http.RoundTripper
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
