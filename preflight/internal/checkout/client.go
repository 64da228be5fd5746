package checkout

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/cenkalti/backoff/v5"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/probe"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/transport"
)

// maxBodyRead is how much of an answer's body is read (and discarded) so
// that the connection can be reused; a longer body closes the connection.
const maxBodyRead = 4 << 10

// Client sends probes to Checkout.com. Its zero value is usable with
// NewHTTPClient's defaults, the default retry policy and no logging, but
// needs Endpoints. It is safe for concurrent use if Log is.
type Client struct {
	// HTTP sends the requests; nil means a NewHTTPClient(ClientOptions{})
	// per probe (no proxy, no connection reuse across probes): set it.
	HTTP *http.Client
	// Endpoints maps a probe's host to a base URL.
	Endpoints Endpoints
	// UserAgent is set on every request; empty leaves it to HTTP.
	UserAgent string
	// Retry is the retry policy; the zero value means the defaults.
	Retry RetryPolicy
	// NewIdempotencyKey returns the Cko-Idempotency-Key of one probe; nil
	// means a random UUIDv4.
	NewIdempotencyKey func() string
	// Log receives one entry per request; nil means no logging. Entries
	// never contain headers (bar Cko-Request-Id) or bodies.
	Log func(transport.RequestLog)
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// BodyWait bounds the time an answer's body may take once its status
	// is in; zero means transport.DefaultBodyWait.
	BodyWait time.Duration
}

// attempt is the state of one request of a probe.
type attempt struct {
	answer     Answer
	status     int
	requestID  string
	retryAfter time.Duration
	err        error // *transport.Error or nil
}

// Probe sends p with the Authorization header set to authorization
// (verbatim; empty sends none) and classifies the answer. POST and PATCH
// probes carry a Cko-Idempotency-Key made once for the probe and repeated on
// every retry. 429 and server errors are retried as c.Retry says, within
// ctx; Probe never returns before its requests' bodies are closed. A probe
// with Skip set is not sent (OutcomeNotChecked).
func (c *Client) Probe(ctx context.Context, authorization string, p probe.Probe) Result {
	now := c.Now
	if now == nil {
		now = time.Now
	}
	start := now()
	if p.Skip != "" {
		return Result{Outcome: OutcomeNotChecked, Err: fmt.Errorf("%s %s is not probed: %s", p.Method, p.Path, p.Skip)}
	}
	base := c.Endpoints.Base(p.Host)
	if base == "" {
		return Result{Outcome: OutcomeInconclusive, Err: fmt.Errorf("no base URL for host %q of %s %s; want one of api, files, transfers, balances, forward, identity-verification, access", p.Host, p.Method, p.Path)}
	}
	target, err := url.Parse(base + p.Path)
	if err != nil {
		return Result{Outcome: OutcomeInconclusive, Err: fmt.Errorf("cannot build the URL of %s %s: %w", p.Method, p.Path, err)}
	}
	target.RawQuery = p.Query
	key := ""
	if !p.Idempotent {
		key = c.idempotencyKey()
	}
	hc := c.HTTP
	if hc == nil {
		hc = NewHTTPClient(ClientOptions{})
		defer hc.CloseIdleConnections()
	}
	policy := c.Retry.withDefaults()
	bo := newBoundedBackOff(ctx, policy, now)
	attempts := 0
	var last attempt
	operation := func() (struct{}, error) {
		attempts++
		last = c.send(ctx, hc, authorization, key, p, target, attempts, now)
		switch {
		case last.err != nil:
			if te, ok := last.err.(*transport.Error); ok && te.Retryable() {
				return struct{}{}, last.err
			}
			return struct{}{}, backoff.Permanent(last.err)
		case retryable(last.status):
			if last.retryAfter > 0 {
				d, _ := bo.fits(last.retryAfter)
				bo.next(d)
				return struct{}{}, &backoff.RetryAfterError{Duration: d}
			}
			return struct{}{}, errors.New("retryable status")
		}
		return struct{}{}, nil
	}
	_, _ = backoff.Retry(ctx, operation,
		backoff.WithBackOff(bo),
		backoff.WithMaxTries(uint(policy.MaxAttempts)),
		backoff.WithMaxElapsedTime(0),
	)
	r := Result{
		HTTPStatus: last.status,
		RequestID:  last.requestID,
		Attempts:   attempts,
		Duration:   now().Sub(start),
	}
	if last.err != nil {
		r.Outcome, r.Err = OutcomeInconclusive, last.err
	} else {
		row := Evidence(p.Method, last.answer)
		r.Answer, r.Evidence = last.answer, row.ID
		r.Outcome = outcomeOf(row, last.answer)
		if r.Outcome == OutcomeInconclusive || r.Outcome == OutcomeUnexpectedSuccess {
			r.Err = &StatusError{Host: target.Host, Method: p.Method, Path: p.Path, Status: last.status,
				Attempts: attempts, RetryAfter: last.retryAfter, RequestID: last.requestID}
		}
	}
	return r
}

// send makes one request and reads the answer's status line and headers.
func (c *Client) send(ctx context.Context, hc *http.Client, authorization, key string, p probe.Probe, target *url.URL, n int, now func() time.Time) attempt {
	var body io.Reader
	if p.Body != nil {
		body = bytes.NewReader(p.Body)
	}
	began := now()
	entry := transport.RequestLog{Method: p.Method, Host: target.Host, Path: p.Path, Attempt: n}
	bd := transport.WithBodyDeadline(ctx)
	defer bd.Stop()
	req, err := http.NewRequestWithContext(bd.Context(), p.Method, target.String(), body)
	if err != nil {
		a := attempt{err: &transport.Error{Host: target.Host, Cause: transport.CauseOther, Err: err}}
		c.log(entry, a, began, now)
		return a
	}
	if authorization != "" {
		req.Header.Set("Authorization", authorization)
	}
	req.Header.Set("Accept", "application/json")
	if p.ContentType != "" {
		req.Header.Set("Content-Type", p.ContentType)
	}
	if key != "" {
		req.Header.Set("Cko-Idempotency-Key", key)
	}
	if c.UserAgent != "" {
		req.Header.Set("User-Agent", c.UserAgent)
	}
	resp, err := hc.Do(req)
	if err != nil {
		a := attempt{err: transport.New(target.Host, err)}
		c.log(entry, a, began, now)
		return a
	}
	// Bodies are never shown: read a little, for a while, so that the
	// connection can be reused, then close; the status is the answer.
	bd.Start(c.BodyWait)
	prefix, _ := io.ReadAll(io.LimitReader(resp.Body, maxBodyRead))
	_ = resp.Body.Close()
	a := attempt{
		answer:     readAnswer(resp.StatusCode, resp.Header, prefix),
		status:     resp.StatusCode,
		requestID:  transport.RequestID(resp.Header.Get("Cko-Request-Id")),
		retryAfter: transport.RetryAfter(resp.Header.Get("Retry-After"), now()),
	}
	c.log(entry, a, began, now)
	return a
}

func (c *Client) log(e transport.RequestLog, a attempt, began time.Time, now func() time.Time) {
	if c.Log == nil {
		return
	}
	e.Status, e.RequestID, e.Duration = a.status, a.requestID, now().Sub(began)
	if a.err != nil {
		e.Error = a.err.Error()
	}
	c.Log(e)
}

func (c *Client) idempotencyKey() string {
	if c.NewIdempotencyKey != nil {
		return c.NewIdempotencyKey()
	}
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}
