package transport

import (
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"syscall"
)

// Error is a request that got no usable HTTP answer. Its message names the
// host and the cause in words of this package, and never quotes text that a
// server, a proxy or a certificate supplied.
type Error struct {
	// Host is the host[:port] of the request URL; for CauseProxy and
	// CauseProxyAuth, the proxy's host when it is known.
	Host string
	// Cause is the stage at which the request failed.
	Cause Cause
	// Err is the underlying error (for errors.Is and errors.As); its text
	// is never part of Error().
	Err error
}

// New classifies err, met by a request to host.
func New(host string, err error) *Error {
	e := &Error{Host: host, Cause: Classify(err), Err: err}
	var proxy *ProxyStatusError
	if errors.As(err, &proxy) && proxy.ProxyHost != "" {
		e.Host = proxy.ProxyHost
	}
	return e
}

// Error says "cannot reach HOST: CAUSE; FIX".
func (e *Error) Error() string {
	cause, fix := e.describe()
	return fmt.Sprintf("cannot reach %s: %s; %s", e.Host, cause, fix)
}

// Unwrap returns Err.
func (e *Error) Unwrap() error { return e.Err }

// Timeout reports whether the request ran out of time.
func (e *Error) Timeout() bool { return e.Cause == CauseTimeout }

// Retryable reports whether a new attempt may succeed: see
// Cause.Retryable; a DNS failure is retryable when the resolver said it
// was temporary or timed out.
func (e *Error) Retryable() bool {
	if e.Cause == CauseDNS {
		var dns *net.DNSError
		return errors.As(e.Err, &dns) && (dns.IsTimeout || dns.IsTemporary)
	}
	return e.Cause.Retryable()
}

// describe returns the cause and the fix, in words.
func (e *Error) describe() (cause, fix string) {
	const network = "check the runner's network or proxy settings"
	switch e.Cause {
	case CauseDNS:
		return "DNS lookup failed (" + dnsDetail(e.Err) + ")", network
	case CauseConnect:
		return "connection failed (" + errnoDetail(e.Err, "no route or refused") + ")", "check the runner's network, firewall or proxy settings"
	case CauseTLS:
		return "TLS handshake failed (" + tlsDetail(e.Err) + ")",
			"a proxy or firewall may be intercepting TLS; check HTTPS_PROXY, the CA certificates (SSL_CERT_FILE) and any api-url override"
	case CauseTimeout:
		return "no answer in time", "the network or the service is slow; rerun, or allow more time"
	case CauseReset:
		return "the connection was reset", network
	case CauseEOF:
		return "the connection closed before a complete answer", network
	case CauseProxy:
		return "the proxy failed" + proxyDetail(e.Err), "check HTTPS_PROXY, HTTP_PROXY and NO_PROXY"
	case CauseProxyAuth:
		return "the proxy asks for credentials (407 Proxy Authentication Required)",
			"put the proxy's user and password in HTTPS_PROXY (https://user:password@proxy:port), or add the host to NO_PROXY"
	case CauseCanceled:
		return "the run was canceled", "rerun"
	}
	return "the request failed with an unexpected protocol error", network + ", and any api-url or auth-url override"
}

// dnsDetail says why a lookup failed, from a fixed vocabulary.
func dnsDetail(err error) string {
	var dns *net.DNSError
	switch {
	case !errors.As(err, &dns):
		return "lookup error"
	case dns.IsNotFound:
		return "no such host"
	case dns.IsTimeout:
		return "timed out"
	case dns.IsTemporary:
		return "temporary failure"
	}
	return "lookup error"
}

// errnoDetail names the system error inside err (its text comes from the
// operating system's table, not from the peer), else def.
func errnoDetail(err error, def string) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return errno.Error()
	}
	return def
}

// tlsDetail names what failed in a handshake without quoting the
// certificate, whose names the peer chose.
func tlsDetail(err error) string {
	var (
		unknown  x509.UnknownAuthorityError
		hostname x509.HostnameError
		invalid  x509.CertificateInvalidError
	)
	switch {
	case errors.As(err, &unknown):
		return "certificate signed by an unknown authority"
	case errors.As(err, &hostname):
		return "certificate is not valid for this host"
	case errors.As(err, &invalid):
		if invalid.Reason == x509.Expired {
			return "certificate expired or not yet valid"
		}
		return "certificate is not valid"
	}
	return "handshake error"
}

// proxyDetail says how the proxy failed: its status code when it refused
// the tunnel, never its status text.
func proxyDetail(err error) string {
	var proxy *ProxyStatusError
	if errors.As(err, &proxy) && proxy.Status != 0 {
		return fmt.Sprintf(" (it answered %d to the tunnel request)", proxy.Status)
	}
	return " (unreachable or closed the connection)"
}
