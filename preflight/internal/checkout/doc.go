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
// wherever the server offers it, 64 idle connections per host for
// concurrent probes against an HTTP/1.1 server, a timeout per request,
// redirects never followed, and the proxy read from an injected environment
// (HTTPS_PROXY, HTTP_PROXY, NO_PROXY) through golang.org/x/net/http/httpproxy.
// Like the standard library, httpproxy never proxies requests to localhost
// or loopback addresses.
//
// Its transport is net/http's, with these changes for a run that sends
// tens of requests at once to hosts it has never connected to:
//
//   - One connection per Checkout.com host. net/http dials once per
//     waiting request before it knows a host's protocol, and throws all but
//     one connection away once h2 is negotiated (28 of 31 TLS handshakes
//     for a secret key with 30 endpoints). Here the first request to a
//     *.checkout.com host, all of which speak h2, opens its first connection
//     alone, and the others wait; the connection becomes the first of the
//     transport's own h2 pool (h2pool.go, on net/http's ClientConn) and
//     every waiting request is multiplexed on it. To any other host (an
//     api-url or auth-url override, an echo service) the protocol cannot
//     be known in advance, and waiting would make an HTTP/1.1-only server
//     two round trips slower: each waiting request dials, as with net/http,
//     and if ALPN chose h2 every such connection joins the pool, none is
//     thrown away. An http/1.1 connection is left for net/http to take, and
//     once a host's protocol is known its requests never wait. A
//     Checkout.com host that answered http/1.1 after all would cost the
//     first wave those two round trips, never a verdict.
//   - At most the server's stream limit per h2 connection. When every
//     stream of every connection is taken, one request opens the next
//     connection and the others wait for it or for a stream, instead of
//     each dialling (net/http without StrictMaxConcurrentRequests) or
//     waiting for ever (with it: requests beyond the limit were never
//     sent). A stream the server refuses unprocessed (REFUSED_STREAM, as
//     when requests go out before its SETTINGS lower the limit), and a
//     request whose connection died under it, is sent again (see
//     sendAgain for why every request of this client may be): up to
//     maxAgain times, not counting connections that were pooled before it
//     came and turn out dead, which it walks past one by one.
//   - Prewarm opens a host's connection before any request needs it (the
//     API host while an OAuth token is fetched). Requests to a Checkout.com
//     host that come while it is being opened wait for it; net/http takes
//     an http/1.1 one as the next connection it dials to the host.
//   - Through a plain http:// proxy (HTTPS_PROXY), the client opens the
//     CONNECT tunnels itself (tunnel.go), one per connection it would have
//     dialled, so that the above holds behind a proxy too; net/http would
//     open one per waiting request.
//   - The certificate roots are loaded in the background from the moment
//     the client is made, while the first TCP handshake is under way,
//     instead of at the first TLS handshake's certificate check: the system
//     store (or the golang.org/x/crypto/x509roots/fallback bundle linked
//     into the binary, when the system has none) plus the certificates of
//     SSL_CERT_FILE and SSL_CERT_DIR read through the injected environment,
//     so that a test can trust its own root without touching the process.
//
// The protocol logic stays net/http's: the client dials and handshakes TLS
// itself for direct https connections (DialTLSContext), chooses the h2
// connection for each request, and net/http does the rest, HTTP/2
// included. Requests through an https:// or socks5:// proxy, and plain
// http:// requests through any proxy, use a second, unmodified net/http
// transport; with a proxy, extra roots from SSL_CERT_FILE or SSL_CERT_DIR
// are read when the client is made.
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
