package gen

import (
	"bytes"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func readTestdata(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func testInputs(tb testing.TB) Inputs {
	tb.Helper()
	return Inputs{
		Spec:       readTestdata(tb, "spec.json"),
		Operations: readTestdata(tb, "operations.json"),
		Scopes:     readTestdata(tb, "scopes.json"),
	}
}

func oauth(s ...string) Requirement  { return Requirement{Scheme: "OAuth", Scopes: s} }
func secret(s ...string) Requirement { return Requirement{Scheme: "ApiSecretKey", Scopes: s} }

func TestBuild(t *testing.T) {
	t.Parallel()
	in := testInputs(t)
	got, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	wantOps := []Op{
		{Method: "POST", Path: "/connect/token", Host: "access", Summary: "Request an access token", OperationID: "requestAnAccessToken", Tag: "Access", Status: "current"},
		{Method: "POST", Path: "/files", Host: "files", Summary: "Upload a file", OperationID: "uploadAFile", Status: "current", Security: []Requirement{oauth("files"), secret("files")}},
		{Method: "GET", Path: "/files/{file_id}", Host: "files", Summary: "Retrieve a file", Status: "current", Security: []Requirement{oauth("files", "files:retrieve")}},
		{Method: "POST", Path: "/forex/quotes", Host: "api", Summary: "Request a quote", OperationID: "requestAQuote", Tag: "Forex", Status: "removed_from_spec", Security: []Requirement{oauth("fx")}},
		{Method: "POST", Path: "/issuing/cards", Host: "api", Summary: "Create a card", Tag: "Cards", Status: "current",
			ScopeHints: []string{"vault", "issuing:client", "issuing:card-mgmt"}, SchemeHints: []string{"OAuth", "ApiSecretKey"}},
		{Method: "POST", Path: "/klarna-external/credit-sessions", Host: "api", Status: "sdk_only", SandboxOnly: true, SchemeHints: []string{"ApiPublicKey"}},
		{Method: "POST", Path: "/klarna/credit-sessions", Host: "api", Status: "sdk_only", ProductionOnly: true, SchemeHints: []string{"ApiPublicKey"}},
		{Method: "GET", Path: "/open", Host: "api", Summary: "Declared open", Status: "current", Security: []Requirement{}},
		{Method: "POST", Path: "/payments", Host: "api", Summary: "Request a payment", OperationID: "requestAPayment", Tag: "Payments", Status: "current", Security: []Requirement{oauth("gateway", "gateway:payment"), secret()}},
		{Method: "GET", Path: "/payments/{id}", Host: "api", Summary: "Get payment details", Tag: "Payments", Status: "current", Security: []Requirement{oauth("gateway", "gateway:payment-details"), secret()}},
		{Method: "GET", Path: "/secrets", Host: "forward", Status: "sdk_only", ScopeHints: []string{"forward:secrets", "forward"}},
		{Method: "POST", Path: "/sessions/{id}/complete", Host: "api", Summary: "Complete a session", Status: "current", Security: []Requirement{{Scheme: "SessionSecret"}, oauth("sessions:app", "sessions:browser")}},
		{Method: "POST", Path: "/transfers", Host: "transfers", Summary: "Initiate a transfer", Status: "current", Security: []Requirement{oauth("transfers:create"), secret("transfers:create")}},
		{Method: "POST", Path: "/workflows/{workflowId}/test", Host: "api", Summary: "Test a workflow", Status: "current", SandboxOnly: true, Security: []Requirement{oauth("flow", "flow:workflows")}},
	}
	if diff := cmp.Diff(wantOps, got.Ops); diff != "" {
		t.Errorf("Ops mismatch (-want +got):\n%s", diff)
	}
	wantScopes := []Scope{
		{Name: "files"},
		{Name: "files:retrieve", Parent: "files"},
		{Name: "flow"},
		{Name: "flow:workflows", Parent: "flow"},
		{Name: "forward"},
		{Name: "forward:secrets", Parent: "forward"},
		{Name: "fx"},
		{Name: "gateway", Description: "All of Gateway (table)"},
		{Name: "gateway:payment", Parent: "gateway", Description: "Request payments"},
		{Name: "gateway:payment-details", Parent: "gateway"},
		{Name: "issuing:card-mgmt", Parent: "issuing"},
		{Name: "issuing:client", Parent: "issuing"},
		{Name: "odd:x", Parent: "other", Description: "odd one"},
		{Name: "sessions:app", Parent: "sessions"},
		{Name: "sessions:browser", Parent: "sessions"},
		{Name: "transfers:create", Parent: "transfers", Description: "Create transfers"},
		{Name: "vault"},
	}
	if diff := cmp.Diff(wantScopes, got.Scopes); diff != "" {
		t.Errorf("Scopes mismatch (-want +got):\n%s", diff)
	}
	wantMeta := Catalog{Title: "Mini API", Version: "1.2.3", SpecSHA: digest(in.Spec), OperationsSHA: digest(in.Operations), ScopesSHA: digest(in.Scopes)}
	got.Ops, got.Scopes = nil, nil
	if diff := cmp.Diff(wantMeta, got); diff != "" {
		t.Errorf("metadata mismatch (-want +got):\n%s", diff)
	}
	if len(got.SpecSHA) != 64 {
		t.Errorf("SpecSHA = %q, want 64 hex digits", got.SpecSHA)
	}
}

func TestBuildSpecOnly(t *testing.T) {
	t.Parallel()
	got, err := Build(Inputs{Spec: readTestdata(t, "spec.json")})
	if err != nil {
		t.Fatal(err)
	}
	if got.OperationsSHA != "" || got.ScopesSHA != "" {
		t.Errorf("optional digests = %q, %q; want empty when the inputs are not given", got.OperationsSHA, got.ScopesSHA)
	}
	if len(got.Ops) != 10 {
		t.Errorf("got %d operations from the spec alone, want 10", len(got.Ops))
	}
	for _, op := range got.Ops {
		if op.Status != "current" || op.ScopeHints != nil {
			t.Errorf("spec-only operation %s %s has status %q and hints %q", op.Method, op.Path, op.Status, op.ScopeHints)
		}
	}
	var names []string
	for _, s := range got.Scopes {
		names = append(names, s.Name)
		if s.Name == "gateway" && s.Description != "Access to all Gateway resources" {
			t.Errorf("without scopes.json the spec's description should be used; got %+v", s)
		}
	}
	want := []string{"files", "files:retrieve", "flow", "flow:workflows", "gateway", "gateway:payment", "gateway:payment-details", "sessions:app", "sessions:browser", "transfers:create"}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("scope names mismatch (-want +got):\n%s", diff)
	}
}

func TestGenerate(t *testing.T) {
	t.Parallel()
	in := testInputs(t)
	first, err := Generate(in)
	if err != nil {
		t.Fatal(err)
	}
	second, err := Generate(in)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) {
		t.Error("Generate is not deterministic")
	}
	src := string(first)
	header, _, _ := strings.Cut(src, "\n")
	if want := "// Code generated by cataloggen from Mini API 1.2.3; DO NOT EDIT."; header != want {
		t.Errorf("header = %q, want %q", header, want)
	}
	f, err := parser.ParseFile(token.NewFileSet(), "zz_catalog.go", first, parser.ParseComments)
	if err != nil {
		t.Fatalf("generated source does not parse: %v\n%s", err, src)
	}
	if f.Name.Name != "catalog" {
		t.Errorf("package %q, want catalog", f.Name.Name)
	}
	for _, want := range []string{
		`SpecTitle = "Mini API"`,
		`SpecVersion = "1.2.3"`,
		`SpecSHA256 = "` + digest(in.Spec) + `"`,
		`OperationsSHA256 = "` + digest(in.Operations) + `"`,
		`ScopesSHA256 = "` + digest(in.Scopes) + `"`,
		`{Method: "POST", Path: "/payments", Host: "api", Summary: "Request a payment", OperationID: "requestAPayment", Tag: "Payments", Status: "current", Security: []Requirement{{"OAuth", []string{"gateway", "gateway:payment"}}, {"ApiSecretKey", nil}}},`,
		`{Method: "GET", Path: "/open", Host: "api", Summary: "Declared open", Status: "current", Security: []Requirement{}},`,
		`{Method: "POST", Path: "/klarna/credit-sessions", Host: "api", Status: "sdk_only", ProductionOnly: true, SchemeHints: []Scheme{"ApiPublicKey"}},`,
		`ScopeHints: []string{"vault", "issuing:client", "issuing:card-mgmt"}`,
		`{"odd:x", "other", "odd one"},`,
	} {
		if !strings.Contains(src, want) {
			t.Errorf("generated source lacks %s", want)
		}
	}
}

func TestGenerateHeaderWithoutVersion(t *testing.T) {
	t.Parallel()
	spec := []byte(`{"info": {"title": "No Version"}, "paths": {"/a": {"get": {}}}}`)
	src, err := Generate(Inputs{Spec: spec})
	if err != nil {
		t.Fatal(err)
	}
	want := "// Code generated by cataloggen from No Version (sha256 " + digest(spec)[:12] + "); DO NOT EDIT.\n"
	if !strings.HasPrefix(string(src), want) {
		t.Errorf("header of %q, want %q", strings.SplitN(string(src), "\n", 2)[0], want)
	}
}

func TestBuildErrors(t *testing.T) {
	t.Parallel()
	goodSpec := `{"paths": {"/a": {"get": {}}}}`
	tests := []struct {
		name            string
		spec, ops, scps string
		want            string // substring of the error
	}{
		{name: "not JSON", spec: `{`, want: "not an OpenAPI document in JSON"},
		{name: "no paths", spec: `{"openapi": "3.0.1"}`, want: "the document has no paths"},
		{name: "two schemes in one requirement", spec: `{"paths": {"/a": {"get": {"security": [{"OAuth": [], "ApiSecretKey": []}]}}}}`, want: "names 2 schemes (ApiSecretKey, OAuth)"},
		{name: "unknown scheme", spec: `{"paths": {"/a": {"get": {"security": [{"Basic": []}]}}}}`, want: `unknown security scheme "Basic"`},
		{name: "bad server", spec: `{"paths": {"/a": {"get": {"servers": [{"url": "/relative"}]}}}}`, want: `server URL "/relative" is not an absolute URL`},
		{name: "servers disagree", spec: `{"paths": {"/a": {"servers": [{"url": "https://api.checkout.com"}, {"url": "https://files.checkout.com"}], "get": {}}}}`, want: "servers disagree"},
		{name: "bad security shape", spec: `{"paths": {"/a": {"get": {"security": {"OAuth": []}}}}}`, want: "security is not a list"},
		{name: "operations not a list", spec: goodSpec, ops: `{}`, want: "reading operations.json"},
		{name: "operation status", spec: goodSpec, ops: `[{"method": "GET", "path": "/b", "host": "api", "status": "beta"}]`, want: `unknown status "beta"`},
		{name: "operation without host", spec: goodSpec, ops: `[{"method": "GET", "path": "/b", "status": "sdk_only"}]`, want: "lacks a method"},
		{name: "operation security", spec: goodSpec, ops: `[{"method": "GET", "path": "/b", "host": "api", "status": "sdk_only", "security": [{"scheme": "Nope"}]}]`, want: `unknown security scheme "Nope"`},
		{name: "scope without name", spec: goodSpec, scps: `[{"parent": null}]`, want: "row 0 has no name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			in := Inputs{Spec: []byte(tt.spec)}
			if tt.ops != "" {
				in.Operations = []byte(tt.ops)
			}
			if tt.scps != "" {
				in.Scopes = []byte(tt.scps)
			}
			_, err := Generate(in)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Generate error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestLocate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, path  string
		servers     []string
		wantHost    string
		wantPath    string
		wantSandbox bool
	}{
		{"no servers", "/payments", nil, "api", "/payments", false},
		{"api with trailing slash", "/issuing/cards", []string{"https://api.checkout.com/", "https://api.sandbox.checkout.com/"}, "api", "/issuing/cards", false},
		{"files root", "/", []string{"https://files.checkout.com/files", "https://files.sandbox.checkout.com/files"}, "files", "/files", false},
		{"files with id", "/", []string{"https://files.checkout.com/files/{file_id}"}, "files", "/files/{file_id}", false},
		{"sandbox only", "/workflows/{id}/test", []string{"https://api.sandbox.checkout.com"}, "api", "/workflows/{id}/test", true},
		{"root without server path", "/", []string{"https://balances.checkout.com"}, "balances", "/", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var servers []server
			for _, u := range tt.servers {
				servers = append(servers, server{URL: u})
			}
			host, path, sandbox, err := locate(tt.path, servers)
			if err != nil {
				t.Fatal(err)
			}
			if host != tt.wantHost || path != tt.wantPath || sandbox != tt.wantSandbox {
				t.Errorf("locate = %q, %q, %v; want %q, %q, %v", host, path, sandbox, tt.wantHost, tt.wantPath, tt.wantSandbox)
			}
		})
	}
}

func TestShapeKey(t *testing.T) {
	t.Parallel()
	if a, b := shapeKey("get", "api", "/payments/{id}/refunds"), shapeKey("GET", "api", "/payments/{paymentId}/refunds"); a != b {
		t.Errorf("shapes differ: %q vs %q", a, b)
	}
	if a, b := shapeKey("GET", "api", "/files"), shapeKey("GET", "files", "/files"); a == b {
		t.Errorf("hosts must be part of the shape: both %q", a)
	}
}
