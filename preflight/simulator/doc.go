// Package simulator is a fake Checkout.com that runs in-process on
// loopback, in the manner of net/http/httptest: tests of every package, and
// the `checkout-preflight simulate` demo, point the tool's base URLs at a
// Server and watch what it sends.
//
// A Server knows a fixed set of credentials (Options.Credentials) and
// serves, on one base URL (URL):
//
//   - the OAuth client-credentials token endpoint, TokenURL
//     ("/connect/token"), issuing HS256 JWT access tokens signed with a
//     per-server random key, with claims client_id, scope (a JSON array),
//     iat and exp;
//   - every operation of a catalog (catalog.Default unless
//     Options.Catalog), authenticated and authorised the way Checkout.com
//     does, but holding no resources: any path with a parameter answers
//     404, collection GETs answer an empty list, and creates validate their
//     body (see Server.ServeHTTP and the statuses below);
//   - an IP echo: EchoURL ("/ip", text), EchoJSONURL ("/ip.json") and
//     EchoIPv6URL ("/ip6").
//
// Statuses of API routes, in the order they are decided; the rows marked
// with an option are behaviour profiles (Options), off by default, each
// recorded in Request.Rule when it decides or shapes an answer:
//
//	422 request_invalid  ValidateBeforeAuth: a listed write whose body is not
//	                 a JSON object with a member, before any credential check
//	404 request_id   LookupBeforeAuth: a listed path with a parameter, before
//	                 any credential check
//	401 empty body   no, unknown, revoked or expired credential; a
//	                 current-platform key sent without "Bearer", or a
//	                 previous-platform key sent with it (UnknownKeyBody,
//	                 UnknownKeyChallenge shape it)
//	404 request_id   no operation has the path
//	405 empty body   the path exists, not with this method (Allow lists them)
//	404 request_id   LookupBeforeScope: a listed path with a parameter
//	403 empty body   the operation is in the credential's Restricted list
//	401 empty body   a public key on an operation that does not accept
//	                 public keys (shaped like the unknown-key 401)
//	403 empty body   a scope is missing (MissingScopeStatus, MissingScopeBody,
//	                 MissingScopeChallenge)
//	403 operation_not_allowed  BusinessRule403: a listed action
//	404 request_id   the path names a resource: none exists
//	200 {"data":[]}  GET of a collection
//	201 {"id":…}     POST/PUT/PATCH of a collection with a JSON object body
//	                 with at least one member (with ValidateTokenRequests,
//	                 POST /tokens also needs card or wallet data): a side effect
//	422 request_invalid  any other body
//	204              DELETE of a collection: a side effect
//
// What each profile models, and its source:
//
//	MissingScopeStatus 401   OpenAPI: 401 on 103 of 104 operations
//	MissingScopeBody         OpenAPI ErrorResponse: error_type "forbidden",
//	                         code operation_not_allowed_for_scope
//	MissingScopeChallenge    RFC 6750 §3.1 insufficient_scope; possible, not
//	                         documented
//	UnknownKeyBody           empty (OpenAPI's bare 401s) or JSON; either possible
//	UnknownKeyChallenge      RFC 6750 §3.1 invalid_token; possible, not documented
//	BusinessRule403          OpenAPI 403s "Capture/Refund/Void not allowed",
//	                         sessions' "Forbidden" (operation_not_allowed,
//	                         update_not_allowed_due_to_state); .NET SDK reversal
//	                         test accepts 403 or 404 for an unknown payment
//	ValidateBeforeAuth       possible; not documented
//	LookupBeforeAuth         possible; not documented
//	LookupBeforeScope        possible; not documented
//	ValidateTokenRequests    OpenAPI TokenRequest, 01_CardTokenRequest
//
// A credential that cannot exist (the tool's controls: a well-formed key no
// account has, a random bearer token, a JWT this server did not sign or
// that expired) is answered exactly as an unknown key under every profile.
//
// Operations whose security the catalog does not know (Security nil) let
// any secret key or access token through. Every answer carries a
// Cko-Request-Id header.
//
// Every request is recorded (Requests) without its Authorization value;
// requests that would have changed something on the real API are also
// listed by SideEffects, which a preflight run must leave empty. Faults
// (AddFault) inject rate limits, server errors, hangs, broken connections
// and odd bodies; Options.Latency delays every answer.
//
// Host-specific operations (files, transfers, balances) share the one base
// URL. Where two hosts have the same method and path (POST /files on the
// api and files hosts), the api host's operation answers unless the
// request's Host header names a checkout.com host.
package simulator
