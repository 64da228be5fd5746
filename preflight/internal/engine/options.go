package engine

import (
	"net/http"
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// DefaultTimeout bounds a whole run when Options.Timeout is zero.
const DefaultTimeout = 30 * time.Second

// DefaultConcurrency is how many requests may be in flight at once across
// all credentials when Options.Concurrency is zero. Checkout.com limits an
// account to 100 simultaneous reads and 100 simultaneous writes, shared
// with the account's live traffic. 48 sends the probes of a credential
// with up to 48 endpoints, or an OAuth access key's per-scope token
// requests, in one round trip, and leaves at least half of the limit to
// live traffic; five credentials of 30 endpoints take four waves instead
// of three (BenchmarkConfig5x30).
const DefaultConcurrency = 48

// Options configure a run. The zero value checks nothing and is valid.
type Options struct {
	// Credentials to check, concurrently. Empty means none (the run only
	// discovers the egress address).
	Credentials []CredentialInput
	// Environment applies to credentials that declare none: "auto" (or
	// empty) infers it from the key, "sandbox" or "production" insists.
	Environment string
	// Prefix, APIURL and AuthURL apply to credentials that declare none;
	// see checkout.ResolveEndpoints. Empty means the public hosts.
	Prefix, APIURL, AuthURL string
	// AllowedIPs are allowlist entries (addresses or CIDR prefixes); empty
	// means no allowlist: the address is still discovered and reported.
	AllowedIPs []config.Value
	// EchoURLs are the IP echo services; nil means egress.DefaultEchoURLs,
	// and an empty non-nil slice turns discovery off.
	EchoURLs []string
	// Timeout bounds the whole run; zero means DefaultTimeout.
	Timeout time.Duration
	// EgressGrace is how long egress discovery may go on once every
	// credential is checked; zero means DefaultEgressGrace.
	EgressGrace time.Duration
	// FailOnWarning turns warnings into failures (fail-on: warning).
	FailOnWarning bool
	// HostedRunner is true on a GitHub-hosted runner, whose egress
	// addresses change from job to job.
	HostedRunner bool
	// HTTPClient sends every request; nil means one built by
	// checkout.NewHTTPClient with no proxy.
	HTTPClient *http.Client
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Catalog maps endpoints to scopes; nil means catalog.Default().
	Catalog *catalog.Catalog
	// Concurrency bounds in-flight requests; zero means DefaultConcurrency.
	Concurrency int
	// Retry is the retry policy for probes; the zero value means defaults.
	Retry checkout.RetryPolicy
	// Mask is called with every secret-derived value (access tokens) as
	// soon as it exists, before it is used; nil means no masking.
	Mask func(string)
	// Debug receives one line per request (method, host, path, status,
	// request id, timing), never headers; nil means no debug output.
	Debug func(string)
	// Findings are checks made before the run (such as credentials left
	// empty on purpose); they are reported first, as given. Nil means none.
	Findings []report.Check
	// ToolVersion and UserAgent identify the tool in reports and requests.
	ToolVersion, UserAgent string
}

// CredentialInput is one credential as the user supplied it, before it is
// recognised. Either SecretKey or ClientID and ClientSecret are set; when
// both are, both are checked as separate credentials by the caller.
type CredentialInput struct {
	// Name identifies the credential in reports: "default" for inputs and
	// flags, or its name in the config file.
	Name string
	// SecretKey is the raw secret-key value (untrimmed).
	SecretKey string
	// ClientID and ClientSecret are the raw OAuth access key values.
	ClientID, ClientSecret string
	// Setting names where the secret came from, for messages: an input or
	// flag ("secret-key") or the environment variable(s) a config file
	// names ("CKO_PAYMENTS_SECRET_KEY"); empty means "secret-key".
	Setting string
	// Environment, Prefix, APIURL, AuthURL override the run's for this
	// credential; empty means the run's.
	Environment, Prefix, APIURL, AuthURL string
	// Endpoints are "METHOD /path" lines; Scopes are scope names declared
	// directly. Both may carry positions in a config or workflow file.
	Endpoints []config.Value
	Scopes    []config.Value
	// Position is where the credential was declared; nil when not in a file.
	Position *report.Position
}

func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.EgressGrace <= 0 {
		o.EgressGrace = DefaultEgressGrace
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Catalog == nil {
		o.Catalog = catalog.Default()
	}
	if o.Concurrency <= 0 {
		o.Concurrency = DefaultConcurrency
	}
	if o.HTTPClient == nil {
		o.HTTPClient = checkout.NewHTTPClient(checkout.ClientOptions{UserAgent: o.UserAgent})
	}
	if o.Mask == nil {
		o.Mask = func(string) {}
	}
	return o
}
