package checkout

import (
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
)

// proxyVariables are the variables the proxy is read from, in the order
// they are consulted.
func proxyVariables() []string {
	return []string{"HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"}
}

// CheckProxyEnv checks the proxy variables getenv reads before any request
// is sent. It returns the user names and passwords the proxy URLs carry
// (secrets, to be masked and redacted; nil when none), and an error naming
// each variable that is not a proxy URL, so that a mistyped proxy is a
// configuration error rather than a silent direct connection. The error
// never quotes a variable's value, which may hold a password.
func CheckProxyEnv(getenv func(string) string) (secrets []string, err error) {
	if getenv == nil {
		return nil, nil
	}
	var bad []string
	for _, name := range proxyVariables() {
		v := strings.TrimSpace(getenv(name))
		if v == "" {
			continue
		}
		u, ok := parseProxy(v)
		if !ok {
			bad = append(bad, name)
			continue
		}
		if u.User != nil {
			secrets = append(secrets, u.User.Username())
			if pw, ok := u.User.Password(); ok {
				secrets = append(secrets, pw)
			}
		}
	}
	if len(bad) > 0 {
		what := "is not a proxy URL"
		if len(bad) > 1 {
			what = "are not proxy URLs"
		}
		return secrets, fmt.Errorf("%s %s; write it like http://proxy.example.com:3128 (http, https or socks5, with a host and an optional port), or unset it",
			strings.Join(bad, " and "), what)
	}
	return secrets, nil
}

// parseProxy reads a proxy variable as golang.org/x/net/http/httpproxy
// does (a value without a scheme is http://) and reports whether it names
// a usable proxy.
func parseProxy(v string) (*url.URL, bool) {
	u, err := url.Parse(v)
	if err != nil || u.Scheme == "" || !strings.Contains(v, "://") {
		if u, err = url.Parse("http://" + v); err != nil {
			return nil, false
		}
	}
	switch u.Scheme {
	case "http", "https", "socks5", "socks5h":
	default:
		return nil, false
	}
	host, port := u.Hostname(), u.Port()
	if host == "" || strings.ContainsAny(host, " \t") || (u.Path != "" && u.Path != "/") {
		return nil, false
	}
	if port != "" {
		if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
			return nil, false
		}
	}
	if _, _, err := net.SplitHostPort(u.Host); err != nil && port != "" {
		return nil, false
	}
	return u, true
}
