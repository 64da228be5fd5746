package checkout

import (
	"testing"
	"time"
)

func TestEvidenceByStatus(t *testing.T) {
	t.Parallel()
	tests := []struct {
		method string
		status int
		want   Outcome
		row    string
	}{
		{"GET", 200, OutcomeAuthorized, "read-succeeded"},
		{"GET", 204, OutcomeAuthorized, "read-succeeded"},
		{"HEAD", 200, OutcomeAuthorized, "read-succeeded"},
		{"POST", 200, OutcomeUnexpectedSuccess, "write-succeeded"},
		{"POST", 201, OutcomeUnexpectedSuccess, "write-succeeded"},
		{"POST", 202, OutcomeUnexpectedSuccess, "write-succeeded"},
		{"PUT", 200, OutcomeUnexpectedSuccess, "write-succeeded"},
		{"PATCH", 204, OutcomeUnexpectedSuccess, "write-succeeded"},
		{"DELETE", 204, OutcomeUnexpectedSuccess, "write-succeeded"},
		{"GET", 401, OutcomeUnauthenticated, "unauthorized"},
		{"POST", 401, OutcomeUnauthenticated, "unauthorized"},
		{"GET", 403, OutcomeForbidden, "forbidden"},
		{"DELETE", 403, OutcomeForbidden, "forbidden"},
		{"POST", 400, OutcomeAuthorized, "invalid-request"},
		{"GET", 404, OutcomeAuthorized, "not-found"},
		{"POST", 405, OutcomeAuthorized, "method-or-state"},
		{"PUT", 409, OutcomeAuthorized, "method-or-state"},
		{"POST", 415, OutcomeAuthorized, "method-or-state"},
		{"POST", 422, OutcomeAuthorized, "invalid-request"},
		{"GET", 429, OutcomeInconclusive, "unavailable"},
		{"GET", 500, OutcomeInconclusive, "unavailable"},
		{"POST", 502, OutcomeInconclusive, "unavailable"},
		{"GET", 503, OutcomeInconclusive, "unavailable"},
		{"GET", 504, OutcomeInconclusive, "unavailable"},
		{"GET", 301, OutcomeInconclusive, "unexpected-status"},
		{"GET", 302, OutcomeAuthorized, "redirect"},
		{"POST", 428, OutcomeAuthorized, "precondition"},
		{"GET", 304, OutcomeInconclusive, "unexpected-status"},
		{"GET", 407, OutcomeInconclusive, "unexpected-status"},
		{"GET", 410, OutcomeInconclusive, "unexpected-status"},
		{"GET", 418, OutcomeInconclusive, "unexpected-status"},
		{"GET", 100, OutcomeInconclusive, "unexpected-status"},
		{"GET", 0, OutcomeInconclusive, "unexpected-status"},
	}
	for _, tt := range tests {
		a := Answer{Status: tt.status, Body: BodyEmpty}
		row := Evidence(tt.method, a)
		if got := outcomeOf(row, a); got != tt.want || row.ID != tt.row {
			t.Errorf("%s %d: outcome %q row %q, want %q %q", tt.method, tt.status, got, row.ID, tt.want, tt.row)
		}
	}
}

func TestStatusErrorMessages(t *testing.T) {
	t.Parallel()
	base := StatusError{Host: "api.sandbox.checkout.com", Method: "POST", Path: "/payments", Attempts: 1}
	tests := []struct {
		status     int
		attempts   int
		retryAfter time.Duration
		requestID  string
		want       string
	}{
		{429, 4, 3 * time.Second, "", "api.sandbox.checkout.com answered 429 Too Many Requests to POST /payments after 4 attempts, asking to wait 3s; rate limiting says nothing about the credential — rerun later or probe fewer endpoints"},
		{503, 4, 0, "", "api.sandbox.checkout.com answered 503 Service Unavailable to POST /payments after 4 attempts; a server error says nothing about the credential — rerun later"},
		{302, 1, 0, "", "api.sandbox.checkout.com answered 302 Found to POST /payments; Checkout.com does not redirect API calls, so a proxy or the api-url override is in the way — check them"},
		{407, 1, 0, "", "api.sandbox.checkout.com answered 407 Proxy Authentication Required to POST /payments; a proxy wants credentials — put them in HTTPS_PROXY or add the host to NO_PROXY"},
		{201, 1, 0, "req_1", `api.sandbox.checkout.com answered 201 Created to POST /payments (Cko-Request-Id "req_1"); the probe should have been rejected — check the account for a change made by this request and report it to checkout-preflight`},
		{418, 1, 0, "", "api.sandbox.checkout.com answered 418 I'm a teapot to POST /payments; this status says nothing about the credential — check any proxy or api-url override in between"},
	}
	for _, tt := range tests {
		e := base
		e.Status, e.Attempts, e.RetryAfter, e.RequestID = tt.status, tt.attempts, tt.retryAfter, tt.requestID
		if got := e.Error(); got != tt.want {
			t.Errorf("StatusError{%d}.Error() =\n%s\nwant\n%s", tt.status, got, tt.want)
		}
	}
}
