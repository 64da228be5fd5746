// Package checkout is the HTTP client for Checkout.com: base URLs, the one
// shared *http.Client, retries, and the classification of a probe's answer.
//
// # Endpoints
//
// ResolveEndpoints gives the base URL of every host a run may call for an
// environment ("sandbox" or "production") and an optional account prefix
// ({prefix}.api.checkout.com, {prefix}.access.checkout.com). The api-url
// override replaces the base of every API-family host at once (api, files,
// transfers, balances, forward, identity-verification): a proxy or private
// link fronts them all. (Two operations share a path on two hosts — POST
// /files and GET /files/{id} exist on both the API host, for disputes, and
// the files host — so behind one override they reach the same route.) The
// auth-url override replaces the token URL. Credentials are only ever sent
// over HTTPS: an override with http:// is refused with a *ConfigError before
// any request, unless its host is loopback (localhost, 127.0.0.0/8, ::1),
// which is what tests and the simulator use.
//
// # The HTTP client
//
// NewHTTPClient builds the single *http.Client of a run: keep-alive, HTTP/2
// attempted, 64 idle connections per host for concurrent probes, a timeout
// per request, redirects never followed, and the proxy read from an injected
// environment (HTTPS_PROXY, HTTP_PROXY, NO_PROXY) through
// golang.org/x/net/http/httpproxy. Like the standard library, httpproxy
// never proxies requests to localhost or loopback addresses. The package
// links golang.org/x/crypto/x509roots/fallback so that TLS verification works
// in an image without system certificates.
//
// # Probes
//
// Client.Probe sends one probe.Probe and returns a Result:
//
//	401                          unauthenticated
//	403                          forbidden
//	400 404 405 409 415 422      authorized (the API got past authorization)
//	2xx to GET                   authorized
//	2xx to anything else         unexpected success (the probe should fail)
//	429, 5xx after retries       inconclusive
//	3xx, 407, other statuses     inconclusive, with a *StatusError
//	no answer                    inconclusive, with a *TransportError
//
// 429, 500, 502, 503 and 504, and transient network failures, are retried
// with exponential backoff and jitter (github.com/cenkalti/backoff/v5),
// honouring Retry-After (seconds or an HTTP date) up to RetryPolicy.Max. A
// wait that would outlast the context's deadline is not started: a huge
// Retry-After cannot hold the run. POST and PATCH probes carry a
// Cko-Idempotency-Key made once per probe and repeated on each of its
// retries, so a retried request can never act twice.
//
// # Secrets
//
// The Authorization value is set on the request and nowhere else. Answers'
// bodies are read at most 4 KiB, discarded and never shown. Log entries hold
// the method, host, path, status, Cko-Request-Id, duration and attempt —
// never a header. As a last line of defence, an error message or request id
// containing any 8-character piece of the credential is withheld.
package checkout
