package render

import (
	"fmt"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// workflowEndpoints are the endpoints that need flow:workflows (or flow),
// in the catalog's spelling.
func workflowEndpoints() []string {
	return []string{
		"GET /workflows", "POST /workflows", "GET /workflows/event-types", "GET /workflows/{workflowId}",
		"PATCH /workflows/{workflowId}", "DELETE /workflows/{workflowId}", "POST /workflows/{workflowId}/actions",
		"PUT /workflows/{workflowId}/actions/{workflowActionId}", "DELETE /workflows/{workflowId}/actions/{workflowActionId}",
		"POST /workflows/{workflowId}/conditions", "PUT /workflows/{workflowId}/conditions/{workflowConditionId}",
		"DELETE /workflows/{workflowId}/conditions/{workflowConditionId}", "POST /workflows/{workflowId}/test",
		"GET /workflows/events/{eventId}/actions/{workflowActionId}",
	}
}

// manyEndpointsReport: one secret key lacks flow:workflows, which 14
// declared endpoints need; five others are authorized. One endpoint is
// declared with a concrete id ("GET /workflows/wf_abc"); checks, like the
// judge's, name it in the catalog's spelling.
func manyEndpointsReport() report.Report {
	const cred = "workflows-service"
	remedy := "add flow:workflows to the secret key used by workflows-service in the Dashboard (Developers > Keys); " +
		"if it already has it, check account-side restrictions and the network allowlist"
	evidence := "the key lacks a scope that grants this endpoint, or an account-side restriction (processing channel, network policy) applies"
	checks := []report.Check{
		pass(report.CheckConfig, "Configuration is valid", `read 1 credential and 19 endpoints from ".checkout-preflight.yml"`),
		pass(report.CheckCredentialActive, "Credential active", "secret key sk_…w0rk is active in production"),
	}
	c := report.Credential{
		Name: cred, Kind: "secret_key", Environment: "production", Fingerprint: "sk_…w0rk", Active: ptr(true),
		MissingScopes: []string{"flow:workflows"}, Position: at(configFile, 3, 5),
	}
	for i, line := range []string{"GET /payments/{id}", "GET /workflows/events/{eventId}", "POST /workflows/events/reflow",
		"GET /workflows/events/subject/{subjectId}", "POST /workflows/events/{eventId}/reflow"} {
		e := authorized(methodOf(line), pathOf(line), []string{"flow", "flow:events"}, 404, 7+i)
		e.Position = at(configFile, 7+i, 9)
		c.Endpoints = append(c.Endpoints, e)
		checks = append(checks, pass(report.CheckEndpointAuthorized, "Authorized: "+line, fmt.Sprintf("%s may call %q", cred, line)))
	}
	for i, line := range workflowEndpoints() {
		pos := at(configFile, 12+i, 9)
		e := endpoint(methodOf(line), pathOf(line), pathOf(line), []string{"flow", "flow:workflows"}, report.EndpointForbidden, 403, evidence, pos)
		if line == "GET /workflows/{workflowId}" {
			e.Endpoint, e.Path = "GET /workflows/wf_abc", "/workflows/wf_abc"
		}
		e.MissingScopes = []string{"flow:workflows"}
		c.Endpoints = append(c.Endpoints, e)
		checks = append(checks, report.Check{
			ID: report.CheckEndpointAuthorized, Status: report.StatusFail, Title: "Refused: " + line,
			Message: fmt.Sprintf("Checkout.com answered 403 to %q for sk_…w0rk", line), Remedy: remedy,
			Credential: cred, Endpoint: line, Position: pos, Detail: evidence, Scope: "flow:workflows",
		})
	}
	checks = append(checks, pass(report.CheckProbeControls, "Answers proved by controls", "a credential that cannot exist was refused on 19 routes"))
	r := base(report.ResultFail, checks...)
	r.Credentials = []report.Credential{c}
	return r
}

func methodOf(line string) string { m, _, _ := strings.Cut(line, " "); return m }
func pathOf(line string) string   { _, p, _ := strings.Cut(line, " "); return p }

// configErrorsReport: a config file with eleven errors, each its own
// message, titled as the plan titles them; nothing was sent.
func configErrorsReport() report.Report {
	errs := []struct{ title, msg string }{
		{"Unknown endpoint: GET /paymnts", `no Checkout.com endpoint matches "GET /paymnts"; closest known: GET /payments, GET /payments/{id}`},
		{"Unknown endpoint: POST /refunds", `no Checkout.com endpoint matches "POST /refunds"; closest known: POST /payments/{id}/refunds`},
		{"Invalid endpoint", `unknown method "FETCH" in "FETCH /payments"; use GET, POST, PUT, PATCH or DELETE`},
		{"Invalid configuration", `unknown key "scoeps"; did you mean "scopes"?`},
		{"Invalid configuration", `"203.0.113.0/33" is not an IP address or CIDR range`},
		{"Invalid configuration", `"soon" is not a duration; use a value such as "30s" or "2m"`},
		{"Invalid configuration", `environment "prod" is not "sandbox" or "production"`},
		{"Invalid configuration", `credential "payments-service" is declared twice (first at .checkout-preflight.yml:3:5)`},
		{"Invalid configuration", `secret-key-env "CKO KEY" is not an environment variable name`},
		{"Invalid configuration", `fail-on "never" is not "error" or "warning"`},
		{"Invalid scope", `unknown scope "gateway:refunds"; closest known: gateway:payment-refunds`},
	}
	var checks []report.Check
	for i, e := range errs {
		checks = append(checks, report.Check{
			ID: report.CheckConfig, Status: report.StatusFail, Title: e.title, Message: e.msg,
			Remedy: "correct the value; nothing was sent to Checkout.com", Position: at(configFile, 4+2*i, 7),
		})
	}
	r := base(report.ResultFail, checks...)
	r.DurationMS = 2
	return r
}

// failOnWarningReport: every check passed but one warned, and fail-on is
// warning, so the run failed.
func failOnWarningReport() report.Report {
	r := egressNotAllowedReport()
	r.Checks[5] = pass(report.CheckEgressAllowed, "Egress allowed", `egress address "198.51.100.23" is on the allowlist as "198.51.100.0/24"`)
	r.Egress.Allowed, r.Egress.Matched = ptr(true), "198.51.100.0/24"
	r.Egress.Allowlist = []string{"198.51.100.0/24"}
	r.Causes = report.Causes(r.Checks)
	return r
}
