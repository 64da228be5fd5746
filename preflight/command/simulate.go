package command

import (
	"context"
	"flag"
	"fmt"
	"maps"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/spec"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
	"github.com/checkout-preflight/checkout-preflight/preflight/simulator"
)

// demoConfig is the config file `simulate` runs: four services, one
// credential each, as a team would declare them.
const demoConfig = `version: 1
defaults:
  environment: sandbox
  allowed-ips: |
    203.0.113.0/24   # the office NAT range
credentials:
  - name: payments-service
    secret-key-env: CKO_PAYMENTS_SECRET_KEY
    endpoints: |
      POST /payments
      GET /payments/{id}
      POST /payments/{id}/captures
      POST /payments/{id}/refunds
  - name: refunds-worker
    secret-key-env: CKO_REFUNDS_SECRET_KEY
    endpoints: |
      GET /payments/{id}
      POST /payments/{id}/refunds
  - name: legacy-batch
    secret-key-env: CKO_LEGACY_SECRET_KEY
    endpoints: |
      POST /payments
  - name: disputes-bot
    client-id-env: CKO_DISPUTES_CLIENT_ID
    client-secret-env: CKO_DISPUTES_CLIENT_SECRET
    endpoints: |
      GET /disputes
      GET /disputes/{id}
      POST /disputes/{id}/accept
`

const demoConfigPath = "checkout-preflight.demo.yml"

const usageSimulate = `Usage: checkout-preflight simulate [--format text|json|markdown] [--print-config]

Starts the embedded Checkout.com simulator on loopback and runs a preflight
of four example services against it: one that passes, one whose key lacks
the refund scope, one whose key is revoked, and an OAuth client missing the
disputes view scope. Nothing leaves this machine.

The failures in the report are expected: the command exits 0 when the
simulated run behaved as designed and made no change in the simulated
account.

Flags:
  --format text|json|markdown   output format (default text)
  --print-config                print the config file the demo uses, and exit
`

// simulate runs the demo preflight against the embedded simulator. It
// exits 0 when the run behaved as designed (its failures are the demo's
// point), and says which exit code a real run would have given.
func (c *Command) simulate(ctx context.Context, args []string) int {
	fs := flag.NewFlagSet("simulate", flag.ContinueOnError)
	format := fs.String("format", "text", "")
	printConfig := fs.Bool("print-config", false, "")
	rest, code := c.parse(fs, usageSimulate, args)
	if code != proceed {
		return code
	}
	if len(rest) > 0 {
		return c.usageError("simulate", fmt.Sprintf("unexpected argument %s", quoteArg(rest[0])))
	}
	if *printConfig {
		fmt.Fprint(c.Stdout, demoConfig)
		return ExitOK
	}
	f, err := oneOf("format", *format, "text", "text", "json", "markdown")
	if err != nil {
		return c.usageError("simulate", err.Error())
	}
	got, effects := c.executeSimulated(ctx, spec.Inputs{}, &cliOutput{c: c, format: f}, false)
	if got == ExitUsage || effects > 0 {
		return ExitFailed
	}
	if f == "text" {
		fmt.Fprintf(c.Stdout, "\nThis was a simulation against the embedded Checkout.com simulator; its failures are expected.\n"+
			"A real run with these results would exit %d. No request changed the simulated account.\n", got)
	}
	return ExitOK
}

// executeSimulated runs in against a fresh embedded simulator on loopback:
// the API, token and echo URLs point at it, and its demo secrets are in the
// environment. Without credentials, the demo config is checked. It returns
// the exit code and how many requests would have changed the simulated
// account (which must be none; any makes the run fail).
func (c *Command) executeSimulated(ctx context.Context, given spec.Inputs, out output, debug bool) (int, int) {
	sim := simulator.NewServer(simulator.Options{Credentials: simulator.DemoCredentials(), Now: c.Now})
	defer sim.Close()
	demo := c.demoCommand(sim)
	in := maps.Clone(given)
	delete(in, config.Simulate)
	in.Set(config.APIURL, sim.URL(), report.Position{})
	in.Set(config.AuthURL, sim.TokenURL(), report.Position{})
	in[config.IPEchoURLs] = []config.Value{{Text: sim.EchoURL()}, {Text: sim.EchoJSONURL()}}
	if !in.Given(config.ConfigPath) && !in.Given(config.SecretKey) && !in.Given(config.ClientID) && !in.Given(config.ClientSecret) {
		in.Set(config.ConfigPath, demoConfigPath, report.Position{})
	}
	code := demo.execute(ctx, in, out, debug)
	effects := len(sim.SideEffects())
	if effects > 0 {
		fmt.Fprintf(c.Stderr, "checkout-preflight: %d probe(s) would have changed the simulated account; this is a bug, please report it\n", effects)
		code = max(code, ExitFailed)
	}
	return code, effects
}

// demoCommand is c with the demo's config file and secrets added to the
// file system and environment, and every request sent to sim.
func (c *Command) demoCommand(sim *simulator.Server) *Command {
	secrets := map[string]string{}
	for _, cred := range simulator.DemoCredentials() {
		switch cred.Name {
		case simulator.DemoFullAccess:
			secrets["CKO_PAYMENTS_SECRET_KEY"] = cred.SecretKey
		case simulator.DemoNoRefunds:
			secrets["CKO_REFUNDS_SECRET_KEY"] = cred.SecretKey
		case simulator.DemoRevoked:
			secrets["CKO_LEGACY_SECRET_KEY"] = cred.SecretKey
		case simulator.DemoOAuthNoView:
			secrets["CKO_DISPUTES_CLIENT_ID"], secrets["CKO_DISPUTES_CLIENT_SECRET"] = cred.ClientID, cred.ClientSecret
		}
	}
	demo := *c
	demo.Getenv = func(k string) string {
		if v, ok := secrets[k]; ok {
			return v
		}
		return c.Getenv(k)
	}
	demo.ReadFile = func(dir, name string) ([]byte, error) {
		if name == demoConfigPath {
			return []byte(demoConfig), nil
		}
		return c.ReadFile(dir, name)
	}
	demo.HTTPClient = sim.Client()
	return &demo
}
