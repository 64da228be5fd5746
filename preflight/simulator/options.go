package simulator

import (
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
)

// Options configures a Server. The zero value is a server that knows no
// credential (every API request answers 401) and serves the default catalog.
//
// The fields from MissingScopeStatus to ValidateTokenRequests are behaviour
// profiles: each makes the server answer in one of the ways Checkout.com
// documents or might behave, so that tests can check the tool's reading of
// answers against each. Each may be combined with the others; the package
// documentation gives the order in which they are decided. Their zero values
// keep the default behaviour. Operation lists name operations as
// catalog.Operation.String writes them ("POST /payments/{id}/refunds"; the
// method is case-insensitive; a name shared by two hosts selects both);
// the entry AllOperations selects every operation the option applies to.
// Nil selects none. NewServer panics when an entry names no operation of the
// catalog, or one the option cannot apply to.
type Options struct {
	// Credentials are the credentials the server knows. Nil means none. When
	// two share a key or client id, the first wins.
	Credentials []Credential

	// Latency is added before answering every request, including faults.
	// A request whose client gives up first is recorded with Status 0 and
	// gets no answer. Zero means no delay.
	Latency time.Duration

	// EgressIPv4 is what the IPv4 echo (EchoURL, EchoJSONURL) answers;
	// empty means "203.0.113.10".
	EgressIPv4 string
	// EgressIPv6 is what the IPv6 echo (EchoIPv6URL) answers; empty means
	// the runner has no IPv6 egress and the IPv6 echo answers 503.
	EgressIPv6 string

	// MissingScopeStatus is the status of an authenticated request that
	// lacks the scope (or credential kind) an operation needs. Zero means
	// 403; any other value is used as given. Restricted routes always answer
	// 403, with an empty body. Checkout.com's OpenAPI document lists 401
	// ("Unauthorized") on 103 of its 104 operations and 403 on 9, mostly for
	// business rules, so 401 is the documented choice; the default 403 is the
	// conventional one.
	MissingScopeStatus int

	// MissingScopeBody is the JSON body of missing-scope answers; the zero
	// value means an empty body. The OpenAPI ErrorResponse documents
	// error_type "forbidden" ("usually with an http status code 401. You do
	// not have permissions") and error code "operation_not_allowed_for_scope"
	// ("an OAuth2.0 token that does not contain the right scope").
	MissingScopeBody ErrorBody

	// MissingScopeChallenge adds `WWW-Authenticate: Bearer
	// error="insufficient_scope", scope="<scope>"` (RFC 6750 §3.1) to
	// missing-scope answers, <scope> being the most specific scope the
	// operation accepts (catalog.Operation.RequiredScope; for secret keys,
	// of the ApiSecretKey scopes when the operation lists no OAuth scope);
	// the scope attribute is left out when the operation accepts none.
	// Possible; not documented by Checkout.com.
	MissingScopeChallenge bool

	// UnknownKeyBody is the JSON body of the 401 answered to a request that
	// does not authenticate (no, unknown, revoked, expired or mis-sent
	// credential; a public key where none is accepted); the zero value means
	// an empty body, as the OpenAPI document's bare "Unauthorized" 401s
	// suggest. ErrorBody{ErrorType: "unauthorized"} gives the JSON shape.
	UnknownKeyBody ErrorBody

	// UnknownKeyChallenge adds `WWW-Authenticate: Bearer
	// error="invalid_token"` (RFC 6750 §3.1) to those 401 answers, or a bare
	// `Bearer` when the request had no Authorization. Possible; not
	// documented.
	UnknownKeyChallenge bool

	// BusinessRule403 lists action operations, each with a path parameter,
	// that answer a request allowed to call them 403 {"request_id",
	// "error_type":"operation_not_allowed","error_codes":[code]} instead of
	// 404 for the resource that does not exist: code is the action's
	// ("refund_not_allowed" for POST /payments/{id}/refunds) or
	// "operation_not_allowed". Unknown keys,
	// restricted routes and missing scopes are answered first, as usual.
	// AllOperations selects the documented ones: increment authorization,
	// capture, refund, void, reversal and cancellation of a payment, and the
	// session updates (collect data, complete, issuer fingerprint).
	// Nil selects none. Source: the OpenAPI 403s "Capture not allowed",
	// "Refund not allowed", "Void not allowed" and the sessions' "Forbidden"
	// (error_type operation_not_allowed, "not allowed by business rules";
	// sessions' code update_not_allowed_due_to_state); the .NET SDK's
	// reversal test accepts 403 or 404 for a payment that does not exist.
	// The per-action codes are named after the action; Checkout.com does not
	// document them.
	BusinessRule403 []string

	// ValidateBeforeAuth lists write operations (POST, PUT, PATCH) whose
	// body is validated before anything else: a body that is not a JSON
	// object with a member (the tool sends []) answers 422 request_invalid
	// to every request, with or without a valid credential or the scope.
	// AllOperations selects every write operation. Nil selects none.
	// Possible; not documented (no public material says whether
	// Checkout.com checks credentials before binding the body).
	ValidateBeforeAuth []string

	// LookupBeforeAuth lists operations with a path parameter that answer
	// 404 {"request_id"} (the resource does not exist) before the credential
	// is looked at: unknown keys and keys without the scope get 404 too.
	// Operations BusinessRule403 selects are left out. AllOperations selects
	// every operation with a path parameter. Nil selects none. Possible; not
	// documented.
	LookupBeforeAuth []string

	// LookupBeforeScope is LookupBeforeAuth after authentication: requests
	// that do not authenticate still get 401, but an authenticated one gets
	// 404 before restrictions and scopes are checked (a public key on an
	// operation that refuses public keys still gets 401). Possible; not
	// documented.
	LookupBeforeScope []string

	// ValidateTokenRequests validates POST /tokens bodies as the OpenAPI
	// TokenRequest: "type" is required and one of card, googlepay or
	// applepay; card needs number, expiry_month and expiry_year; the wallets
	// need token_data. Anything else answers 422 request_invalid with codes
	// such as "number_required", so that an object without card data never
	// creates a token. False keeps the default: any object with a member
	// creates one. Source: OpenAPI TokenRequest and 01_CardTokenRequest.
	ValidateTokenRequests bool

	// OmitTokenScopeField leaves the "scope" member out of token responses,
	// so that clients must read the scopes from the access token's claims.
	OmitTokenScopeField bool

	// Catalog is the set of operations served on API routes; nil means
	// catalog.Default().
	Catalog *catalog.Catalog

	// Now is the clock for records and access-token times; nil means
	// time.Now.
	Now func() time.Time
}

// AllOperations, as an entry of an operation list of Options, selects every
// operation the option applies to.
const AllOperations = "*"

// ErrorBody is the JSON body of a 401 or 403 answer, written as
// {"request_id":…,"error_type":…,"error_codes":[…]} like Checkout.com's
// ErrorResponse. The zero value means the answer has an empty body.
type ErrorBody struct {
	// ErrorType is error_type, e.g. "unauthorized" or "forbidden"; empty
	// means no body at all (ErrorCodes is then ignored).
	ErrorType string
	// ErrorCodes is error_codes; nil leaves the member out.
	ErrorCodes []string
}
