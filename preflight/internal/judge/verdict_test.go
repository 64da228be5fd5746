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

func TestActivity(t *testing.T) {
	t.Parallel()
	r := func(o checkout.Outcome, status int) checkout.Result {
		return checkout.Result{Outcome: o, HTTPStatus: status, Attempts: 1}
	}
	refusedControl := r(checkout.OutcomeUnauthenticated, 401)
	p := func(real checkout.Result) pair { return pair{real: real, control: refusedControl} }
	tests := []struct {
		name string
		ps   []pair
		want *bool
	}{
		{"no answers", nil, nil},
		{"only faults", []pair{p(r(checkout.OutcomeInconclusive, 503))}, nil},
		{"every answer 401", []pair{p(r(checkout.OutcomeUnauthenticated, 401)), p(r(checkout.OutcomeUnauthenticated, 401))}, ptr(false)},
		{"401 beside a fault leaves it open", []pair{p(r(checkout.OutcomeUnauthenticated, 401)), p(r(checkout.OutcomeInconclusive, 503))}, nil},
		{"one 403 proves the key known", []pair{p(r(checkout.OutcomeUnauthenticated, 401)), p(r(checkout.OutcomeForbidden, 403))}, ptr(true)},
		{"one authorised answer", []pair{p(r(checkout.OutcomeInconclusive, 503)), p(r(checkout.OutcomeAuthorized, 404))}, ptr(true)},
		{"an answer its control got too proves nothing", []pair{{real: r(checkout.OutcomeAuthorized, 404), control: r(checkout.OutcomeAuthorized, 404)}}, nil},
		{"a control that got no answer proves nothing", []pair{{real: r(checkout.OutcomeAuthorized, 404), control: r(checkout.OutcomeInconclusive, 0)}}, nil},
		{"a 403 its control got too proves nothing", []pair{{real: r(checkout.OutcomeForbidden, 403), control: r(checkout.OutcomeForbidden, 403)}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, activity(tt.ps)); diff != "" {
				t.Errorf("activity mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
