package checkout

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"syscall"
	"time"
)

// Transport error operations, the stage at which a request failed.
const (
	OpDNS      = "dns"      // the host name did not resolve
	OpConnect  = "connect"  // no TCP connection (refused, unreachable)
	OpTLS      = "tls"      // the TLS handshake or certificate check failed
	OpTimeout  = "timeout"  // no answer within the time limit
	OpReset    = "reset"    // the peer reset the connection
	OpEOF      = "eof"      // the connection closed before a full answer
	OpProxy    = "proxy"    // the proxy could not be reached or refused
	OpCanceled = "canceled" // the run was canceled
	OpOther    = "other"    // anything else; Err has the detail
)

// TransportError is a request that got no HTTP answer. Its message names
// the host and the cause in words, never a header.
type TransportError struct {
	// Host is the host name (and port, if any) of the request URL.
	Host string
	// Op is one of the Op* constants.
	Op string
	// Err is the underlying error from net/http.
	Err error
}

func (e *TransportError) Error() string {
	cause, fix := "", "check the runner's network or proxy settings"
	switch e.Op {
	case OpDNS:
		cause = "DNS lookup failed (" + e.detail() + ")"
	case OpConnect:
		cause = "connection failed (" + e.detail() + ")"
		fix = "check the runner's network, firewall or proxy settings"
	case OpTLS:
		cause = "TLS handshake failed (" + e.detail() + ")"
		fix = "a proxy or firewall may be intercepting TLS; check HTTPS_PROXY, the CA certificates and any api-url override"
	case OpTimeout:
		cause = "no answer in time"
		fix = "the network or Checkout.com is slow; rerun, or allow more time"
	case OpReset:
		cause = "the connection was reset"
	case OpEOF:
		cause = "the connection closed before a complete answer"
	case OpProxy:
		cause = "the proxy failed (" + e.detail() + ")"
		fix = "check HTTPS_PROXY, HTTP_PROXY and NO_PROXY"
	case OpCanceled:
		cause = "the run was canceled"
		fix = "rerun"
	default:
		cause = "the request failed (" + e.detail() + ")"
	}
	return fmt.Sprintf("cannot reach %s: %s; %s", e.Host, cause, fix)
}

func (e *TransportError) Unwrap() error { return e.Err }

// detail is the innermost useful message of Err, without the URL that
// url.Error adds.
func (e *TransportError) detail() string {
	var dns *net.DNSError
	if errors.As(e.Err, &dns) {
		switch {
		case dns.IsNotFound:
			return "no such host"
		case dns.IsTimeout:
			return "timed out"
		}
		return dns.Err
	}
	err := e.Err
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	for {
		var op *net.OpError
		if !errors.As(err, &op) || op.Err == nil {
			break
		}
		err = op.Err
	}
	var sys *os.SyscallError
	if errors.As(err, &sys) {
		err = sys.Err
	}
	if err == nil {
		return "unknown error"
	}
	return err.Error()
}

// newTransportError classifies err, returned by http.Client.Do for a
// request to host.
func newTransportError(host string, err error) *TransportError {
	e := &TransportError{Host: host, Err: err, Op: OpOther}
	var (
		op       *net.OpError
		dns      *net.DNSError
		verify   *tls.CertificateVerificationError
		record   tls.RecordHeaderError
		alert    tls.AlertError
		unknown  x509.UnknownAuthorityError
		hostname x509.HostnameError
		invalid  x509.CertificateInvalidError
		netErr   net.Error
	)
	switch {
	case errors.Is(err, context.Canceled):
		e.Op = OpCanceled
	case errors.As(err, &op) && op.Op == "proxyconnect":
		e.Op = OpProxy
	case errors.As(err, &dns):
		e.Op = OpDNS
	case errors.As(err, &verify), errors.As(err, &record), errors.As(err, &alert),
		errors.As(err, &unknown), errors.As(err, &hostname), errors.As(err, &invalid):
		e.Op = OpTLS
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		e.Op = OpTimeout
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		e.Op = OpReset
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		e.Op = OpEOF
	case errors.As(err, &op) && op.Op == "dial":
		e.Op = OpConnect
	}
	return e
}

// retryableTransport reports whether a retry may succeed where e failed.
func retryableTransport(e *TransportError) bool {
	switch e.Op {
	case OpConnect, OpTimeout, OpReset, OpEOF:
		return true
	case OpDNS:
		var dns *net.DNSError
		return errors.As(e.Err, &dns) && (dns.IsTimeout || dns.IsTemporary)
	}
	return false
}

// StatusError is an HTTP answer that does not settle the probe: 429 or a
// server error after every retry, a redirect, a 407 from a proxy, another
// unexpected status, or a 2xx to a probe that should have been rejected.
type StatusError struct {
	// Host is the host name of the request URL.
	Host string
	// Method and Path are the probe's request line (no query).
	Method, Path string
	// Status is the HTTP status code of the last answer.
	Status int
	// Attempts is how many requests were sent.
	Attempts int
	// RetryAfter is the wait the last answer asked for; 0 when none.
	RetryAfter time.Duration
	// RequestID is the last answer's Cko-Request-Id; empty when none.
	RequestID string
}

func (e *StatusError) Error() string {
	answered := fmt.Sprintf("%s answered %d %s to %s %s", e.Host, e.Status, http.StatusText(e.Status), e.Method, e.Path)
	tries := ""
	if e.Attempts > 1 {
		tries = fmt.Sprintf(" after %d attempts", e.Attempts)
	}
	switch {
	case e.Status >= 200 && e.Status <= 299:
		id := ""
		if e.RequestID != "" {
			id = fmt.Sprintf(" (Cko-Request-Id %q)", e.RequestID)
		}
		return answered + id + "; the probe should have been rejected — check the account for a change made by this request and report it to checkout-preflight"
	case e.Status == http.StatusTooManyRequests:
		wait := ""
		if e.RetryAfter > 0 {
			wait = fmt.Sprintf(", asking to wait %s", e.RetryAfter)
		}
		return answered + tries + wait + "; rate limiting says nothing about the credential — rerun later or probe fewer endpoints"
	case e.Status >= 500:
		return answered + tries + "; a server error says nothing about the credential — rerun later"
	case e.Status == http.StatusProxyAuthRequired:
		return answered + "; a proxy wants credentials — put them in HTTPS_PROXY or add the host to NO_PROXY"
	case e.Status >= 300 && e.Status <= 399:
		return answered + "; Checkout.com does not redirect API calls, so a proxy or the api-url override is in the way — check them"
	}
	return answered + "; this status says nothing about the credential — check any proxy or api-url override in between"
}
