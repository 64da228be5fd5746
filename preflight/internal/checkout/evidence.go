package checkout

import (
	"net/http"
	"slices"
	"strings"
)

// Meaning is what an answer says about the credential on the route it came
// from.
type Meaning string

// The meanings an answer can have.
const (
	// MeaningAccepted: the request got past authentication and
	// authorisation (it was then refused for another reason, or it read).
	MeaningAccepted Meaning = "accepted"
	// MeaningBusinessRule: refused by a business rule (a payment that
	// cannot be refunded): the request reached the business logic, so it
	// was authorised.
	MeaningBusinessRule Meaning = "business_rule"
	// MeaningPastAuthorisation: a redirect or a precondition, which the API
	// answers only to requests it let through.
	MeaningPastAuthorisation Meaning = "past_authorisation"
	// MeaningRefused: not allowed — the credential is unknown, or it lacks
	// a permission; the answer alone does not say which.
	MeaningRefused Meaning = "refused"
	// MeaningScopeRefused: not allowed, with a signal that a scope or
	// permission is what is missing.
	MeaningScopeRefused Meaning = "refused_scope"
	// MeaningUnexpectedSuccess: a write succeeded, which a probe never
	// should.
	MeaningUnexpectedSuccess Meaning = "unexpected_success"
	// MeaningInconclusive: says nothing about the credential.
	MeaningInconclusive Meaning = "inconclusive"
)

// Row is one row of the evidence table: a kind of answer, what it means,
// and where that reading comes from.
type Row struct {
	// ID names the row in reports and fixtures; stable once released.
	ID string
	// When describes the answer, e.g. "403 with error_type
	// operation_not_allowed or an error code ending _not_allowed".
	When string
	// Meaning is what the answer says.
	Meaning Meaning
	// Source cites the material the row rests on.
	Source string
	// Assumption marks a row no public material settles: the probe's
	// control (the same request with a credential that cannot exist)
	// proves it at run time, and the live suite records it.
	Assumption bool

	match func(method string, a Answer) bool
}

// Sources cited by the table.
const (
	srcSpec401     = "OpenAPI document (2023-07): 401 Unauthorized is documented on 103 of its 104 operations"
	srcSpecForbid  = `OpenAPI document, ErrorResponse: error_type "forbidden" is "usually with an http status code 401. You do not have permissions for the requested operation"`
	srcSpec403     = `OpenAPI document: 403 on payment actions ("Capture not allowed", "Refund not allowed", "Void not allowed") and sessions; ErrorResponse "operation_not_allowed"; checkout-sdk-net HandleReversalsIntegrationTest accepts 403 for a payment that cannot be reversed`
	srcRFC6750     = "RFC 6750 §3.1: insufficient_scope, the request requires higher privileges than provided by the access token"
	srcSDK404      = "checkout-sdk-go and checkout-sdk-java integration tests get 404 for non-existent disputes and accounts ids; that the id is looked up only after authorisation is not documented"
	srcSpec422     = "OpenAPI document: 422 Invalid data on writes; that the body is validated only after authorisation is not documented"
	srcAssumed     = "not documented"
	srcRetry       = "rate limiting (429) and server errors (5xx) say nothing about the credential; they are retried first"
	srcProbeDesign = "a probe is built so that it cannot succeed: a success means it may have changed something"
)

// isBusinessRule reports a refusal by a business rule.
func isBusinessRule(a Answer) bool {
	return a.ErrorType == "operation_not_allowed" || slices.ContainsFunc(a.ErrorCodes, func(c string) bool {
		return c == "operation_not_allowed" || strings.HasSuffix(c, "_not_allowed") || strings.HasSuffix(c, "_due_to_state")
	})
}

func refusal(a Answer) bool {
	return a.Status == http.StatusUnauthorized || a.Status == http.StatusForbidden
}

func statusIs(codes ...int) func(string, Answer) bool {
	return func(_ string, a Answer) bool { return slices.Contains(codes, a.Status) }
}

// EvidenceRows returns the evidence table, in the order rows are tried:
// the first row whose answer matches gives the meaning.
func EvidenceRows() []Row {
	read := func(m string) bool { return m == http.MethodGet || m == http.MethodHead }
	success := func(a Answer) bool { return a.Status >= 200 && a.Status <= 299 }
	return []Row{
		{ID: "read-succeeded", When: "2xx to a GET", Meaning: MeaningAccepted, Source: "a read the API answers was authorised",
			match: func(m string, a Answer) bool { return success(a) && read(m) }},
		{ID: "write-succeeded", When: "2xx to anything but a GET", Meaning: MeaningUnexpectedSuccess, Source: srcProbeDesign,
			match: func(m string, a Answer) bool { return success(a) && !read(m) }},
		{ID: "insufficient-scope", When: `401 or 403 with WWW-Authenticate: Bearer error="insufficient_scope"`, Meaning: MeaningScopeRefused, Source: srcRFC6750,
			match: func(_ string, a Answer) bool { return refusal(a) && a.Challenge == "insufficient_scope" }},
		{ID: "permission-refused", When: `401 or 403 with error_type "forbidden" (or an insufficient_scope code)`, Meaning: MeaningScopeRefused, Source: srcSpecForbid,
			match: func(_ string, a Answer) bool {
				return refusal(a) && (a.ErrorType == "forbidden" || slices.Contains(a.ErrorCodes, "insufficient_scope"))
			}},
		{ID: "business-rule", When: "403 with error_type operation_not_allowed, or an error code ending _not_allowed or _due_to_state", Meaning: MeaningBusinessRule, Source: srcSpec403,
			match: func(_ string, a Answer) bool { return a.Status == http.StatusForbidden && isBusinessRule(a) }},
		{ID: "unauthorized", When: "401, with an empty body or any other", Meaning: MeaningRefused, Source: srcSpec401,
			match: statusIs(http.StatusUnauthorized)},
		{ID: "forbidden", When: "403, with an empty body or any other", Meaning: MeaningRefused, Source: srcAssumed + ": a missing permission, an account-side restriction (processing channel, entity) or a network policy", Assumption: true,
			match: statusIs(http.StatusForbidden)},
		{ID: "redirect", When: "302", Meaning: MeaningPastAuthorisation, Source: srcAssumed + ": the API redirects only requests it let through", Assumption: true,
			match: statusIs(http.StatusFound)},
		{ID: "precondition", When: "428", Meaning: MeaningPastAuthorisation, Source: srcAssumed + ": a precondition is checked only for requests let through", Assumption: true,
			match: statusIs(http.StatusPreconditionRequired)},
		{ID: "not-found", When: "404 (the probe's id does not exist)", Meaning: MeaningAccepted, Source: srcSDK404, Assumption: true,
			match: statusIs(http.StatusNotFound)},
		{ID: "invalid-request", When: "422 or 400 (the probe's body is [])", Meaning: MeaningAccepted, Source: srcSpec422, Assumption: true,
			match: statusIs(http.StatusUnprocessableEntity, http.StatusBadRequest)},
		{ID: "method-or-state", When: "405, 409 or 415", Meaning: MeaningAccepted, Source: srcAssumed + ": answered after authorisation", Assumption: true,
			match: statusIs(http.StatusMethodNotAllowed, http.StatusConflict, http.StatusUnsupportedMediaType)},
		{ID: "unavailable", When: "429 or 5xx, after the retries", Meaning: MeaningInconclusive, Source: srcRetry,
			match: func(_ string, a Answer) bool { return a.Status == http.StatusTooManyRequests || a.Status >= 500 }},
		{ID: "unexpected-status", When: "any other status (301, 407, 410, …)", Meaning: MeaningInconclusive, Source: "a status the API does not give a probe: a proxy or an override is in the way",
			match: func(string, Answer) bool { return true }},
	}
}

// Evidence returns the row of the evidence table that an answer to a
// request with method matches.
func Evidence(method string, a Answer) Row {
	for _, r := range EvidenceRows() {
		if r.match(method, a) {
			return r
		}
	}
	panic("the last evidence row matches every answer")
}

// outcomeOf maps a row to the probe outcome the judge reads.
func outcomeOf(r Row, a Answer) Outcome {
	switch r.Meaning {
	case MeaningAccepted, MeaningBusinessRule, MeaningPastAuthorisation:
		return OutcomeAuthorized
	case MeaningScopeRefused:
		return OutcomeScopeRefused
	case MeaningRefused:
		if a.Status == http.StatusUnauthorized {
			return OutcomeUnauthenticated
		}
		return OutcomeForbidden
	case MeaningUnexpectedSuccess:
		return OutcomeUnexpectedSuccess
	}
	return OutcomeInconclusive
}
