package oauth

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"

	"golang.org/x/oauth2"
)

// maxBodyScan is how much of a body is looked at (and scrubbed) before it is
// cut down to a description.
const maxBodyScan = 4 << 10

// retrieveErrorToError converts the error answer oauth2 parsed into an
// *Error. Body text is scrubbed of the secrets and cut short; the raw body
// never leaves this function.
func retrieveErrorToError(re *oauth2.RetrieveError, now time.Time, secrets ...string) *Error {
	e := &Error{Code: sanitizeCode(re.ErrorCode)}
	if re.Response != nil {
		e.HTTPStatus = re.Response.StatusCode
		e.RetryAfter = retryAfter(re.Response.Header.Get("Retry-After"), now)
	}
	if e.HTTPStatus >= 200 && e.HTTPStatus < 300 {
		// A 2xx answer with an error code may still carry a token.
		var issued struct {
			AccessToken string `json:"access_token"`
		}
		if json.Unmarshal(re.Body, &issued) == nil && issued.AccessToken != "" {
			secrets = append(secrets[:len(secrets):len(secrets)], issued.AccessToken)
		}
	}
	if e.Code == "" && e.HTTPStatus == http.StatusUnauthorized {
		e.Code = CodeInvalidClient
	}
	switch {
	case re.ErrorDescription != "":
		e.Description = sanitize(re.ErrorDescription, maxDescription, secrets...)
	case re.ErrorCode == "" && len(re.Body) > 0:
		body := re.Body
		if len(body) > maxBodyScan {
			body = body[:maxBodyScan]
		}
		e.Description = sanitize(string(body), maxDescription, secrets...)
	}
	return e
}

// sanitizeCode returns code when it looks like an OAuth error code, else "".
func sanitizeCode(code string) string {
	if code == "" || len(code) > 64 {
		return ""
	}
	for _, r := range code {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '.' || r == '-') {
			return ""
		}
	}
	return code
}

// retryAfter reads a Retry-After value: delay-seconds or an HTTP date
// (relative to now). It returns 0 for an absent, past or unreadable value.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n <= 0 || n > int64(24*time.Hour/time.Second) {
			return 0
		}
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// invalidResponse describes a 2xx answer that held no usable token, by its
// shape only: the body of a 2xx answer may hold a token, so it is never
// quoted.
func invalidResponse(status int, contentType string, body []byte) *Error {
	media, _, _ := mime.ParseMediaType(contentType)
	media = sanitize(media, 60)
	var desc string
	var fields map[string]json.RawMessage
	switch {
	case len(body) == 0:
		desc = "the body is empty"
	case json.Unmarshal(body, &fields) != nil:
		desc = fmt.Sprintf("the body (%d bytes, content type %q) is not a JSON object", len(body), media)
	default:
		desc = "the JSON body has no access_token"
	}
	return &Error{Code: CodeInvalidResponse, HTTPStatus: status, Description: desc}
}

// newTransportError wraps a failure to exchange HTTP with host.
func newTransportError(host string, err error, secrets ...string) *TransportError {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return &TransportError{
		Host:   host,
		Cause:  causeOf(err),
		Err:    err,
		detail: sanitize(err.Error(), maxDescription, secrets...),
	}
}

// causeOf names the kind of a transport failure.
func causeOf(err error) string {
	var (
		dnsErr  *net.DNSError
		opErr   *net.OpError
		netErr  net.Error
		certErr *tls.CertificateVerificationError
		authErr x509.UnknownAuthorityError
		hostErr x509.HostnameError
		invErr  x509.CertificateInvalidError
		recErr  tls.RecordHeaderError
		alert   tls.AlertError
		echErr  *tls.ECHRejectionError
	)
	switch {
	case errors.Is(err, context.Canceled):
		return CauseCanceled
	case errors.Is(err, context.DeadlineExceeded):
		return CauseTimeout
	case errors.As(err, &opErr) && opErr.Op == "proxyconnect":
		return CauseProxy
	case errors.As(err, &dnsErr):
		return CauseDNS
	case errors.Is(err, syscall.ECONNREFUSED):
		return CauseRefused
	case errors.As(err, &certErr), errors.As(err, &authErr), errors.As(err, &hostErr),
		errors.As(err, &invErr), errors.As(err, &recErr), errors.As(err, &alert), errors.As(err, &echErr):
		return CauseTLS
	case errors.As(err, &netErr) && netErr.Timeout():
		return CauseTimeout
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE),
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return CauseReset
	}
	return CauseNetwork
}
