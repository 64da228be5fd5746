package judge

import (
	"fmt"
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/egress"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/plan"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/verify"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// Input is everything Judge reads. The zero value judges an empty run.
type Input struct {
	// Plan is what was checked.
	Plan plan.Plan
	// Credentials parallels Plan.Credentials: what verification learned;
	// nil or shorter means the rest were not checked.
	Credentials []verify.Credential
	// Egress is the discovery's outcome; nil when discovery was off or did
	// not finish.
	Egress *egress.Discovery
	// HostedRunner is true on a standard GitHub-hosted runner.
	HostedRunner bool
	// Interrupted is true when the run was cancelled (SIGINT/SIGTERM),
	// TimedOut when it reached Plan.Run.Timeout first.
	Interrupted, TimedOut bool
	// Findings are checks made before the run (a missing credential),
	// reported first; nil means none.
	Findings []report.Check
	// Code are the readings of the code for calls; nil when discovery was
	// off for every credential.
	Code []CodeScan
}

// Judge returns the report's checks, credentials, egress section and
// result (Tool, versions and timing are the caller's).
func Judge(in Input) report.Report {
	r := report.Report{Checks: []report.Check{}, Credentials: []report.Credential{}, Causes: []report.Cause{}}
	r.Checks = append(r.Checks, in.Findings...)
	r.Checks = append(r.Checks, capRepeats(in.Plan.Findings, MaxRepeats)...)
	for _, s := range in.Code {
		r.Checks = append(r.Checks, codeScanned(s))
	}
	var creds []credentialVerdict
	for i, c := range in.Plan.Credentials {
		var got verify.Credential
		if i < len(in.Credentials) {
			got = in.Credentials[i]
		}
		v := judgeCredential(c, got, len(in.Plan.Credentials) > 1)
		creds = append(creds, v)
		r.Credentials = append(r.Credentials, v.report)
		r.Checks = append(r.Checks, v.checks...)
	}
	if !in.Plan.Invalid {
		var checks []report.Check
		r.Egress, checks = egressChecks(in)
		r.Checks = append(r.Checks, checks...)
		r.Checks = append(r.Checks, restrictionChecks(in.Plan.Credentials, creds, r.Egress)...)
		r.Checks = append(r.Checks, cutShort(in)...)
	}
	r.Result = Verdict(r.Checks, in.Plan.Run.FailOnWarning)
	r.Causes = report.Causes(r.Checks)
	return r
}

// Verdict is the one rule for a run's result: fail when any check failed
// (or warned, with failOnWarning), else inconclusive when any check could
// not finish, else pass.
func Verdict(checks []report.Check, failOnWarning bool) report.Result {
	worst := report.StatusPass
	for _, c := range checks {
		s := c.Status
		if s == report.StatusWarn && failOnWarning {
			s = report.StatusFail
		}
		worst = report.Worst(worst, s)
	}
	switch worst {
	case report.StatusFail:
		return report.ResultFail
	case report.StatusInconclusive:
		return report.ResultInconclusive
	}
	return report.ResultPass
}

// cutShort explains a run that ended early.
func cutShort(in Input) []report.Check {
	switch {
	case in.Interrupted:
		return []report.Check{{ID: report.CheckRunInterrupted, Status: report.StatusInconclusive, Title: "Run interrupted",
			Message: "the run was cancelled before every check finished; the results so far are kept",
			Remedy:  "re-run the job"}}
	case in.TimedOut:
		return []report.Check{{ID: report.CheckRunDeadline, Status: report.StatusInconclusive, Title: "Run timed out",
			Message: fmt.Sprintf("the run reached its %s timeout before every check finished; the results so far are kept", in.Plan.Run.Timeout.Round(time.Millisecond)),
			Remedy:  "re-run the job; if Checkout.com or the network is slow, raise timeout"}}
	}
	return nil
}

func ptr[T any](v T) *T { return &v }
