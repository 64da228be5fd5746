package verify

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/credential"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/plan"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/probe"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/transport"
)

// DefaultConcurrency is how many reads, and separately how many writes,
// may be in flight at once with an environment's credentials (its
// account's, or accounts') across all credentials when Options.Concurrency
// is zero. Checkout.com limits an
// account to 100 simultaneous reads and 100 simultaneous writes, shared
// with the account's live traffic. 48 of each sends the probes of a
// credential with up to 48 reads and 48 writes (with an OAuth access key's
// scope controls, half that), or its per-scope token requests, in one
// round trip, and leaves more than half of each limit to live traffic.
const DefaultConcurrency = 48

// Options configure Run. Nil and zero fields mean the defaults given.
type Options struct {
	// HTTPClient sends every request; nil means one built by
	// checkout.NewHTTPClient with no proxy.
	HTTPClient *http.Client
	// Concurrency bounds requests in flight; zero means DefaultConcurrency.
	Concurrency int
	// Retry is the probes' retry policy; the zero value means defaults.
	Retry checkout.RetryPolicy
	// UserAgent is sent with every probe; empty leaves it to HTTPClient.
	UserAgent string
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Mask is called with every access token as soon as it exists, before
	// it is used; nil means no masking.
	Mask func(string)
	// Debug receives one line per request (never a header); nil means no
	// debug output.
	Debug func(string)
}

func (o Options) withDefaults() Options {
	if o.HTTPClient == nil {
		o.HTTPClient = checkout.NewHTTPClient(checkout.ClientOptions{UserAgent: o.UserAgent})
	}
	if o.Concurrency <= 0 {
		o.Concurrency = DefaultConcurrency
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Mask == nil {
		o.Mask = func(string) {}
	}
	return o
}

// Run checks every usable credential of p concurrently and returns what
// was learned, parallel to p.Credentials. A plan that is Invalid sends
// nothing. Run returns when every check is done or ctx ends; a request
// still waiting for a slot when ctx ends is inconclusive, never dropped.
func Run(ctx context.Context, p plan.Plan, o Options) []Credential {
	out := make([]Credential, len(p.Credentials))
	if p.Invalid {
		return out
	}
	v := newVerifier(o.withDefaults())
	var wg sync.WaitGroup
	for i, c := range p.Credentials {
		if !c.Usable {
			continue
		}
		wg.Go(func() {
			if c.Cred.Kind == credential.KindOAuth {
				out[i] = v.oauth(ctx, c)
			} else {
				out[i] = v.secretKey(ctx, c)
			}
		})
	}
	wg.Wait()
	return out
}

// verifier holds the budgets that bound requests in flight across every
// credential of a run, per environment: for reads and for writes made
// with the account's credentials, which share the account's two limits
// with its live traffic (token requests count as writes, and go first),
// and for controls, which carry a credential that cannot exist and so
// belong to no account: as many as reads and writes together, since each
// probe has its control. Sandbox and production accounts are always
// distinct, so each environment has budgets of its own; within one,
// credentials may belong to the same account (nothing offline tells), so
// they share.
type verifier struct {
	o    Options
	envs map[credential.Environment]*budgets
}

// budgets are the budgets of one environment's requests.
type budgets struct{ reads, writes, controls *budget }

func newVerifier(o Options) *verifier {
	v := &verifier{o: o, envs: map[credential.Environment]*budgets{}}
	for _, env := range []credential.Environment{credential.Sandbox, credential.Production} {
		v.envs[env] = &budgets{reads: newBudget(o.Concurrency), writes: newBudget(o.Concurrency), controls: newBudget(2 * o.Concurrency)}
	}
	return v
}

// budgets returns the budgets of env; an environment that is neither
// sandbox nor production (never planned) shares the sandbox's.
func (v *verifier) budgets(env credential.Environment) *budgets {
	if b, ok := v.envs[env]; ok {
		return b
	}
	return v.envs[credential.Sandbox]
}

// budget returns the budget a probe request to env counts against.
func (v *verifier) budget(env credential.Environment, r request) *budget {
	b := v.budgets(env)
	switch {
	case r.control:
		return b.controls
	case r.probe.Method == http.MethodGet || r.probe.Method == http.MethodHead:
		return b.reads
	}
	return b.writes
}

// client returns a Checkout.com client for one set of base URLs.
func (v *verifier) client(urls checkout.Endpoints) *checkout.Client {
	return &checkout.Client{
		HTTP: v.o.HTTPClient, Endpoints: urls, UserAgent: v.o.UserAgent,
		Retry: v.o.Retry, Now: v.o.Now, Log: v.logRequest,
	}
}

func (v *verifier) logRequest(l transport.RequestLog) {
	if v.o.Debug != nil {
		v.o.Debug(l.String())
	}
}

// request is one probe to send with one Authorization value; control
// marks a control request (see plan.Credential.Control).
type request struct {
	authorization string
	probe         probe.Probe
	control       bool
}

// send sends every request, made with env's URLs, concurrently within the
// run's budgets, and returns the results in the same order.
func (v *verifier) send(ctx context.Context, env credential.Environment, c *checkout.Client, reqs []request) []checkout.Result {
	results := make([]checkout.Result, len(reqs))
	var wg sync.WaitGroup
	for i, r := range reqs {
		wg.Go(func() {
			if r.probe.Skip != "" {
				results[i] = c.Probe(ctx, r.authorization, r.probe)
				return
			}
			b := v.budget(env, r)
			if !b.acquire(ctx, false) {
				results[i] = checkout.Result{Outcome: checkout.OutcomeInconclusive, Err: fmt.Errorf("not sent before the deadline: %w", ctx.Err())}
				return
			}
			defer b.release()
			results[i] = c.Probe(ctx, r.authorization, r.probe)
		})
	}
	wg.Wait()
	return results
}
