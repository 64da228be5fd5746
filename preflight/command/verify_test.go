package command

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
	"github.com/checkout-preflight/checkout-preflight/preflight/simulator"
)

const refundsEndpoints = "POST /payments\nGET /payments/{id}\nPOST /payments/{id}/refunds"

func TestVerifySecretKey(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name          string
		key           string
		missingStatus int
		wantCode      int
		wantActive    *bool
		wantEndpoints []endpointSummary
		wantChecks    []string
	}{
		{
			name: "active key with every scope", key: keyFull, wantCode: ExitOK, wantActive: ptr(true),
			wantEndpoints: []endpointSummary{
				{"POST /payments", report.EndpointAuthorized, 422, []string{}},
				{"GET /payments/{id}", report.EndpointAuthorized, 404, []string{}},
				{"POST /payments/{id}/refunds", report.EndpointAuthorized, 404, []string{}},
			},
			wantChecks: []string{"egress.allowed skip"},
		},
		{
			name: "key missing the refund scope", key: keyNoRefunds, wantCode: ExitFailed, wantActive: ptr(true),
			wantEndpoints: []endpointSummary{
				{"POST /payments", report.EndpointAuthorized, 422, []string{}},
				{"GET /payments/{id}", report.EndpointAuthorized, 404, []string{}},
				{"POST /payments/{id}/refunds", report.EndpointForbidden, 403, []string{"gateway:payment-refunds"}},
			},
			wantChecks: []string{"endpoint.authorized fail", "egress.allowed skip"},
		},
		{
			name: "missing scope answered 401 is not a revoked key", key: keyNoRefunds, missingStatus: 401, wantCode: ExitFailed, wantActive: ptr(true),
			wantEndpoints: []endpointSummary{
				{"POST /payments", report.EndpointAuthorized, 422, []string{}},
				{"GET /payments/{id}", report.EndpointAuthorized, 404, []string{}},
				{"POST /payments/{id}/refunds", report.EndpointUnauthenticated, 401, []string{"gateway:payment-refunds"}},
			},
			wantChecks: []string{"endpoint.authorized fail", "egress.allowed skip"},
		},
		{
			name: "revoked key", key: keyRevoked, wantCode: ExitFailed, wantActive: ptr(false),
			wantEndpoints: []endpointSummary{
				{"POST /payments", report.EndpointNotChecked, 401, []string{}},
				{"GET /payments/{id}", report.EndpointNotChecked, 401, []string{}},
				{"POST /payments/{id}/refunds", report.EndpointNotChecked, 401, []string{}},
			},
			wantChecks: []string{"credential.active fail", "egress.allowed skip"},
		},
		{
			name: "unknown key", key: keyUnknown, wantCode: ExitFailed, wantActive: ptr(false),
			wantEndpoints: []endpointSummary{
				{"POST /payments", report.EndpointNotChecked, 401, []string{}},
				{"GET /payments/{id}", report.EndpointNotChecked, 401, []string{}},
				{"POST /payments/{id}/refunds", report.EndpointNotChecked, 401, []string{}},
			},
			wantChecks: []string{"credential.active fail", "egress.allowed skip"},
		},
		{
			name: "previous-platform key sent raw", key: keyPrevious, wantCode: ExitOK, wantActive: ptr(true),
			wantEndpoints: []endpointSummary{
				{"POST /payments", report.EndpointAuthorized, 422, []string{}},
				{"GET /payments/{id}", report.EndpointAuthorized, 404, []string{}},
				{"POST /payments/{id}/refunds", report.EndpointAuthorized, 404, []string{}},
			},
			wantChecks: []string{"egress.allowed skip"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, simulator.Options{MissingScopeStatus: tt.missingStatus})
			h.env["CKO_SECRET_KEY"] = tt.key
			code := h.run(append(h.simArgs(), "--format", "json", "--endpoints", refundsEndpoints)...)
			if code != tt.wantCode {
				t.Errorf("exit code = %d, want %d\nstderr: %s", code, tt.wantCode, h.stderr.String())
			}
			r := h.report()
			if len(r.Credentials) != 1 {
				t.Fatalf("got %d credentials, want 1", len(r.Credentials))
			}
			c := r.Credentials[0]
			if diff := cmp.Diff(tt.wantActive, c.Active); diff != "" {
				t.Errorf("active mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantEndpoints, endpointsOf(c)); diff != "" {
				t.Errorf("endpoints mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantChecks, checkIDs(r)); diff != "" {
				t.Errorf("non-passing checks mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestVerifyMissingScopeNamesEndpointAndScope(t *testing.T) {
	t.Parallel()
	h := newHarness(t, simulator.Options{})
	h.env["CKO_SECRET_KEY"] = keyNoRefunds
	if code := h.run(append(h.simArgs(), "--endpoints", refundsEndpoints)...); code != ExitFailed {
		t.Fatalf("exit code = %d, want %d", code, ExitFailed)
	}
	for _, want := range []string{`"POST /payments/{id}/refunds"`, "add gateway:payment-refunds to the secret key"} {
		if !strings.Contains(h.stdout.String(), want) {
			t.Errorf("output does not contain %q:\n%s", want, h.stdout.String())
		}
	}
}

func TestVerifyOAuth(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name          string
		id, secret    string
		omitScope     bool
		wantCode      int
		wantActive    *bool
		wantMissing   []string
		wantEndpoints []endpointSummary
	}{
		{
			name: "client with every scope", id: clientFull, secret: secretFull, wantCode: ExitOK, wantActive: ptr(true), wantMissing: []string{},
			wantEndpoints: []endpointSummary{
				{"GET /disputes", report.EndpointAuthorized, 200, []string{}},
				{"POST /disputes/{dispute_id}/accept", report.EndpointAuthorized, 404, []string{}},
			},
		},
		{
			name: "scopes read from the token's claims", id: clientFull, secret: secretFull, omitScope: true, wantCode: ExitOK, wantActive: ptr(true), wantMissing: []string{},
			wantEndpoints: []endpointSummary{
				{"GET /disputes", report.EndpointAuthorized, 200, []string{}},
				{"POST /disputes/{dispute_id}/accept", report.EndpointAuthorized, 404, []string{}},
			},
		},
		{
			name: "client missing the disputes view scope", id: clientNoView, secret: secretNoView, wantCode: ExitFailed, wantActive: ptr(true), wantMissing: []string{"disputes:view"},
			wantEndpoints: []endpointSummary{
				{"GET /disputes", report.EndpointMissingScope, 0, []string{"disputes:view"}},
				{"POST /disputes/{dispute_id}/accept", report.EndpointAuthorized, 404, []string{}},
			},
		},
		{
			name: "invalid client", id: clientFull, secret: "a-wrong-client-secret-value", wantCode: ExitFailed, wantActive: ptr(false), wantMissing: []string{},
			wantEndpoints: []endpointSummary{
				{"GET /disputes", report.EndpointNotChecked, 0, []string{}},
				{"POST /disputes/{dispute_id}/accept", report.EndpointNotChecked, 0, []string{}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, simulator.Options{OmitTokenScopeField: tt.omitScope})
			h.env["CKO_CLIENT_ID"], h.env["CKO_CLIENT_SECRET"] = tt.id, tt.secret
			code := h.run(append(h.simArgs(), "--format", "json", "--environment", "sandbox", "--endpoints", "GET /disputes, POST /disputes/dsp_x/accept")...)
			if code != tt.wantCode {
				t.Errorf("exit code = %d, want %d\nstdout: %s", code, tt.wantCode, h.stdout.String())
			}
			c := h.report().Credentials[0]
			if diff := cmp.Diff(tt.wantActive, c.Active); diff != "" {
				t.Errorf("active mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantMissing, c.MissingScopes); diff != "" {
				t.Errorf("missing scopes mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantEndpoints, endpointsOf(c)); diff != "" {
				t.Errorf("endpoints mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestVerifyOAuthInvalidClientNamesEnvironment(t *testing.T) {
	t.Parallel()
	h := newHarness(t, simulator.Options{})
	h.env["CKO_CLIENT_ID"], h.env["CKO_CLIENT_SECRET"] = clientFull, "a-wrong-client-secret-value"
	if code := h.run(append(h.simArgs(), "--environment", "sandbox", "--endpoints", "GET /disputes")...); code != ExitFailed {
		t.Fatalf("exit code = %d, want %d", code, ExitFailed)
	}
	for _, want := range []string{"invalid_client", "is active in", "sandbox"} {
		if want == "is active in" {
			if strings.Contains(h.stdout.String(), want) {
				t.Errorf("output claims the client is active:\n%s", h.stdout.String())
			}
			continue
		}
		if !strings.Contains(h.stdout.String(), want) {
			t.Errorf("output does not contain %q:\n%s", want, h.stdout.String())
		}
	}
}

func TestVerifyFaults(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		fault      simulator.Fault
		timeout    string
		wantCode   int
		wantStatus report.EndpointStatus
	}{
		{"429 then success", simulator.Fault{Route: "POST /payments", Status: 429, RetryAfter: "1", Times: 1}, "30s", ExitOK, report.EndpointAuthorized},
		{"persistent 503", simulator.Fault{Route: "POST /payments", Status: 503}, "30s", ExitInconclusive, report.EndpointInconclusive},
		{"hanging API", simulator.Fault{Route: "POST /payments", Hang: true}, "1s", ExitInconclusive, report.EndpointInconclusive},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, simulator.Options{})
			h.sim.AddFault(tt.fault)
			h.env["CKO_SECRET_KEY"] = keyFull
			code := h.run(append(h.simArgs(), "--format", "json", "--timeout", tt.timeout, "--endpoints", "POST /payments, GET /payments/{id}")...)
			if code != tt.wantCode {
				t.Errorf("exit code = %d, want %d\nstdout: %s", code, tt.wantCode, h.stdout.String())
			}
			c := h.report().Credentials[0]
			want := []report.EndpointStatus{tt.wantStatus, report.EndpointAuthorized}
			got := []report.EndpointStatus{c.Endpoints[0].Status, c.Endpoints[1].Status}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("endpoint statuses mismatch (-want +got), partial results must be kept:\n%s", diff)
			}
			if diff := cmp.Diff(ptr(true), c.Active); diff != "" {
				t.Errorf("a network fault must not make the key inactive (-want +got):\n%s", diff)
			}
		})
	}
}

func TestVerifyRefusedBeforeAnyRequest(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		env      map[string]string
		args     []string
		wantCode int
		wantText string
	}{
		{"public key", map[string]string{"CKO_SECRET_KEY": keyPublic}, nil, ExitFailed, "is a public key"},
		{"environment mismatch", map[string]string{"CKO_SECRET_KEY": keyFull}, []string{"--environment", "production"}, ExitUsage, `"production" contradicts`},
		{"plain http to a remote host", map[string]string{"CKO_SECRET_KEY": keyFull}, []string{"--api-url", "http://api.example.com"}, ExitUsage, "HTTPS"},
		{"unknown endpoint", map[string]string{"CKO_SECRET_KEY": keyFull}, []string{"--endpoints", "GET /paymnts"}, ExitUsage, "closest known"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, simulator.Options{})
			h.env = tt.env
			args := append(h.simArgs(), "--endpoints", "POST /payments")
			code := h.run(append(args, tt.args...)...)
			if code != tt.wantCode {
				t.Errorf("exit code = %d, want %d\nstdout: %s\nstderr: %s", code, tt.wantCode, h.stdout.String(), h.stderr.String())
			}
			if n := h.apiRequests(); n != 0 {
				t.Errorf("%d requests reached Checkout.com, want none", n)
			}
			if !strings.Contains(h.stdout.String(), tt.wantText) {
				t.Errorf("output does not contain %q:\n%s", tt.wantText, h.stdout.String())
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

// TestVerifyUnprobedEndpoint: an endpoint whose probe could not be made
// safe is reported as not probed, and the key is still proven active.
func TestVerifyUnprobedEndpoint(t *testing.T) {
	t.Parallel()
	h := newHarness(t, simulator.Options{})
	h.env["CKO_SECRET_KEY"] = keyFull
	if code := h.run(append(h.simArgs(), "--format", "json", "--endpoints", "POST /applepay/signing-requests")...); code != ExitOK {
		t.Fatalf("exit code = %d, want 0\n%s", code, h.stdout.String())
	}
	r := h.report()
	c := r.Credentials[0]
	if diff := cmp.Diff(ptr(true), c.Active); diff != "" {
		t.Errorf("active mismatch (-want +got):\n%s", diff)
	}
	if got := c.Endpoints[0].Status; got != report.EndpointNotChecked {
		t.Errorf("endpoint status = %q, want not_checked", got)
	}
	if diff := cmp.Diff([]string{"endpoint.authorized skip", "egress.allowed skip"}, checkIDs(r)); diff != "" {
		t.Errorf("non-passing checks mismatch (-want +got):\n%s", diff)
	}
	for _, req := range h.sim.Requests() {
		if strings.HasPrefix(req.Path, "/applepay/") {
			t.Errorf("the unprobeable endpoint was requested: %s %s", req.Method, req.Path)
		}
	}
}

// TestVerifyConfigAndInputs: credentials from a config file and from
// inputs are all checked, the inputs' under their own names.
func TestVerifyConfigAndInputs(t *testing.T) {
	t.Parallel()
	h := newHarness(t, simulator.Options{})
	h.writeFile("cfg.yml", "version: 1\ncredentials:\n  - name: svc\n    secret-key-env: SVC_KEY\n    endpoints: [\"GET /payments/{id}\"]\n")
	h.env["SVC_KEY"], h.env["CKO_SECRET_KEY"] = keyNoRefunds, keyFull
	h.env["CKO_CLIENT_ID"], h.env["CKO_CLIENT_SECRET"] = clientFull, secretFull
	code := h.run(append(h.simArgs(), "--format", "json", "--environment", "sandbox", "--config", workspace+"/cfg.yml", "--endpoints", "POST /payments")...)
	if code != ExitOK {
		t.Fatalf("exit code = %d, want 0\n%s", code, h.stdout.String())
	}
	var got []string
	for _, c := range h.report().Credentials {
		got = append(got, c.Name+" "+c.Kind+" "+c.Fingerprint)
	}
	want := []string{"svc secret_key sk_sbox_…defq", "secret-key secret_key sk_sbox_…cdeq", "client-id oauth ack_…ssab"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("credentials mismatch (-want +got):\n%s", diff)
	}
}
