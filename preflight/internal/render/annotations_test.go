package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
	"github.com/google/go-cmp/cmp"
)

func check(id string, s report.Status, title string) report.Check {
	return report.Check{ID: id, Status: s, Title: title, Message: "message of " + title}
}

func TestAnnotationsRankAndLevels(t *testing.T) {
	t.Parallel()
	r := base("",
		check(report.CheckEgressAllowed, report.StatusFail, "egress"),
		check(report.CheckEndpointAuthorized, report.StatusFail, "endpoint 1"),
		check(report.CheckCredentialActive, report.StatusFail, "active"),
		check("future.check", report.StatusFail, "future"),
		check(report.CheckConfig, report.StatusFail, "config"),
		check(report.CheckEndpointAuthorized, report.StatusFail, "endpoint 2"),
		check(report.CheckScopesGranted, report.StatusFail, "scopes"),
		check(report.CheckProbeSafety, report.StatusFail, "safety"),
		check(report.CheckEgressHostedRunner, report.StatusWarn, "hosted"),
		check(report.CheckEndpointAuthorized, report.StatusInconclusive, "endpoint 3"),
		check(report.CheckRunDeadline, report.StatusInconclusive, "deadline"),
		check(report.CheckCredentialFormat, report.StatusPass, "format"),
		check(report.CheckCredentialPresent, report.StatusSkip, "present"),
	)
	var got []string
	for _, a := range Annotations(r, RunnerAnnotationLimit) {
		got = append(got, a.Level+" "+a.Title)
	}
	want := []string{
		"error safety",
		"error active",
		"error config",
		"error endpoint 1 and 1 more", // one cause: same id, credential, scope and remedy
		"error scopes",
		"error egress",
		"error future",
		"warning deadline",
		"warning endpoint 3",
		"warning hosted",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("annotations (-want +got):\n%s", diff)
	}
}

// many returns n checks with the status, titled "<prefix> <i>", each a
// cause of its own.
func many(n int, s report.Status, prefix string) []report.Check {
	var cs []report.Check
	for i := range n {
		cs = append(cs, check(report.CheckConfig, s, fmt.Sprintf("%s %d", prefix, i)))
	}
	return cs
}

func TestAnnotationsCap(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name             string
		errs, warns, max int
		wantErr, wantWrn int
		overflow         string // "" when nothing is cut
	}{
		{"under the cap", 3, 2, 10, 3, 2, ""},
		{"at the cap", 10, 10, 10, 10, 10, ""},
		{"errors and warnings cut", 15, 12, 10, 10, 10, "5 more errors and 2 more warnings are listed in the job summary"},
		{"one error cut", 11, 0, 10, 10, 0, "1 more error is listed in the job summary"},
		{"one warning cut", 0, 2, 1, 0, 1, "1 more warning is listed in the job summary"},
		{"no cap", 40, 30, 0, 40, 30, ""},
		{"negative is no cap", 12, 0, -1, 12, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			checks := append(many(tt.errs, report.StatusFail, "error"), many(tt.warns, report.StatusWarn, "warning")...)
			result := report.ResultPass
			if tt.errs > 0 {
				result = report.ResultFail
			}
			got := Annotations(base(result, checks...), tt.max)
			levels := map[string]int{}
			for _, a := range got {
				levels[a.Level]++
			}
			wantLevels := map[string]int{LevelError: tt.wantErr, LevelWarning: tt.wantWrn}
			if tt.overflow != "" {
				wantLevels[LevelNotice] = 1
				last := got[len(got)-1]
				if diff := cmp.Diff(Annotation{Level: LevelNotice, Title: "More findings in the job summary", Message: tt.overflow}, last); diff != "" {
					t.Errorf("overflow notice (-want +got):\n%s", diff)
				}
			}
			for l, n := range wantLevels {
				if n == 0 {
					delete(wantLevels, l)
				}
			}
			if diff := cmp.Diff(wantLevels, levels); diff != "" {
				t.Errorf("annotations per level (-want +got):\n%s", diff)
			}
			if tt.wantErr > 0 && got[0].Title != "error 0" {
				t.Errorf("first annotation is %q, want the first error", got[0].Title)
			}
		})
	}
}

func TestAnnotationsSkippedRunGivesNotices(t *testing.T) {
	t.Parallel()
	r := base(report.ResultSkipped, many(3, report.StatusSkip, "skip")...)
	// With two notice slots, the last is kept for the overflow message.
	want := []Annotation{
		{Level: LevelNotice, Title: "skip 0", Message: "message of skip 0"},
		{Level: LevelNotice, Title: "More findings in the job summary", Message: "2 more notices are listed in the job summary"},
	}
	got := Annotations(r, 2)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("annotations (-want +got):\n%s", diff)
	}
	// In a run that was not skipped, skipped checks are not annotated.
	r.Result = report.ResultPass
	if got := Annotations(r, 2); len(got) != 0 {
		t.Errorf("skipped checks of a passing run were annotated: %v", got)
	}
}

func TestAnnotationFields(t *testing.T) {
	t.Parallel()
	long := "Missing scope: POST /payments/" + fmt.Sprintf("%0120d", 0)
	tests := []struct {
		name  string
		check report.Check
		want  Annotation
	}{
		{
			name: "position, message and remedy",
			check: report.Check{ID: report.CheckEndpointAuthorized, Status: report.StatusFail, Title: "Missing scope: POST /payments/{id}/refunds",
				Message: `credential "default" was refused`, Remedy: `add scope "gateway:payment-refunds"`, Position: at(workflow, 14, 11)},
			want: Annotation{Level: LevelError, Title: "Missing scope: POST /payments/{id}/refunds",
				Message: "credential \"default\" was refused\nadd scope \"gateway:payment-refunds\"", File: workflow, Line: 14, Column: 11},
		},
		{
			name:  "no title uses the id; a position without a file is dropped",
			check: report.Check{ID: report.CheckEgressAgreement, Status: report.StatusWarn, Message: "m", Position: &report.Position{Line: 3}},
			want:  Annotation{Level: LevelWarning, Title: report.CheckEgressAgreement, Message: "m"},
		},
		{
			name:  "long title with a newline is one short line",
			check: report.Check{ID: report.CheckConfig, Status: report.StatusFail, Title: "two\nlines " + long, Message: "m"},
			want:  Annotation{Level: LevelError, Title: clipRunes("two lines "+long, maxTitleRunes), Message: "m"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := Annotations(base("", tt.check), RunnerAnnotationLimit)
			if diff := cmp.Diff([]Annotation{tt.want}, got); diff != "" {
				t.Errorf("annotation (-want +got):\n%s", diff)
			}
			if n := len([]rune(got[0].Title)); n > maxTitleRunes {
				t.Errorf("title has %d runes, over %d", n, maxTitleRunes)
			}
		})
	}
}

// TestAnnotationsOnePerCause: a scope missing on many endpoints is one
// error at the first endpoint, naming the others.
func TestAnnotationsOnePerCause(t *testing.T) {
	t.Parallel()
	got := Annotations(manyEndpointsReport(), RunnerAnnotationLimit)
	if len(got) != 1 {
		t.Fatalf("got %d annotations, want 1: %+v", len(got), got)
	}
	a := got[0]
	if a.Level != LevelError || a.Title != "Missing scope flow:workflows (workflows-service)" ||
		a.File != configFile || a.Line != 12 || a.Column != 9 {
		t.Errorf("annotation = %+v, want an error titled by the cause at %s:12:9", a, configFile)
	}
	want := "\nalso at .checkout-preflight.yml:13:9, .checkout-preflight.yml:14:9, .checkout-preflight.yml:15:9 and 10 more\nadd flow:workflows"
	if !strings.Contains(a.Message, want) {
		t.Errorf("message %q does not list the other positions before the remedy (%q)", a.Message, want)
	}
}

// TestAnnotationsRedStep: every run that fails its step has an error
// annotation, inconclusive and fail-on: warning runs included.
func TestAnnotationsRedStep(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		r         report.Report
		wantTitle string // of the first error; "" when the run has none
	}{
		{"inconclusive", inconclusiveNetworkReport(), "Run inconclusive: 2 endpoints and 2 other checks not verified"},
		{"inconclusive deadline", base(report.ResultInconclusive, check(report.CheckRunDeadline, report.StatusInconclusive, "Run timed out")),
			"Run inconclusive: 1 check not verified"},
		{"fail-on warning", failOnWarningReport(), "Failed on 1 warning (fail-on: warning)"},
		{"failure", missingScopeReport(), "Missing scope: POST /payments/{id}/refunds"},
		{"pass with a warning", base(report.ResultPass, check(report.CheckEgressHostedRunner, report.StatusWarn, "hosted")), ""},
		{"skipped", skippedForkReport(), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var errs []Annotation
			for _, a := range Annotations(tt.r, RunnerAnnotationLimit) {
				if a.Level == LevelError {
					errs = append(errs, a)
				}
			}
			if tt.wantTitle == "" {
				if len(errs) > 0 {
					t.Errorf("errors on a green step: %+v", errs)
				}
				return
			}
			if len(errs) == 0 || errs[0].Title != tt.wantTitle {
				t.Fatalf("errors = %+v, want the first titled %q", errs, tt.wantTitle)
			}
			if strings.Contains(tt.wantTitle, "inconclusive") && !strings.Contains(errs[0].Message, "(exit 3)") {
				t.Errorf("message %q does not give the exit code", errs[0].Message)
			}
		})
	}
}
