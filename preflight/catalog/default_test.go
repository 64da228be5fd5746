package catalog

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestAcceptance pins the endpoints of the original issue: each matches
// and carries the scopes the API reference gives it.
func TestAcceptance(t *testing.T) {
	t.Parallel()
	tests := []struct {
		method, path string
		wantTemplate string
		wantScopes   []string
		wantRequired string
	}{
		{"POST", "/payments", "/payments", []string{"gateway", "gateway:payment"}, "gateway:payment"},
		{"post", "/payments/pay_abc/refunds/", "/payments/{id}/refunds", []string{"gateway", "gateway:payment-refunds"}, "gateway:payment-refunds"},
		{"GET", "/disputes", "/disputes", []string{"disputes", "disputes:view"}, "disputes:view"},
		{"GET", "/workflows/wf_x", "/workflows/{workflowId}", []string{"flow", "flow:workflows"}, "flow:workflows"},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			t.Parallel()
			m, err := Default().Match(tt.method, tt.path)
			if err != nil {
				t.Fatalf("Match: %v", err)
			}
			op := m.Operation
			if op.Path != tt.wantTemplate || op.Host != "api" || op.Status != StatusCurrent {
				t.Errorf("matched %s on %q (%s), want %s on \"api\" (current)", op, op.Host, op.Status, tt.wantTemplate)
			}
			if diff := cmp.Diff(tt.wantScopes, op.Scopes()); diff != "" {
				t.Errorf("Scopes() mismatch (-want +got):\n%s", diff)
			}
			if got := op.RequiredScope(); got != tt.wantRequired {
				t.Errorf("RequiredScope() = %q, want %q", got, tt.wantRequired)
			}
		})
	}
}

// TestAcceptanceAgainstSpec checks the acceptance endpoints' scopes against
// the API reference itself, when it is available.
func TestAcceptanceAgainstSpec(t *testing.T) {
	t.Parallel()
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(readSpecFile(t, specFile), &doc); err != nil {
		t.Fatalf("reading the spec: %v", err)
	}
	for _, ep := range []string{"POST /payments", "post /payments/pay_abc/refunds/", "GET /disputes", "GET /workflows/wf_x"} {
		method, path, _ := strings.Cut(ep, " ")
		m, err := Default().Match(method, path)
		if err != nil {
			t.Errorf("Match(%q): %v", ep, err)
			continue
		}
		var specOp struct {
			Security []map[string][]string `json:"security"`
		}
		if err := json.Unmarshal(doc.Paths[m.Operation.Path][strings.ToLower(m.Method)], &specOp); err != nil {
			t.Fatalf("%s in the spec: %v", m.Operation, err)
		}
		var want []string
		for _, req := range specOp.Security {
			want = append(want, req["OAuth"]...)
		}
		if len(want) == 0 {
			t.Errorf("the spec lists no OAuth scopes for %s", m.Operation)
		}
		if diff := cmp.Diff(want, m.Operation.Scopes()); diff != "" {
			t.Errorf("%s: scopes differ from the spec (-spec +catalog):\n%s", ep, diff)
		}
	}
}

// TestDefaultRoundTrip checks that every generated operation is found by
// Match from its own template and from a concrete URL on its host.
func TestDefaultRoundTrip(t *testing.T) {
	t.Parallel()
	param := regexp.MustCompile(`\{[^}]*\}`)
	for _, op := range Default().Operations() {
		url := fmt.Sprintf("https://%s.sandbox.checkout.com%s", op.Host, param.ReplaceAllString(op.Path, "id_123"))
		for _, target := range []string{op.Path + "/", url} {
			m, err := Default().Match(strings.ToLower(op.Method), target)
			if err != nil {
				t.Errorf("Match(%q, %q): %v", op.Method, target, err)
				continue
			}
			if diff := cmp.Diff(op, m.Operation); diff != "" && (op.Host == "api" || target == url) {
				t.Errorf("Match(%q, %q) found another operation (-want +got):\n%s", op.Method, target, diff)
			}
		}
	}
}

// TestDefaultWellFormed checks invariants of the generated data.
func TestDefaultWellFormed(t *testing.T) {
	t.Parallel()
	hosts := map[string]bool{"api": true, "files": true, "transfers": true, "balances": true, "access": true, "forward": true, "identity-verification": true}
	statuses := map[string]bool{StatusCurrent: true, StatusRemovedFromSpec: true, StatusSDKOnly: true}
	schemes := map[Scheme]bool{SchemeOAuth: true, SchemeSecretKey: true, SchemePublicKey: true, SchemeSessionSecret: true}
	c := Default()
	if c != Default() {
		t.Error("Default() returned a different catalog on a second call")
	}
	ops := c.Operations()
	if len(ops) == 0 {
		t.Fatal("the generated catalog is empty")
	}
	tokens := 0
	for _, op := range ops {
		if op.Method != strings.ToUpper(op.Method) || !strings.HasPrefix(op.Path, "/") || !hosts[op.Host] || !statuses[op.Status] {
			t.Errorf("malformed operation %+v", op)
		}
		if op.SandboxOnly && op.ProductionOnly {
			t.Errorf("%s is both sandbox-only and production-only", op)
		}
		for _, r := range op.Security {
			if !schemes[r.Scheme] {
				t.Errorf("%s: unknown scheme %q", op, r.Scheme)
			}
		}
		if op.KnownScopes() && op.ScopeHints != nil {
			t.Errorf("%s has known security and scope hints %q", op, op.ScopeHints)
		}
		for _, s := range append(op.Scopes(), op.ScopeHints...) {
			if _, ok := c.Scope(s); !ok {
				t.Errorf("%s names scope %q, which the scope table lacks", op, s)
			}
		}
		if op.IsTokenEndpoint() {
			tokens++
		}
	}
	if tokens != 1 {
		t.Errorf("found %d token endpoints, want 1", tokens)
	}
	if len(SpecSHA256) != 64 || SpecTitle == "" {
		t.Errorf("source constants look wrong: title %q, sha %q", SpecTitle, SpecSHA256)
	}
}
