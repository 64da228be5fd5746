package engine

import (
	"context"
	"errors"
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/egress"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/judge"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/plan"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/spec"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/verify"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// errNoWorkspace is the scan error of a run with no workspace to read.
var errNoWorkspace = errors.New("there is no workspace to read code from")

// DefaultEgressTimeout bounds egress discovery as a whole.
const DefaultEgressTimeout = 10 * time.Second

// DefaultEgressGrace is how much longer egress discovery may take once
// every credential is checked, so that one slow echo service cannot hold
// a run whose real work is done.
const DefaultEgressGrace = 2 * time.Second

// Run performs a preflight of run and returns its report: it plans (no
// request), then discovers the egress address while it verifies every
// credential, then judges. It always returns a complete report: a
// configuration error found while planning is a failing config.valid check
// (and nothing is sent), and checks cut short by run.Timeout or by ctx are
// inconclusive with what was learned.
func Run(ctx context.Context, run spec.Run, o Options) report.Report {
	o = o.withDefaults()
	start := o.Now()
	p := plan.New(run, o.Catalog)
	in := judge.Input{Plan: p, HostedRunner: o.HostedRunner, Findings: o.Findings}
	if !p.Invalid {
		runCtx, cancel := context.WithTimeout(ctx, run.Timeout)
		defer cancel()
		// The token and API hosts' connections are opened now, so that
		// they are ready when the token requests and the probes go out
		// (the probes after a token, for OAuth).
		checkout.Prewarm(runCtx, o.HTTPClient, p.BaseURLs()...)
		discovered, credentialsDone := startDiscovery(runCtx, o, run.EchoURLs)
		// The code is read while the connections open and the egress
		// address is looked up; then the plan takes in what it calls.
		calls, scans := scanCode(runCtx, o, run)
		if scans != nil {
			p = p.WithCalls(calls)
			in.Plan, in.Code = p, scans
			checkout.Prewarm(runCtx, o.HTTPClient, p.BaseURLs()...)
		}
		in.Credentials = verify.Run(runCtx, p, verify.Options{
			HTTPClient: o.HTTPClient, Concurrency: o.Concurrency, Retry: o.Retry,
			UserAgent: o.UserAgent, Now: o.Now, Mask: o.Mask, Debug: o.Debug,
		})
		credentialsDone()
		if d, ok := <-discovered; ok {
			in.Egress = &d
		}
		in.Interrupted = ctx.Err() != nil
		in.TimedOut = !in.Interrupted && errors.Is(runCtx.Err(), context.DeadlineExceeded)
	}
	return finish(judge.Judge(in), o, start)
}

// Invalid returns the report of a run that could not start because its
// settings are unusable: one failing config.valid check per error joined
// in err, with positions where the errors carry them.
func Invalid(err error, o Options) report.Report {
	o = o.withDefaults()
	start := o.Now()
	return finish(judge.Judge(judge.Input{Plan: plan.Invalid(err), Findings: o.Findings}), o, start)
}

// startDiscovery looks up the egress address in the background; the
// channel is closed without a value when discovery is off (urls empty and
// not nil). Calling done (once the credentials are checked) leaves
// discovery o.EgressGrace more.
func startDiscovery(ctx context.Context, o Options, urls []string) (found <-chan egress.Discovery, done func()) {
	ch := make(chan egress.Discovery, 1)
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
		ch <- egress.Discover(dctx, verify.LoggedClient(o.HTTPClient, o.Debug, o.Now), urls)
	}()
	return ch, func() { time.AfterFunc(o.EgressGrace, cancel) }
}

// finish stamps the report with the tool and the run's timing.
func finish(r report.Report, o Options, start time.Time) report.Report {
	r.SchemaVersion, r.Tool, r.ToolVersion = report.SchemaVersion, "checkout-preflight", o.ToolVersion
	r.StartedAt = start
	r.DurationMS = o.Now().Sub(start).Milliseconds()
	return r
}
