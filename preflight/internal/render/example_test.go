package render_test

import (
	"fmt"
	"os"
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/render"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

func exampleReport() report.Report {
	active := true
	r := report.Report{
		SchemaVersion: report.SchemaVersion,
		Tool:          "checkout-preflight",
		ToolVersion:   "v1.4.0",
		Result:        report.ResultFail,
		StartedAt:     time.Date(2025, 11, 20, 9, 30, 0, 0, time.UTC),
		DurationMS:    812,
		Checks: []report.Check{{
			ID:       report.CheckEndpointAuthorized,
			Status:   report.StatusFail,
			Title:    "Missing scope: POST /payments/{id}/refunds",
			Message:  `credential "default" was refused "POST /payments/{id}/refunds" (HTTP 403)`,
			Remedy:   `add scope "gateway:payment-refunds" to the key in the Dashboard`,
			Position: &report.Position{File: ".github/workflows/deploy.yml", Line: 14, Column: 13},
		}},
		Credentials: []report.Credential{{
			Name: "default", Kind: "secret_key", Environment: "sandbox", Fingerprint: "sk_sbox_…k7q2", Active: &active,
			Endpoints: []report.Endpoint{{
				Endpoint: "POST /payments/{id}/refunds", Method: "POST", Path: "/payments/{id}/refunds",
				RequiredScope: "gateway:payment-refunds", Status: report.EndpointForbidden, HTTPStatus: 403,
			}},
		}},
	}
	r.Causes = report.Causes(r.Checks)
	return r
}

func ExampleText() {
	if err := render.Text(os.Stdout, exampleReport(), render.TextOptions{}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// ✗ checkout-preflight: 1 check failed (812ms)
	//
	// ✗ .github/workflows/deploy.yml:14:13: credential "default" was refused "POST /payments/{id}/refunds"
	//   (HTTP 403) [endpoint.authorized]
	//   → add scope "gateway:payment-refunds" to the key in the Dashboard
	//
	// credential "default"  secret_key · sandbox · sk_sbox_…k7q2 · active: yes
	//   endpoint                     required scope           result       http
	//   POST /payments/{id}/refunds  gateway:payment-refunds  ✗ forbidden   403
	//
	// egress  not checked
}

func ExampleAnnotations() {
	for _, a := range render.Annotations(exampleReport(), render.RunnerAnnotationLimit) {
		fmt.Printf("%s %s:%d:%d %s\n", a.Level, a.File, a.Line, a.Column, a.Title)
	}
	// Output:
	// error .github/workflows/deploy.yml:14:13 Missing scope: POST /payments/{id}/refunds
}
