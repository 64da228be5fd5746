package checkout

import (
	"testing"
	"time"
)

func TestClassify(t *testing.T) {
	t.Parallel()
	tests := []struct {
		method string
		status int
		want   Outcome
	}{
		{"GET", 200, OutcomeAuthorized},
		{"GET", 204, OutcomeAuthorized},
		{"HEAD", 200, OutcomeAuthorized},
		{"POST", 200, OutcomeUnexpectedSuccess},
		{"POST", 201, OutcomeUnexpectedSuccess},
		{"POST", 202, OutcomeUnexpectedSuccess},
		{"PUT", 200, OutcomeUnexpectedSuccess},
		{"PATCH", 204, OutcomeUnexpectedSuccess},
		{"DELETE", 204, OutcomeUnexpectedSuccess},
		{"GET", 401, OutcomeUnauthenticated},
		{"POST", 401, OutcomeUnauthenticated},
		{"GET", 403, OutcomeForbidden},
		{"DELETE", 403, OutcomeForbidden},
		{"POST", 400, OutcomeAuthorized},
		{"GET", 404, OutcomeAuthorized},
		{"POST", 405, OutcomeAuthorized},
		{"PUT", 409, OutcomeAuthorized},
		{"POST", 415, OutcomeAuthorized},
		{"POST", 422, OutcomeAuthorized},
		{"GET", 429, OutcomeInconclusive},
		{"GET", 500, OutcomeInconclusive},
		{"POST", 502, OutcomeInconclusive},
		{"GET", 503, OutcomeInconclusive},
		{"GET", 504, OutcomeInconclusive},
		{"GET", 301, OutcomeInconclusive},
		{"GET", 302, OutcomeInconclusive},
		{"GET", 304, OutcomeInconclusive},
		{"GET", 407, OutcomeInconclusive},
		{"GET", 410, OutcomeInconclusive},
		{"GET", 418, OutcomeInconclusive},
		{"GET", 100, OutcomeInconclusive},
		{"GET", 0, OutcomeInconclusive},
	}
	for _, tt := range tests {
		if got := Classify(tt.method, tt.status); got != tt.want {
			t.Errorf("Classify(%s, %d) = %q, want %q", tt.method, tt.status, got, tt.want)
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
