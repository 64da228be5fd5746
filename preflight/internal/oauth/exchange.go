package oauth

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/url"
	"strconv"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/credential"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/transport"
)

// Exchange asks the token endpoint for a token with the client-credentials
// grant: a POST of grant_type=client_credentials and, when scopes is not
// empty, scope=<the scopes, once each, in order, space-separated>, with the
// client id and secret as HTTP Basic credentials.
//
// On success the Token's Scopes say what was granted (see [Token]). A
// refusal is an [*Error] (use errors.As; invalid_client and invalid_scope
// are verdicts, [Error.Inconclusive] says which errors are not); an answer
// that could not be had is a [*transport.Error]. A 429 or 5xx answer is
// retried once after Config.RetryWait or the server's Retry-After, unless
// that would pass the context's deadline; the error of the last answer is
// returned. Invalid configuration, an empty client id or secret, or a scope
// that is not a valid scope token is a plain error, and nothing is sent.
// No error ever holds the client secret, the access token or the
// Authorization header.
func (c Config) Exchange(ctx context.Context, clientID, clientSecret string, scopes []string) (Token, error) {
	u, err := c.check()
	if err != nil {
		return Token{}, err
	}
	if clientID == "" || clientSecret == "" {
		return Token{}, fmt.Errorf("oauth: the client id or secret is empty; give both halves of the access key")
	}
	requested, err := requestScopes(scopes)
	if err != nil {
		return Token{}, err
	}
	tok, err := c.attempt(ctx, u, clientID, clientSecret, requested)
	var e *Error
	if err == nil || !errors.As(err, &e) || !e.Temporary() {
		return tok, err
	}
	wait, ok := c.retryWait(ctx, e)
	if !ok {
		return Token{}, err
	}
	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return Token{}, err
	case <-timer.C:
	}
	return c.attempt(ctx, u, clientID, clientSecret, requested)
}

// retryWait returns how long to wait before retrying after e, and false
// when there should be no retry.
func (c Config) retryWait(ctx context.Context, e *Error) (time.Duration, bool) {
	if c.RetryWait < 0 {
		return 0, false
	}
	wait := e.RetryAfter
	if wait == 0 {
		wait = c.RetryWait
		if wait == 0 {
			wait = DefaultRetryWait
		}
		if wait >= 4 {
			wait += rand.N(wait / 4) // spread concurrent retries apart
		}
	}
	if wait > maxRetryWait {
		return 0, false
	}
	if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) <= wait {
		return 0, false
	}
	return wait, true
}

// attempt makes one token request.
func (c Config) attempt(ctx context.Context, u *url.URL, clientID, clientSecret string, requested []string) (Token, error) {
	now := c.now()
	bd := transport.WithBodyDeadline(ctx)
	defer bd.Stop()
	ctx = bd.Context()
	rec := &recorder{}
	client := *c.HTTPClient
	client.Transport = &recordingTransport{base: c.HTTPClient.Transport, rec: rec, headers: func() { bd.Start(transport.DefaultBodyWait) }}
	client.CheckRedirect = noRedirects
	cc := clientcredentials.Config{
		ClientID:     clientID,
		ClientSecret: clientSecret,
		TokenURL:     u.String(),
		Scopes:       requested,
		AuthStyle:    oauth2.AuthStyleInHeader,
	}
	tok, err := cc.Token(context.WithValue(ctx, oauth2.HTTPClient, &client))
	if err == nil {
		if perr := credential.Plausible(tok.AccessToken); perr != nil {
			err = &Error{Code: CodeInvalidResponse, HTTPStatus: rec.status, Description: "the access token cannot be real: it is " + perr.Error()}
		} else if c.Mask != nil {
			c.Mask(tok.AccessToken)
		}
	} else {
		err = classify(err, rec, u.Host, now)
		if bd.Expired() {
			err = transport.SlowBody(u.Host)
		}
	}
	c.log(u, rec, now, err)
	if err != nil {
		return Token{}, err
	}
	return newToken(tok, requested, now), nil
}

// log writes the debug line of one token request, once any token it
// brought is masked.
func (c Config) log(u *url.URL, rec *recorder, start time.Time, err error) {
	if c.Debug == nil {
		return
	}
	l := transport.RequestLog{Method: "POST", Host: u.Host, Path: u.Path, Attempt: 1, Status: rec.status, RequestID: rec.requestID, Duration: c.now().Sub(start)}
	var te *transport.Error
	if errors.As(err, &te) {
		l.Error = te.Error()
	}
	c.Debug(l.String())
}

// classify turns an error from clientcredentials into an *Error or a
// *transport.Error.
func classify(err error, rec *recorder, host string, now time.Time) error {
	var re *oauth2.RetrieveError
	switch {
	case errors.As(err, &re):
		return retrieveErrorToError(re, now)
	case rec.readErr != nil:
		return transport.New(host, rec.readErr)
	case rec.status != 0 && ctxErr(err) == nil:
		// An answer arrived and was read, yet oauth2 found no token in it.
		return invalidResponse(rec.status, rec.contentType, rec.body)
	}
	return transport.New(host, err)
}

// ctxErr returns the context error err wraps, if any.
func ctxErr(err error) error {
	if errors.Is(err, context.Canceled) {
		return context.Canceled
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return context.DeadlineExceeded
	}
	return nil
}

// newToken builds a Token from oauth2's, reading the granted scopes and the
// expiry.
func newToken(tok *oauth2.Token, requested []string, now time.Time) Token {
	access := tok.AccessToken
	t := Token{access: func() string { return access }}
	if scopes, ok := scopesFromExtra(tok.Extra("scope")); ok {
		t.Scopes, t.ScopeSource = scopes, ScopeSourceResponse
	} else if scopes, err := ScopesFromJWT(tok.AccessToken); err == nil && scopes != nil {
		t.Scopes, t.ScopeSource = scopes, ScopeSourceJWT
	} else if len(requested) > 0 {
		t.Scopes, t.ScopeSource = append([]string{}, requested...), ScopeSourceRequested
	}
	if secs := expiresIn(tok.Extra("expires_in")); secs > 0 {
		t.Expiry = now.Add(time.Duration(secs) * time.Second)
	}
	return t
}

// expiresIn reads the expires_in field (a JSON number, or a string or
// number from a form-encoded answer); 0 when absent or unreadable.
func expiresIn(v any) int64 {
	const max = int64(10 * 365 * 24 * time.Hour / time.Second)
	var n int64
	switch v := v.(type) {
	case float64:
		if v > 0 && v <= float64(max) {
			n = int64(v)
		}
	case int64:
		n = v
	case string:
		n, _ = strconv.ParseInt(v, 10, 64)
	}
	if n <= 0 || n > max {
		return 0
	}
	return n
}
