package checkout

import (
	"net/http"
	"time"
)

// Outcome is what a probe's answer says, by its status alone; the judge
// decides what it means for the endpoint (report.EndpointStatus).
type Outcome string

// Outcomes of a probe; see EvidenceRows for the answers behind each.
const (
	// OutcomeAuthorized: the API let the probe past authentication and
	// authorization (400, 404, 405, 409, 415, 422, a business-rule 403,
	// 302, 428, or 2xx to a GET).
	OutcomeAuthorized Outcome = "authorized"
	// OutcomeUnauthenticated: 401, the credential was not accepted.
	OutcomeUnauthenticated Outcome = "unauthenticated"
	// OutcomeForbidden: 403, a missing scope or an account restriction.
	OutcomeForbidden Outcome = "forbidden"
	// OutcomeScopeRefused: 401 or 403 with a signal that a scope or a
	// permission is missing (the credential itself was recognised).
	OutcomeScopeRefused Outcome = "scope_refused"
	// OutcomeUnexpectedSuccess: 2xx to a probe that is not a GET; the probe
	// should have been rejected and must be reported loudly.
	OutcomeUnexpectedSuccess Outcome = "unexpected_success"
	// OutcomeInconclusive: no answer that says anything about the
	// credential — 429 or 5xx after retries, a transport error, the
	// deadline, or an unexpected status such as a redirect or a 407.
	OutcomeInconclusive Outcome = "inconclusive"
	// OutcomeNotChecked: the probe has Skip set and was not sent.
	OutcomeNotChecked Outcome = "not_checked"
)

// retryable reports whether an answer with status may change on a retry.
func retryable(status int) bool {
	switch status {
	case http.StatusTooManyRequests, http.StatusInternalServerError, http.StatusBadGateway,
		http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// Result is the verdict of one probe.
type Result struct {
	// Outcome is the verdict.
	Outcome Outcome
	// HTTPStatus is the status of the last answer; 0 when none was had.
	HTTPStatus int
	// RequestID is the Cko-Request-Id of the last answer, for Checkout.com
	// support; empty when none.
	RequestID string
	// Attempts is how many requests were sent, retries included; 0 when
	// the probe was not sent.
	Attempts int
	// Duration is the time from the first request to the verdict, waits
	// between retries included.
	Duration time.Duration
	// Answer is what the last answer looked like (status, body shape,
	// validated error codes); the zero Answer when none came.
	Answer Answer
	// Evidence is the ID of the evidence-table row the last answer
	// matched (see EvidenceRows); empty when no answer came.
	Evidence string
	// Err explains an OutcomeInconclusive, OutcomeUnexpectedSuccess or
	// OutcomeNotChecked: a *TransportError, a *StatusError or a plain
	// error. It is nil for the other outcomes. It never contains the
	// Authorization value.
	Err error
}
