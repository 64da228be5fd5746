package render

import (
	"fmt"
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// fixture is a named report rendered into golden files.
type fixture struct {
	name   string
	report report.Report
}

// fixtures returns fresh fixed reports; every value is made up and none is
// a secret (fingerprints show only the last four characters by design).
func fixtures() []fixture {
	return []fixture{
		{"all-pass", allPassReport()},
		{"missing-scope", missingScopeReport()},
		{"revoked-key", revokedKeyReport()},
		{"oauth-missing-scope", oauthMissingScopeReport()},
		{"egress-not-allowed", egressNotAllowedReport()},
		{"inconclusive-network", inconclusiveNetworkReport()},
		{"skipped-fork", skippedForkReport()},
		{"many-endpoints-one-scope", manyEndpointsReport()},
		{"config-errors", configErrorsReport()},
		{"fail-on-warning", failOnWarningReport()},
	}
}

func ptr[T any](v T) *T { return &v }

// base returns the parts every fixture shares.
func base(result report.Result, checks ...report.Check) report.Report {
	return report.Report{
		SchemaVersion: report.SchemaVersion,
		Tool:          "checkout-preflight",
		ToolVersion:   "v1.4.0",
		Result:        result,
		Checks:        checks,
		Causes:        report.Causes(checks),
		StartedAt:     time.Date(2025, 11, 20, 9, 30, 0, 0, time.UTC),
		DurationMS:    1234,
	}
}

const workflow = ".github/workflows/deploy.yml"

func at(file string, line, col int) *report.Position {
	return &report.Position{File: file, Line: line, Column: col}
}

func pass(id, title, message string) report.Check {
	return report.Check{ID: id, Status: report.StatusPass, Title: title, Message: message}
}

// endpoint builds a probed endpoint verdict.
func endpoint(method, path, template string, scopes []string, status report.EndpointStatus, code int, evidence string, pos *report.Position) report.Endpoint {
	e := report.Endpoint{
		Endpoint: method + " " + path, Method: method, Path: path, Template: template, Host: "api",
		Scopes: scopes, Status: status, HTTPStatus: code, Evidence: evidence, Position: pos,
	}
	if len(scopes) > 0 {
		e.RequiredScope = scopes[len(scopes)-1]
	}
	if code != 0 {
		e.Attempts = 1
		n := code
		if pos != nil {
			n = pos.Line
		}
		e.RequestID = fmt.Sprintf("0HMA3F7J8C1TQ:%08d", n)
	}
	return e
}

func authorized(method, path string, scopes []string, code int, line int) report.Endpoint {
	return endpoint(method, path, path, scopes, report.EndpointAuthorized, code,
		"the made-up request got past authentication and scope checks", at(workflow, line, 13))
}

func scopesPayment() []string { return []string{"gateway", "gateway:payment"} }
func scopesDetails() []string { return []string{"gateway", "gateway:payment-details"} }
func scopesRefunds() []string { return []string{"gateway", "gateway:payment-refunds"} }
func scopesVoids() []string   { return []string{"gateway", "gateway:payment-voids"} }

func allPassReport() report.Report {
	r := base(report.ResultPass,
		pass(report.CheckConfig, "Configuration is valid", `read 3 endpoints from input "endpoints"`),
		pass(report.CheckCredentialFormat, "Credential format", `credential "default" is a sandbox secret key`),
		pass(report.CheckCredentialActive, "Credential is active", `Checkout.com accepted credential "default"`),
		pass(report.CheckEndpointAuthorized, "Authorized: POST /payments", `credential "default" may call "POST /payments"`),
		pass(report.CheckEndpointAuthorized, "Authorized: GET /payments/{id}", `credential "default" may call "GET /payments/{id}"`),
		pass(report.CheckEndpointAuthorized, "Authorized: POST /payments/{id}/refunds", `credential "default" may call "POST /payments/{id}/refunds"`),
		pass(report.CheckEgressDiscovered, "Egress address found", `the runner's egress address is "203.0.113.7"`),
		pass(report.CheckEgressAllowed, "Egress allowed", `egress address "203.0.113.7" is on the allowlist as "203.0.113.0/24"`),
	)
	r.Credentials = []report.Credential{{
		Name: "default", Kind: "secret_key", Environment: "sandbox", Fingerprint: "sk_sbox_…k7q2", Active: ptr(true),
		Endpoints: []report.Endpoint{
			authorized("POST", "/payments", scopesPayment(), 422, 15),
			authorized("GET", "/payments/{id}", scopesDetails(), 404, 16),
			authorized("POST", "/payments/{id}/refunds", scopesRefunds(), 404, 17),
		},
	}}
	r.Egress = &report.Egress{
		IPv4: "203.0.113.7", Allowed: ptr(true), Matched: "203.0.113.0/24", Allowlist: []string{"203.0.113.0/24"},
		Sources: []report.EgressSource{
			{URL: "https://api.ipify.org", IP: "203.0.113.7"},
			{URL: "https://checkip.amazonaws.com", IP: "203.0.113.7"},
		},
	}
	return r
}

const configFile = ".checkout-preflight.yml"

func missingScope(cred, method, path, scope string, pos *report.Position) report.Check {
	return report.Check{
		ID: report.CheckEndpointAuthorized, Status: report.StatusFail,
		Title:      "Missing scope: " + method + " " + path,
		Message:    `credential "` + cred + `" was refused "` + method + " " + path + `" (HTTP 403); it needs scope "` + scope + `" or "gateway"`,
		Remedy:     `add scope "` + scope + `" to the key used by "` + cred + `" in the Dashboard (Developers › Keys), or remove "` + method + " " + path + `" from its endpoints`,
		Credential: cred, Endpoint: method + " " + path, Position: pos,
	}
}

func missingScopeReport() report.Report {
	refunds := missingScope("payments-service", "POST", "/payments/{id}/refunds", "gateway:payment-refunds", at(configFile, 9, 9))
	refunds.Detail = "request:  POST https://api.checkout.com/payments/pay_aaaaaaaaaaaaaaaaaaaaaaaaaa/refunds\n" +
		"response: 403 Forbidden (Cko-Request-Id 0HMA3F7J8C1TQ:00000004)\n" +
		"accepted: scope \"gateway\" or \"gateway:payment-refunds\"\n"
	r := base(report.ResultFail,
		pass(report.CheckConfig, "Configuration is valid", `read 1 credential and 4 endpoints from ".checkout-preflight.yml"`),
		pass(report.CheckCredentialFormat, "Credential format", `credential "payments-service" is a production secret key`),
		pass(report.CheckCredentialActive, "Credential is active", `Checkout.com accepted credential "payments-service"`),
		pass(report.CheckEndpointAuthorized, "Authorized: POST /payments", `credential "payments-service" may call "POST /payments"`),
		pass(report.CheckEndpointAuthorized, "Authorized: GET /payments/{id}", `credential "payments-service" may call "GET /payments/{id}"`),
		refunds,
		missingScope("payments-service", "POST", "/payments/{id}/voids", "gateway:payment-voids", at(configFile, 10, 9)),
	)
	forbidden := func(path string, scopes []string, line int) report.Endpoint {
		e := endpoint("POST", path, path, scopes, report.EndpointForbidden, 403,
			"Checkout.com answered 403 Forbidden to a made-up request", at(configFile, line, 9))
		e.MissingScopes = []string{e.RequiredScope}
		return e
	}
	ok := func(method, path string, scopes []string, code, line int) report.Endpoint {
		e := authorized(method, path, scopes, code, line)
		e.Position = at(configFile, line, 9)
		return e
	}
	r.Credentials = []report.Credential{{
		Name: "payments-service", Kind: "secret_key", Environment: "production", Fingerprint: "sk_…x9d4", Active: ptr(true),
		MissingScopes: []string{"gateway:payment-refunds", "gateway:payment-voids"},
		Position:      at(configFile, 3, 5),
		Endpoints: []report.Endpoint{
			ok("POST", "/payments", scopesPayment(), 422, 7),
			ok("GET", "/payments/{id}", scopesDetails(), 404, 8),
			forbidden("/payments/{id}/refunds", scopesRefunds(), 9),
			forbidden("/payments/{id}/voids", scopesVoids(), 10),
		},
	}}
	return r
}
