package engine

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/credential"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/egress"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// DefaultEgressTimeout bounds egress discovery as a whole.
const DefaultEgressTimeout = 10 * time.Second

// DefaultEgressGrace is how much longer egress discovery may take once
// every credential is checked, so that one slow echo service cannot hold
// a run whose real work is done.
const DefaultEgressGrace = 2 * time.Second

// Run performs a preflight and returns its report. It never panics on bad
// input and always returns a complete report: configuration errors are
// failing config.valid checks (and nothing is sent), and checks cut short
// by the timeout or by ctx are inconclusive with what was learned.
func Run(ctx context.Context, o Options) (r report.Report) {
	o = o.withDefaults()
	start := o.Now()
	secrets := &secretSet{}
	for _, in := range o.Credentials {
		secrets.add(in.SecretKey)
		secrets.add(in.ClientID)
		secrets.add(in.ClientSecret)
	}
	mask := o.Mask
	o.Mask = func(v string) { secrets.add(v); mask(v) }
	defer secrets.scrub(&r)
	r = report.Report{
		SchemaVersion: report.SchemaVersion, Tool: "checkout-preflight", ToolVersion: o.ToolVersion,
		StartedAt: start, Checks: []report.Check{}, Credentials: []report.Credential{},
	}
	p := newPlan(o)
	p.checks = append(o.Findings, p.checks...)
	if p.invalid {
		r.Checks = p.checks
		r.Credentials = p.reports()
		return finish(r, o, start)
	}
	runCtx, cancel := context.WithTimeout(ctx, o.Timeout)
	defer cancel()

	discovered, credentialsDone := startDiscovery(runCtx, o)
	v := newVerifier(o)
	var wg sync.WaitGroup
	for _, cp := range p.creds {
		if cp.usable {
			wg.Go(func() { v.check(runCtx, cp) })
		}
	}
	wg.Wait()
	credentialsDone()

	r.Checks = append(r.Checks, p.checks...)
	for _, cp := range p.creds {
		r.Checks = append(r.Checks, cp.checks()...)
	}
	if d, ok := <-discovered; ok {
		var checks []report.Check
		r.Egress, checks = egressVerdict(o, d, p.allowlist)
		r.Checks = append(r.Checks, checks...)
	} else if len(p.allowlist) > 0 {
		r.Checks = append(r.Checks, report.Check{ID: report.CheckEgressAllowed, Status: report.StatusSkip,
			Title: "Egress not checked", Message: "ip-echo-urls is empty, so the egress address was not discovered", Remedy: "set ip-echo-urls to check the allowlist"})
	}
	r.Checks = append(r.Checks, restrictionChecks(p.creds, r.Egress)...)
	r.Checks = append(r.Checks, cutShort(ctx, runCtx, o.Timeout)...)
	r.Credentials = p.reports()
	return finish(r, o, start)
}

// Invalid returns the report of a run that could not start because its
// settings are unusable: one failing config.valid check per error joined
// in err, with positions where the errors carry them.
func Invalid(err error, o Options) report.Report {
	o = o.withDefaults()
	p := &plan{}
	p.configErrors(err)
	r := report.Report{SchemaVersion: report.SchemaVersion, Tool: "checkout-preflight", ToolVersion: o.ToolVersion,
		StartedAt: o.Now(), Checks: p.checks, Credentials: []report.Credential{}}
	return finish(r, o, r.StartedAt)
}

// startDiscovery looks up the egress address in the background; the
// channel is closed without a value when discovery is off. Calling done
// (once the credentials are checked) leaves discovery o.EgressGrace more.
func startDiscovery(ctx context.Context, o Options) (found <-chan egress.Discovery, done func()) {
	ch := make(chan egress.Discovery, 1)
	urls := o.EchoURLs
	if urls == nil {
		urls = egress.DefaultEchoURLs()
	}
	if len(urls) == 0 {
		close(ch)
		return ch, func() {}
	}
	dctx, cancel := context.WithTimeout(ctx, DefaultEgressTimeout)
	go func() {
		defer close(ch)
		defer cancel()
		ch <- egress.Discover(dctx, o.loggedClient(), urls)
	}()
	return ch, func() { time.AfterFunc(o.EgressGrace, cancel) }
}

// check verifies one usable credential.
func (v *verifier) check(ctx context.Context, cp *credPlan) {
	if cp.cred.Kind == credential.KindOAuth {
		v.checkOAuth(ctx, cp)
		return
	}
	v.checkSecretKey(ctx, cp)
}

// cutShort explains a run that ended early.
func cutShort(parent, run context.Context, timeout time.Duration) []report.Check {
	switch {
	case parent.Err() != nil:
		return []report.Check{{ID: report.CheckRunInterrupted, Status: report.StatusInconclusive, Title: "Run interrupted",
			Message: "the run was cancelled before every check finished; the results so far are kept",
			Remedy:  "re-run the job"}}
	case errors.Is(run.Err(), context.DeadlineExceeded):
		return []report.Check{{ID: report.CheckRunDeadline, Status: report.StatusInconclusive, Title: "Run timed out",
			Message: fmt.Sprintf("the run reached its %s timeout before every check finished; the results so far are kept", timeout),
			Remedy:  "re-run the job; if Checkout.com or the network is slow, raise timeout"}}
	}
	return nil
}

func finish(r report.Report, o Options, start time.Time) report.Report {
	r.Result = verdict(r.Checks, o.FailOnWarning)
	r.DurationMS = elapsed(o.Now, start)
	return r
}

// verdict is fail when any check failed (or warned, with failOnWarning),
// else inconclusive when any check could not finish, else pass.
func verdict(checks []report.Check, failOnWarning bool) report.Result {
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
