package judge

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

func TestVerdict(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		statuses []report.Status
		failWarn bool
		want     report.Result
	}{
		{"no checks", nil, false, report.ResultPass},
		{"all pass", []report.Status{report.StatusPass, report.StatusSkip}, false, report.ResultPass},
		{"warning passes by default", []report.Status{report.StatusPass, report.StatusWarn}, false, report.ResultPass},
		{"warning fails with fail-on warning", []report.Status{report.StatusPass, report.StatusWarn}, true, report.ResultFail},
		{"inconclusive", []report.Status{report.StatusPass, report.StatusInconclusive}, false, report.ResultInconclusive},
		{"failure outranks inconclusive", []report.Status{report.StatusInconclusive, report.StatusFail}, false, report.ResultFail},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var checks []report.Check
			for _, s := range tt.statuses {
				checks = append(checks, report.Check{Status: s})
			}
			if got := Verdict(checks, tt.failWarn); got != tt.want {
				t.Errorf("Verdict = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestActiveFrom(t *testing.T) {
	t.Parallel()
	r := func(o checkout.Outcome) checkout.Result { return checkout.Result{Outcome: o} }
	tests := []struct {
		name    string
		results []checkout.Result
		want    *bool
	}{
		{"no answers", nil, nil},
		{"only faults", []checkout.Result{r(checkout.OutcomeInconclusive)}, nil},
		{"every answer 401", []checkout.Result{r(checkout.OutcomeUnauthenticated), r(checkout.OutcomeUnauthenticated)}, ptr(false)},
		{"401 beside a fault leaves it open", []checkout.Result{r(checkout.OutcomeUnauthenticated), r(checkout.OutcomeInconclusive)}, nil},
		{"one 403 proves the key active", []checkout.Result{r(checkout.OutcomeUnauthenticated), r(checkout.OutcomeForbidden)}, ptr(true)},
		{"one authorised answer", []checkout.Result{r(checkout.OutcomeInconclusive), r(checkout.OutcomeAuthorized)}, ptr(true)},
		{"not checked does not count", []checkout.Result{r(checkout.OutcomeNotChecked), r(checkout.OutcomeUnauthenticated)}, ptr(false)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, activeFrom(tt.results)); diff != "" {
				t.Errorf("activeFrom mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
