//go:build live

package live

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/credential"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/plan"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/redact"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/spec"
)

// userAgent tells the suite's requests apart in the account's logs.
const userAgent = "checkout-preflight-live-suite"

// suite is one test's connection to the sandbox: its HTTP client, its
// deadline, and the redactor every line it logs goes through.
type suite struct {
	t    *testing.T
	ctx  context.Context
	red  *redact.Redactor
	http *http.Client
}

// newSuite starts a test against the sandbox; secrets are redacted from
// everything it logs.
func newSuite(t *testing.T, secrets ...string) *suite {
	t.Helper()
	red := redact.New()
	for _, s := range secrets {
		red.Add(s)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	t.Cleanup(cancel)
	hc := checkout.NewHTTPClient(checkout.ClientOptions{Getenv: os.Getenv, UserAgent: userAgent})
	t.Cleanup(hc.CloseIdleConnections)
	return &suite{t: t, ctx: ctx, red: red, http: hc}
}

// sub is s for the subtest t.
func (s *suite) sub(t *testing.T) *suite {
	c := *s
	c.t = t
	return &c
}

func (s *suite) logf(format string, args ...any) {
	s.t.Helper()
	s.t.Log(s.red.String(fmt.Sprintf(format, args...)))
}

func (s *suite) errorf(format string, args ...any) {
	s.t.Helper()
	s.t.Error(s.red.String(fmt.Sprintf(format, args...)))
}

func (s *suite) fatalf(format string, args ...any) {
	s.t.Helper()
	s.t.Fatal(s.red.String(fmt.Sprintf(format, args...)))
}

// plan plans one sandbox credential as a run of the tool would.
func (s *suite) plan(c spec.Credential) plan.Credential {
	s.t.Helper()
	c.Environment = string(credential.Sandbox)
	p := plan.New(spec.Run{Credentials: []spec.Credential{c}}, nil)
	if p.Invalid || !p.Credentials[0].Usable {
		var msgs []string
		for _, f := range p.Findings {
			msgs = append(msgs, f.Message)
		}
		s.fatalf("credential %q cannot be planned: %q", c.Name, msgs)
	}
	pc := p.Credentials[0]
	s.logf("%s: %s %s", c.Name, pc.Cred.Kind.Label(), pc.Cred.Fingerprint())
	return pc
}

// urls are the sandbox's base URLs for c.
func (s *suite) urls(c plan.Credential) checkout.Endpoints {
	s.t.Helper()
	u, ok := c.URLs[credential.Sandbox]
	if !ok || u.API != "https://api.sandbox.checkout.com" {
		s.fatalf("credential %q is not planned against the sandbox: %+v", c.Name(), c.URLs)
	}
	return u
}

// endpoints parses "METHOD /path" lines as a config file's endpoints.
func endpoints(t *testing.T, lines ...string) []config.Endpoint {
	t.Helper()
	out := make([]config.Endpoint, 0, len(lines))
	for _, l := range lines {
		e, err := config.ParseEndpoint(config.Value{Text: l})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}

// representative are the endpoints every secret-key test probes: a read
// and the writes of payments, and one read of each of four other scope
// families.
func representative() []string {
	return []string{
		"GET /payments/{id}",
		"POST /payments",
		"POST /payments/{id}/refunds",
		"POST /payments/{id}/captures",
		"POST /payments/{id}/voids",
		"GET /disputes/{id}",
		"GET /instruments/{id}",
		"GET /workflows/{id}",
	}
}
