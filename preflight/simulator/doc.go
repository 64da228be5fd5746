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
// Statuses of API routes, in the order they are decided:
//
//	401 empty body   no, unknown, revoked or expired credential; a
//	                 current-platform key sent without "Bearer", or a
//	                 previous-platform key sent with it; a public key on
//	                 an operation that does not accept public keys
//	404 request_id   no operation has the path
//	405 empty body   the path exists, not with this method (Allow lists them)
//	403 empty body   the operation is in the credential's Restricted list
//	403 empty body   a scope is missing (Options.MissingScopeStatus)
//	404 request_id   the path names a resource: none exists
//	200 {"data":[]}  GET of a collection
//	201 {"id":…}     POST/PUT/PATCH of a collection with a JSON object body
//	                 with at least one member: a side effect
//	422 request_invalid  any other body
//	204              DELETE of a collection: a side effect
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
