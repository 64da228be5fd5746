package simulator

import (
	"fmt"
	"maps"
	"slices"
	"testing"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
	"github.com/google/go-cmp/cmp"
)

func TestResolveProfiles(t *testing.T) {
	t.Parallel()
	all := []string{AllOperations}
	tests := []struct {
		name string
		opts Options
		want profiles
	}{
		{name: "zero", opts: Options{}, want: profiles{}},
		{name: "all", opts: Options{BusinessRule403: all, ValidateBeforeAuth: all, LookupBeforeAuth: all, LookupBeforeScope: all}, want: profiles{
			businessRule: opSet{"POST /payments/{id}/refunds": true, "POST /payments/{id}/captures": true, "POST /payments/{id}/voids": true,
				"POST /payments/{paymentId}/reversals": true, "POST /payments/{paymentId}/cancellations": true, "PUT /sessions/{id}/collect-data": true},
			validateFirst: opSet{"POST /payments": true, "POST /payments/{id}/refunds": true, "POST /payments/{id}/captures": true,
				"POST /files": true, "POST /accounts/entities": true, "POST /hosted-payments": true, "POST /tokens": true, "POST /issuing/cards": true,
				"POST /payments/{id}/voids": true, "POST /payments/{paymentId}/reversals": true, "POST /payments/{paymentId}/cancellations": true,
				"PUT /sessions/{id}/collect-data": true},
			lookupFirst:     opSet{"GET /payments/{id}": true},
			lookupAfterAuth: opSet{"GET /payments/{id}": true},
		}},
		{name: "listed, method any case, spaces", opts: Options{LookupBeforeAuth: []string{" get /payments/{id} "}, ValidateBeforeAuth: []string{"post /files"}}, want: profiles{
			lookupFirst:   opSet{"GET /payments/{id}": true},
			validateFirst: opSet{"POST /files": true},
		}},
		{name: "business rule wins over lookup", opts: Options{BusinessRule403: []string{"POST /payments/{id}/refunds"}, LookupBeforeAuth: []string{"POST /payments/{id}/refunds"}}, want: profiles{
			businessRule: opSet{"POST /payments/{id}/refunds": true},
			lookupFirst:  opSet{},
		}},
		{name: "all and a listed one", opts: Options{LookupBeforeScope: []string{"GET /payments/{id}", AllOperations}}, want: profiles{
			lookupAfterAuth: opSet{"GET /payments/{id}": true, "POST /payments/{id}/refunds": true, "POST /payments/{id}/captures": true,
				"POST /payments/{id}/voids": true, "POST /payments/{paymentId}/reversals": true, "POST /payments/{paymentId}/cancellations": true,
				"PUT /sessions/{id}/collect-data": true},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := resolveProfiles(tt.opts, profileCatalog().Operations())
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(profiles{})); diff != "" {
				t.Errorf("profiles (-want +got):\n%s", diff)
			}
		})
	}
}

func TestResolveProfilesPanics(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		opts      Options
		wantPanic string
	}{
		{"unknown operation", Options{BusinessRule403: []string{"POST /payments/{paymentId}/refunds"}},
			`simulator: Options.BusinessRule403: "POST /payments/{paymentId}/refunds" names no operation of the catalog`},
		{"no method", Options{LookupBeforeAuth: []string{"/payments/{id}"}},
			`simulator: Options.LookupBeforeAuth: "/payments/{id}" names no operation of the catalog`},
		{"collection for lookup", Options{LookupBeforeScope: []string{"GET /payments"}},
			`simulator: Options.LookupBeforeScope: "GET /payments": the operation has no path parameter`},
		{"collection for business rule", Options{BusinessRule403: []string{"POST /payments"}},
			`simulator: Options.BusinessRule403: "POST /payments": the operation has no path parameter`},
		{"read for validation", Options{ValidateBeforeAuth: []string{"GET /payments"}},
			`simulator: Options.ValidateBeforeAuth: "GET /payments": not a POST, PUT or PATCH operation`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			defer func() {
				if diff := cmp.Diff(tt.wantPanic, fmt.Sprint(recover())); diff != "" {
					t.Errorf("panic (-want +got):\n%s", diff)
				}
			}()
			tt.opts.Catalog = profileCatalog()
			NewUnstartedServer(tt.opts)
		})
	}
}

// TestBusinessRuleOperations checks the documented actions against the
// generated catalog, and the code each answers.
func TestBusinessRuleOperations(t *testing.T) {
	t.Parallel()
	want := map[string]string{
		"POST /payments/{id}/authorizations":       "authorization_not_allowed",
		"POST /payments/{id}/captures":             "capture_not_allowed",
		"POST /payments/{id}/refunds":              "refund_not_allowed",
		"POST /payments/{id}/voids":                "void_not_allowed",
		"POST /payments/{paymentId}/cancellations": "cancellation_not_allowed",
		"POST /payments/{paymentId}/reversals":     "reversal_not_allowed",
		"POST /sessions/{id}/complete":             "update_not_allowed_due_to_state",
		"PUT /sessions/{id}/collect-data":          "update_not_allowed_due_to_state",
		"PUT /sessions/{id}/issuer-fingerprint":    "update_not_allowed_due_to_state",
	}
	got := businessRuleOperations()
	if diff := cmp.Diff(slices.Sorted(maps.Keys(want)), got); diff != "" {
		t.Errorf("BusinessRuleOperations (-want +got):\n%s", diff)
	}
	selected := resolveProfiles(Options{BusinessRule403: []string{AllOperations}}, catalog.Default().Operations()).businessRule
	if diff := cmp.Diff(got, slices.Sorted(maps.Keys(selected))); diff != "" {
		t.Errorf("AllOperations on the default catalog (-BusinessRuleOperations +selected):\n%s", diff)
	}
	codes := map[string]string{}
	for _, op := range catalog.Default().Operations() {
		if selected.has(op) {
			codes[op.String()] = businessRuleCode(op)
		}
	}
	if diff := cmp.Diff(want, codes); diff != "" {
		t.Errorf("codes (-want +got):\n%s", diff)
	}
	if got := businessRuleCode(catalog.Operation{Method: "GET", Path: "/payments/{id}"}); got != "operation_not_allowed" {
		t.Errorf("code of an undocumented action: %q, want operation_not_allowed", got)
	}
}

// businessRuleOperations returns the operations of catalog.Default() that
// Checkout.com documents (or its SDK tests show) a business-rule 403 for:
// increment authorization, capture, refund, void, reversal and cancellation
// of a payment, and the session updates (collect data, complete, issuer
// fingerprint), sorted. It is what AllOperations selects in
// Options.BusinessRule403 on the default catalog.
func businessRuleOperations() []string {
	var out []string
	for _, op := range catalog.Default().Operations() {
		if _, ok := businessRuleCodes()[shapeOf(op)]; ok && !slices.Contains(out, op.String()) {
			out = append(out, op.String())
		}
	}
	slices.Sort(out)
	return out
}
