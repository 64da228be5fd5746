package engine

import (
	"io/fs"
	"net/http"
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// Options are what a run needs besides its specification: the seams and
// the facts about the runner. The zero value is valid.
type Options struct {
	// HTTPClient sends every request; nil means one built by
	// checkout.NewHTTPClient with no proxy.
	HTTPClient *http.Client
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Catalog maps endpoints to scopes; nil means catalog.Default().
	Catalog *catalog.Catalog
	// Concurrency bounds in-flight requests; zero means
	// verify.DefaultConcurrency.
	Concurrency int
	// Retry is the retry policy for probes; the zero value means defaults.
	Retry checkout.RetryPolicy
	// EgressGrace is how long egress discovery may go on once every
	// credential is checked; zero means DefaultEgressGrace.
	EgressGrace time.Duration
	// HostedRunner is true on a standard GitHub-hosted runner, whose
	// egress addresses change from job to job.
	HostedRunner bool
	// Mask is called with every access token as soon as it exists, before
	// it is used; nil means no masking.
	Mask func(string)
	// Debug receives one line per request (method, host, path, status,
	// request id, timing), never headers; nil means no debug output.
	Debug func(string)
	// Workspace is the tree discover paths are read from (the GitHub
	// workspace, or the working directory of a CLI run); nil means there
	// is none, and a credential that turns discovery on gets a failing
	// code.scanned check.
	Workspace fs.FS
	// Findings are checks made before the run (such as credentials left
	// empty on purpose); they are reported first, as given. Nil means none.
	Findings []report.Check
	// ToolVersion and UserAgent identify the tool in reports and requests.
	ToolVersion, UserAgent string
}

func (o Options) withDefaults() Options {
	if o.EgressGrace <= 0 {
		o.EgressGrace = DefaultEgressGrace
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Catalog == nil {
		o.Catalog = catalog.Default()
	}
	if o.HTTPClient == nil {
		o.HTTPClient = checkout.NewHTTPClient(checkout.ClientOptions{UserAgent: o.UserAgent})
	}
	return o
}
