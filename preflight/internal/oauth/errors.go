package oauth

import (
	"fmt"
	"net/http"
	"time"
)

// OAuth error codes that [Error.Code] can hold. Other codes a server sends
// are kept as they are when they look like codes (lower-case letters,
// digits, '_', '.', '-'; at most 64 characters) and dropped otherwise.
const (
	// CodeInvalidClient: the client id or secret was refused (HTTP 400 or
	// 401; a 401 without a code is read as this, RFC 6749 §5.2).
	CodeInvalidClient = "invalid_client"
	// CodeInvalidScope: at least one requested scope is not granted to the
	// access key. See [Config.MissingScopes].
	CodeInvalidScope = "invalid_scope"
	// CodeUnauthorizedClient: the access key may not use this grant.
	CodeUnauthorizedClient = "unauthorized_client"
	// CodeInvalidRequest: the server could not read the request.
	CodeInvalidRequest = "invalid_request"
	// CodeInvalidResponse is not sent by servers: it marks an HTTP 2xx
	// answer without a usable access token (not JSON, no access_token).
	CodeInvalidResponse = "invalid_response"
)

// Error is an answer from the token endpoint that carries no token. It
// holds no text the server wrote: the code is kept only when it is spelt
// like an OAuth code, and Error wraps nothing.
type Error struct {
	// Code is the OAuth error code (see the Code constants); empty when the
	// server sent none, as with most 5xx and 429 answers.
	Code string
	// HTTPStatus is the status of the answer; never zero.
	HTTPStatus int
	// Description describes, for CodeInvalidResponse, the shape of the
	// body (never its text); empty otherwise.
	Description string
	// RetryAfter is the wait the server asked for with Retry-After on a 429
	// or 503; zero when it asked for none.
	RetryAfter time.Duration
}

// Temporary reports whether the answer says the endpoint is unavailable
// right now (HTTP 429 or 5xx), so that asking again later may succeed.
func (e *Error) Temporary() bool {
	return e.HTTPStatus == http.StatusTooManyRequests || e.HTTPStatus >= 500
}

// Inconclusive reports whether the answer says nothing about the
// credential: everything except invalid_client, invalid_scope and
// unauthorized_client answered without a temporary status. Outages, rate limits,
// invalid_response, invalid_request (a fault in the request, not the
// credential) and unexpected statuses are inconclusive.
func (e *Error) Inconclusive() bool {
	if e.Temporary() {
		return true
	}
	switch e.Code {
	case CodeInvalidClient, CodeInvalidScope, CodeUnauthorizedClient:
		return false
	}
	return true
}

// Error describes the answer and what to do about it.
func (e *Error) Error() string {
	what := fmt.Sprintf("HTTP %d", e.HTTPStatus)
	if e.Code != "" {
		what = e.Code + ", " + what
	}
	if e.Description != "" {
		what += ": " + fmt.Sprintf("%q", e.Description)
	}
	switch {
	case e.Code == CodeInvalidClient:
		return "checkout.com rejected the access key's client id or secret (" + what + "); " +
			"check that both come from the same access key and from the environment (sandbox or production) of the token URL, " +
			"or create a new access key in the Dashboard"
	case e.Code == CodeInvalidScope:
		return "checkout.com refused one or more requested scopes (" + what + "); " +
			"add the scopes to the access key in the Dashboard, or request only scopes the key holds"
	case e.Code == CodeUnauthorizedClient:
		return "checkout.com does not let this access key use the client-credentials grant (" + what + "); " +
			"check the access key in the Dashboard or create a new one"
	case e.Code == CodeInvalidRequest:
		return "checkout.com could not read the token request (" + what + "); " +
			"this is likely a bug in checkout-preflight, please report it"
	case e.Code == CodeInvalidResponse:
		return "the token endpoint answered without a usable access token (" + what + "); " +
			"check that the token URL points at Checkout.com, then retry"
	case e.HTTPStatus == http.StatusTooManyRequests:
		return "the token endpoint is rate limiting requests (" + what + "); the credential could not be checked, retry later"
	case e.HTTPStatus >= 500:
		return "the token endpoint is unavailable (" + what + "); the credential could not be checked, retry later"
	default:
		return "the token endpoint answered unexpectedly (" + what + "); " +
			"check that the token URL points at Checkout.com's /connect/token"
	}
}
