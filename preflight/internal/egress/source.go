package egress

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/netip"
	"net/url"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/transport"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// drainLimit is how much of an over-long answer is read and discarded so the
// connection can be reused.
const drainLimit = 4 << 10

// SourceError is why one echo service gave no usable address. Its message
// never quotes the service's answer beyond a short, sanitised prefix.
type SourceError struct {
	// URL is the service, with any password redacted.
	URL string
	// StatusCode is the HTTP status of a non-2xx answer; 0 when the service
	// answered 2xx or not at all.
	StatusCode int
	// Reason says what went wrong, lower-case, without the URL.
	Reason string
	// Err is the underlying cause (a transport or context error, or the
	// answer parse error); nil when there is none.
	Err error
}

// Error returns "echo service URL: reason[: cause]".
func (e *SourceError) Error() string { return "echo service " + e.URL + ": " + e.Detail() }

// Detail returns the message without the service URL: "reason[: cause]".
func (e *SourceError) Detail() string {
	if e.Err == nil {
		return e.Reason
	}
	return e.Reason + ": " + e.Err.Error()
}

// Unwrap returns the cause, so errors.Is(err, context.DeadlineExceeded)
// tells a timeout apart.
func (e *SourceError) Unwrap() error { return e.Err }

// query asks one echo service for the caller's address.
func query(ctx context.Context, client *http.Client, rawURL string) (netip.Addr, error) {
	fail := func(status int, reason string, err error) (netip.Addr, error) {
		return netip.Addr{}, &SourceError{URL: redact(rawURL), StatusCode: status, Reason: reason, Err: err}
	}
	bd := transport.WithBodyDeadline(ctx)
	defer bd.Stop()
	req, err := http.NewRequestWithContext(bd.Context(), http.MethodGet, rawURL, nil)
	if err != nil {
		return fail(0, "is not a usable URL; expected an http or https URL such as \"https://api.ipify.org\"", nil)
	}
	req.Header.Set("Accept", "text/plain, application/json;q=0.9")
	resp, err := client.Do(req)
	if err != nil {
		te := transport.New(req.URL.Host, err)
		switch te.Cause {
		case transport.CauseTimeout:
			return fail(0, "no answer before the deadline", te)
		case transport.CauseCanceled:
			return fail(0, "discovery was cancelled before it answered", te)
		default:
			return fail(0, "no answer", te)
		}
	}
	defer resp.Body.Close()
	bd.Start(transport.DefaultBodyWait)
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, drainLimit))
		return fail(resp.StatusCode, fmt.Sprintf("answered HTTP %s; expected 200 with the address", statusText(resp)), nil)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer+1))
	if err != nil {
		te := transport.New(req.URL.Host, err)
		if bd.Expired() {
			te = transport.SlowBody(req.URL.Host)
		}
		if te.Cause == transport.CauseTimeout {
			return fail(0, "the answer did not arrive before the deadline", te)
		}
		return fail(0, "the answer could not be read", te)
	}
	if len(body) > maxAnswer {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, drainLimit))
		return fail(0, fmt.Sprintf("answer is %s longer than %d bytes; expected just an IP address",
			describe(body), maxAnswer), nil)
	}
	addr, err := ParseAnswer(body)
	if err != nil {
		return fail(0, "answer ignored", err)
	}
	return addr, nil
}

// statusText renders "500 Internal Server Error" from the code alone, so a
// service cannot put its own text into the message.
func statusText(resp *http.Response) string {
	if t := http.StatusText(resp.StatusCode); t != "" {
		return fmt.Sprintf("%d %s", resp.StatusCode, t)
	}
	return fmt.Sprint(resp.StatusCode)
}

// redact hides a password in rawURL; it returns rawURL unchanged when it
// does not parse.
func redact(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return rawURL
	}
	return u.Redacted()
}

// EgressSources converts Sources for the report: each service's URL (any
// password redacted), address and error detail. It returns nil when no
// service was asked.
func (d Discovery) EgressSources() []report.EgressSource {
	var out []report.EgressSource
	for _, s := range d.Sources {
		es := report.EgressSource{URL: redact(s.URL)}
		if s.Addr.IsValid() {
			es.IP = s.Addr.String()
		}
		if s.Err != nil {
			var se *SourceError
			if errors.As(s.Err, &se) {
				es.Error = se.Detail()
			} else {
				es.Error = s.Err.Error()
			}
		}
		out = append(out, es)
	}
	return out
}
