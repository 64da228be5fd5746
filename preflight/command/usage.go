package command

const usageMain = `checkout-preflight checks Checkout.com credentials before they reach production.

Usage:
  checkout-preflight [run] [flags]          check credentials, scopes and egress address
  checkout-preflight scopes [flags] "METHOD /path"...
                                            show which OAuth scopes grant each endpoint
  checkout-preflight catalog [flags]        list every endpoint the tool knows
  checkout-preflight discover [flags] [PATH...]
                                            find the Checkout.com calls in source code
  checkout-preflight simulate [flags]       run a preflight against the embedded simulator
  checkout-preflight version                print the version

In GitHub Actions (GITHUB_ACTIONS=true) with no arguments, the action's
inputs are read instead of flags.

Exit codes: 0 passed, 1 checks failed, 2 usage or configuration error,
3 inconclusive (a check could not be completed).

Run 'checkout-preflight COMMAND --help' for a command's flags.
`

const usageScopes = `Usage: checkout-preflight scopes [--format text|json] "METHOD /path"...

Prints, for each endpoint, the catalog template it matches and the OAuth
scopes that grant it (any one suffices; the most specific is the one to add).
Paths may be templates (/payments/{id}) or concrete (/payments/pay_abc).

Exit codes: 0 all matched, 2 any endpoint unknown (suggestions on stderr).

Flags:
  --format text|json   output format (default text)
`

const usageCatalog = `Usage: checkout-preflight catalog [--format text|json]

Lists every endpoint in the catalog generated from Checkout.com's API
reference, with its scopes and the side-effect-free probe used to test it.

Flags:
  --format text|json   output format (default text)
`

const usageRun = `Usage: checkout-preflight [run] [flags]

Checks that each credential is active, holds the scopes its endpoints need,
and that this machine's egress address is on the allowlist. Secrets are best
passed in the environment (CKO_SECRET_KEY, CKO_CLIENT_ID, CKO_CLIENT_SECRET)
rather than as flags, which other users of the machine can see.

Flags (each is also an action input of the same name):
  --secret-key KEY            secret key (default $CKO_SECRET_KEY)
  --client-id ID              OAuth access key id, ack_… (default $CKO_CLIENT_ID)
  --client-secret SECRET      OAuth access key secret (default $CKO_CLIENT_SECRET)
  --environment ENV           auto (from the key), sandbox or production (default auto)
  --endpoints LIST            "METHOD /path" lines the service calls; repeatable,
                              newline- or comma-separated
  --scopes LIST               scopes the credential must hold, besides the endpoints'
  --allowed-ips LIST          allowed egress addresses or CIDR prefixes; # comments allowed
  --config FILE               YAML config with several credentials (see README)
  --prefix PREFIX             merchant-specific API prefix ([a-z0-9]+)
  --api-url URL               override the API base URL (https, or http to loopback)
  --auth-url URL              override the OAuth token URL
  --ip-echo-urls LIST         IP echo services ("none" turns discovery off)
  --timeout DURATION          deadline for the whole run (default 30s)
  --fail-on error|warning     also fail on warnings (default error)
  --on-missing-credentials fail|skip
                              what to do when no credential is set (default fail)
  --format text|json|markdown output format (default text)
  --report FILE               also write the JSON report to FILE
  --debug                     log each request (method, host, path, status, timing)
  --simulate                  check against the embedded Checkout.com simulator; without
                              credentials, its four example services (see simulate)

Exit codes: 0 passed, 1 checks failed, 2 usage or configuration error,
3 inconclusive (a check could not be completed).
`
