package transport

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"syscall"
)

// Cause is the stage at which a request failed without an HTTP answer.
type Cause string

// The causes Classify tells apart.
const (
	CauseDNS       Cause = "dns"        // the host name did not resolve
	CauseConnect   Cause = "connect"    // no TCP connection (refused, unreachable)
	CauseTLS       Cause = "tls"        // the TLS handshake or the certificate check failed
	CauseTimeout   Cause = "timeout"    // no answer within the time limit
	CauseReset     Cause = "reset"      // the peer reset the connection
	CauseEOF       Cause = "eof"        // the connection closed before a complete answer
	CauseProxy     Cause = "proxy"      // the proxy could not be reached or refused the tunnel
	CauseProxyAuth Cause = "proxy-auth" // the proxy wants credentials (407)
	CauseCanceled  Cause = "canceled"   // the run was cancelled
	CauseOther     Cause = "other"      // anything else
)

// Classify names the cause of err, an error returned by http.Client.Do (or
// by reading a response body). A nil err is CauseOther.
func Classify(err error) Cause {
	var (
		op       *net.OpError
		dns      *net.DNSError
		proxy    *ProxyStatusError
		verify   *tls.CertificateVerificationError
		record   tls.RecordHeaderError
		alert    tls.AlertError
		ech      *tls.ECHRejectionError
		unknown  x509.UnknownAuthorityError
		hostname x509.HostnameError
		invalid  x509.CertificateInvalidError
		netErr   net.Error
	)
	switch {
	case err == nil:
		return CauseOther
	case errors.Is(err, context.Canceled):
		return CauseCanceled
	case errors.As(err, &proxy):
		if proxy.Status == 407 {
			return CauseProxyAuth
		}
		return CauseProxy
	case errors.As(err, &op) && op.Op == "proxyconnect":
		return CauseProxy
	case errors.As(err, &dns):
		return CauseDNS
	case errors.As(err, &verify), errors.As(err, &record), errors.As(err, &alert), errors.As(err, &ech),
		errors.As(err, &unknown), errors.As(err, &hostname), errors.As(err, &invalid):
		return CauseTLS
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		return CauseTimeout
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		return CauseReset
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return CauseEOF
	case errors.Is(err, syscall.ECONNREFUSED), errors.As(err, &op) && op.Op == "dial":
		return CauseConnect
	}
	return CauseOther
}

// Retryable reports whether a new attempt may succeed where a failure of
// this cause did: a refused or reset connection, a timeout or an early
// close. DNS failures are retried only when temporary (see Error.Retryable).
func (c Cause) Retryable() bool {
	switch c {
	case CauseConnect, CauseTimeout, CauseReset, CauseEOF:
		return true
	}
	return false
}
