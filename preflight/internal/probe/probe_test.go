package probe

import (
	"strings"
	"testing"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// defaultOperations returns every operation of the generated catalog and
// fails when there are none, so that the table below cannot pass vacuously.
func defaultOperations(tb testing.TB) []catalog.Operation {
	tb.Helper()
	ops := catalog.Default().Operations()
	if len(ops) == 0 {
		tb.Fatal("catalog.Default() has no operations")
	}
	return ops
}

func opName(op catalog.Operation) string { return op.Host + " " + op.Method + " " + op.Path }

// TestForEveryOperation checks the safety properties on every operation the
// catalog knows.
func TestForEveryOperation(t *testing.T) {
	t.Parallel()
	for _, op := range defaultOperations(t) {
		t.Run(opName(op), func(t *testing.T) {
			t.Parallel()
			p := For(op)
			if p.Method != op.Method || p.Host != op.Host {
				t.Errorf("method/host = %s %s, want %s %s", p.Method, p.Host, op.Method, op.Host)
			}
			if strings.ContainsAny(p.Path, "{}") {
				t.Errorf("path %q still has a brace", p.Path)
			}
			checkParams(t, op.Path, p.Path)
			switch op.Method {
			case "POST", "PUT", "PATCH":
				if p.Skip == "" && (string(p.Body) != "[]" || p.ContentType != "application/json") {
					t.Errorf("body = %q (%q), want [] (application/json)", p.Body, p.ContentType)
				}
			default:
				if p.Body != nil || p.ContentType != "" {
					t.Errorf("%s has body %q (%q), want none", op.Method, p.Body, p.ContentType)
				}
			}
			if op.Method == "PUT" || op.Method == "PATCH" || op.Method == "DELETE" {
				if !strings.Contains(op.Path, "{") {
					t.Errorf("%s addresses no resource id", op.Method)
				}
			}
			if want := op.Method != "POST" && op.Method != "PATCH"; p.Idempotent != want {
				t.Errorf("Idempotent = %v, want %v", p.Idempotent, want)
			}
			if !strings.HasPrefix(p.Shape, p.Method+" "+p.Path) || strings.Contains(p.Shape, "\n") {
				t.Errorf("shape %q does not describe %s %s on one line", p.Shape, p.Method, p.Path)
			}
		})
	}
}

// checkParams asserts that every {param} segment of template became our own
// identifier and that every literal segment is unchanged.
func checkParams(tb testing.TB, template, path string) {
	tb.Helper()
	ts, ps := strings.Split(template, "/"), strings.Split(path, "/")
	if len(ts) != len(ps) {
		tb.Fatalf("path %q has %d segments, template %q has %d", path, len(ps), template, len(ts))
	}
	prev := ""
	for i, seg := range ts {
		if !strings.HasPrefix(seg, "{") {
			if ps[i] != seg {
				tb.Errorf("segment %d = %q, want %q", i, ps[i], seg)
			}
			prev = seg
			continue
		}
		name := strings.Trim(seg, "{}")
		if got, want := ps[i], ID(prev, name); got != want || !IsProbeID(got) {
			tb.Errorf("parameter %s = %q, want our own id %q", seg, got, want)
		}
		prev = ""
	}
}

func TestSkippedOperations(t *testing.T) {
	t.Parallel()
	var got []string
	for _, op := range defaultOperations(t) {
		if For(op).Skip != "" {
			got = append(got, opName(op))
		}
	}
	want := []string{
		"access POST /connect/token",
		"api POST /applepay/signing-requests",
		"api POST /issuing/access/connect/token",
	}
	if diff := cmp.Diff(want, got, cmpopts.SortSlices(func(a, b string) bool { return a < b })); diff != "" {
		t.Errorf("skipped operations (-want +got):\n%s", diff)
	}
}

func TestFor(t *testing.T) {
	t.Parallel()
	const invalid = "body [] (a JSON array, never a valid request object)"
	tests := []struct {
		op   catalog.Operation
		want Probe
	}{
		{
			op: catalog.Operation{Method: "GET", Host: "api", Path: "/payments/{id}"},
			want: Probe{Method: "GET", Host: "api", Path: "/payments/pay_" + Marker, Idempotent: true,
				Shape: "GET /payments/pay_" + Marker + "; non-existent id"},
		},
		{
			op: catalog.Operation{Method: "GET", Host: "api", Path: "/disputes"},
			want: Probe{Method: "GET", Host: "api", Path: "/disputes", Query: "limit=1", Idempotent: true,
				Shape: "GET /disputes?limit=1; read-only, at most one item"},
		},
		{
			op:   catalog.Operation{Method: "GET", Host: "api", Path: "/workflows"},
			want: Probe{Method: "GET", Host: "api", Path: "/workflows", Idempotent: true, Shape: "GET /workflows; read-only"},
		},
		{
			op: catalog.Operation{Method: "POST", Host: "api", Path: "/payments"},
			want: Probe{Method: "POST", Host: "api", Path: "/payments", Body: []byte("[]"), ContentType: "application/json",
				Shape: "POST /payments; " + invalid + ", fresh Cko-Idempotency-Key"},
		},
		{
			op: catalog.Operation{Method: "POST", Host: "api", Path: "/payments/{paymentId}/captures"},
			want: Probe{Method: "POST", Host: "api", Path: "/payments/pay_" + Marker + "/captures", Body: []byte("[]"), ContentType: "application/json",
				Shape: "POST /payments/pay_" + Marker + "/captures; non-existent id, " + invalid + ", fresh Cko-Idempotency-Key"},
		},
		{
			op: catalog.Operation{Method: "POST", Host: "files", Path: "/files"},
			want: Probe{Method: "POST", Host: "files", Path: "/files", Body: []byte("[]"), ContentType: "application/json",
				Shape: "POST /files; body [] as application/json instead of a multipart upload (415 or 422 expected), fresh Cko-Idempotency-Key"},
		},
		{
			op: catalog.Operation{Method: "PUT", Host: "api", Path: "/workflows/{workflowId}/actions/{workflowActionId}"},
			want: Probe{Method: "PUT", Host: "api", Path: "/workflows/wf_" + Marker + "/actions/wfa_" + Marker, Body: []byte("[]"), ContentType: "application/json", Idempotent: true,
				Shape: "PUT /workflows/wf_" + Marker + "/actions/wfa_" + Marker + "; non-existent id, " + invalid},
		},
		{
			op: catalog.Operation{Method: "PATCH", Host: "api", Path: "/customers/{identifier}"},
			want: Probe{Method: "PATCH", Host: "api", Path: "/customers/cus_" + Marker, Body: []byte("[]"), ContentType: "application/json",
				Shape: "PATCH /customers/cus_" + Marker + "; non-existent id, " + invalid + ", fresh Cko-Idempotency-Key"},
		},
		{
			op: catalog.Operation{Method: "DELETE", Host: "forward", Path: "/secrets/{name}"},
			want: Probe{Method: "DELETE", Host: "forward", Path: "/secrets/" + Marker, Idempotent: true,
				Shape: "DELETE /secrets/" + Marker + "; non-existent id, no body"},
		},
		{
			op: catalog.Operation{Method: "DELETE", Host: "api", Path: "/everything"},
			want: Probe{Method: "DELETE", Host: "api", Path: "/everything", Idempotent: true,
				Skip:  "a DELETE that addresses no resource id could delete something",
				Shape: "DELETE /everything; no body, not probed: a DELETE that addresses no resource id could delete something"},
		},
		{
			op: catalog.Operation{Method: "GET", Host: "api", Path: "/hosted-payments/{id}"},
			want: Probe{Method: "GET", Host: "api", Path: "/hosted-payments/hpp_" + ShortMarker, Idempotent: true,
				Shape: "GET /hosted-payments/hpp_" + ShortMarker + "; non-existent id"},
		},
		{
			op: catalog.Operation{Method: "GET", Host: "api", Path: "/validation/bank-accounts/{country}/{currency}"},
			want: Probe{Method: "GET", Host: "api", Path: "/validation/bank-accounts/ZZ/XXX", Idempotent: true,
				Shape: "GET /validation/bank-accounts/ZZ/XXX; non-existent id"},
		},
		{
			op: catalog.Operation{Method: "POST", Host: "access", Path: "/connect/token"},
			want: Probe{Method: "POST", Host: "access", Path: "/connect/token",
				Skip:  skipped()["POST access /connect/token"],
				Shape: "POST /connect/token; not probed: " + skipped()["POST access /connect/token"]},
		},
		{ // a malformed template: stray braces never reach the wire
			op: catalog.Operation{Method: "get", Host: "api", Path: "/a/{b}x}/c{"},
			want: Probe{Method: "GET", Host: "api", Path: "/a/" + Marker + "x/c", Idempotent: true,
				Shape: "GET /a/" + Marker + "x/c; non-existent id"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.op.String(), func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, For(tt.op)); diff != "" {
				t.Errorf("For(%s) (-want +got):\n%s", tt.op, diff)
			}
		})
	}
}
