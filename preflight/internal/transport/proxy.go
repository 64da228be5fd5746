package transport

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
)

// ProxyStatusError is a proxy that refused to open a tunnel (CONNECT) with
// a status other than 200. It keeps the status code and the proxy's host,
// never the proxy's status text or headers, which the proxy chose (and
// which may echo a Proxy-Authorization value).
type ProxyStatusError struct {
	// ProxyHost is the proxy's host[:port], without user information.
	ProxyHost string
	// Status is the proxy's HTTP status code, e.g. 407.
	Status int
}

func (e *ProxyStatusError) Error() string {
	return fmt.Sprintf("proxy %s refused the tunnel with status %d", e.ProxyHost, e.Status)
}

// OnProxyConnectResponse is an http.Transport.OnProxyConnectResponse hook
// that turns a refused CONNECT into a *ProxyStatusError, so that net/http
// does not make an error of the proxy's own status text.
func OnProxyConnectResponse(_ context.Context, proxyURL *url.URL, _ *http.Request, resp *http.Response) error {
	if resp.StatusCode == http.StatusOK {
		return nil
	}
	host := ""
	if proxyURL != nil {
		host = proxyURL.Host
	}
	return &ProxyStatusError{ProxyHost: host, Status: resp.StatusCode}
}
