// Package probe turns a catalog operation into a request that can tell
// whether a credential may call the operation, yet cannot change anything in
// the merchant's account.
//
// # Why a probe is safe
//
// Checkout.com checks the credential (401) and its scopes (403) before it
// looks at the request itself. A probe therefore only has to reach the
// route; whatever the API answers after authorization — 404 not found, 422
// invalid request, 415 unsupported media type — proves access without doing
// anything. Every probe is built so that the API has nothing it could act on:
//
//   - Identifiers are always our own, never a user-supplied one. Each path
//     parameter becomes a well-formed identifier that cannot exist: the
//     prefix Checkout.com uses for that kind of object (pay_, cus_, src_,
//     dsp_, wf_, evt_, ent_, file_, rpt_, …, chosen from the parameter name
//     or the path segment before it) followed by Marker,
//     "checkoutpreflightnonexists" — 26 characters of [a-z2-7], the shape of
//     a real identifier, and easy to recognise in the merchant's logs. Ids
//     are deterministic, so a reviewer can audit every request in
//     testdata/probes.golden. Where the reference gives a shorter format
//     (hosted payment pages and payment links: 12 characters) ShortMarker,
//     "ckopreflight", is used instead; the bank-account validation lookup
//     takes the ISO codes "ZZ" (a user-assigned country code) and "XXX" (the
//     ISO 4217 code for "no currency"). A parameter of unknown kind gets the
//     bare Marker. No parameter gets a UUID: nothing in the reference says a
//     route expects one, and a nil UUID is not recognisable in a log.
//   - GET never changes state. On a resource it addresses the non-existent
//     id (404 expected); on a collection it asks for the least data the
//     route allows (limit=1 where the reference documents a limit).
//   - POST, on a collection or as an action on a resource, carries the body
//     [] — a JSON array, which cannot bind to any request object, so the
//     request fails validation (400/422) before anything is created. Actions
//     on a resource also address a non-existent id: two independent reasons
//     for the API to refuse. Multipart uploads (POST /files on the files host
//     and on the API host for disputes, POST /entities/{id}/files) get the
//     same [] as application/json: a 415 or 422 is expected, and no file can
//     be stored.
//   - PUT and PATCH always address a non-existent id and carry the body [].
//     DELETE always addresses a non-existent id and has no body. (No PUT,
//     PATCH or DELETE of the catalog lacks a path parameter; one that did
//     would still get the body [], and DELETE would be skipped.)
//   - POST and PATCH are not idempotent, so the client sends a
//     Cko-Idempotency-Key with them: generated once per probe and reused for
//     every retry of that probe, so that even a retried request can act at
//     most once. A new probe gets a new key.
//
// # Operations that are not probed
//
// Some operations are returned with Skip set to the reason and must not be
// sent: the token endpoints (POST /connect/token on the access host and
// POST /issuing/access/connect/token), which authenticate with form fields
// rather than the Authorization header, so their answer says nothing about
// the credential; and POST /applepay/signing-requests, which takes no
// request body and no id, so nothing would stop it from generating a
// signing request.
//
// A probe uses the operation's path exactly as the catalog gives it; where
// sandbox and production differ (Klarna's "/klarna-external" and "/klarna"),
// the catalog lists each as its own operation, and the caller picks the one
// of its environment.
//
// # Residual risk
//
// A probe's verdict relies on the API authorizing before validating. If a
// route validated the id format first, a malformed id could answer 422
// without the credential being checked; that is why ids copy the documented
// formats, and why unknown kinds still get a 26-character id of the usual
// alphabet.
package probe
