package spec

import (
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/egress"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// Run is a resolved, validated run. The zero value checks nothing.
type Run struct {
	// Credentials are checked concurrently, config file entries first,
	// then the credentials given as inputs or flags. Empty means none
	// (see Missing).
	Credentials []Credential
	// Allowlist holds the allowed egress addresses; empty means no
	// allowlist (the address is still discovered and reported).
	Allowlist egress.Allowlist
	// EchoURLs are the IP echo services; nil means the built-in list, and
	// an empty non-nil slice turns egress discovery off.
	EchoURLs []string
	// Timeout bounds the whole run; never zero in a Run from Resolve.
	Timeout time.Duration
	// FailOnWarning is fail-on: warning.
	FailOnWarning bool
	// SkipMissing is on-missing-credentials: skip.
	SkipMissing bool
	// Simulate runs against the embedded simulator.
	Simulate bool
	// ConfigPath is the config file's path as given; empty means none.
	ConfigPath string
	// Missing describes each credential whose secrets were empty, as on
	// pull requests from forks ("CKO_A is (credential "a" at f.yml:3:5)");
	// nil when none.
	Missing []string
	// Secrets lists every secret value read — inputs and the variables the
	// config file names, raw — for masking and redaction.
	Secrets []string
}

// Credential is one credential to check, with its settings resolved.
type Credential struct {
	// Name identifies it in reports: its config file name, or the input
	// that holds it ("secret-key", "client-id").
	Name string
	// Setting names where the secret came from, for remedies: an input or
	// flag ("secret-key") or the variable(s) a config file names
	// ("CKO_PAYMENTS_SECRET_KEY").
	Setting string
	// Position is where the credential was declared; nil when unknown.
	Position *report.Position
	// SecretKey is a secret key's raw value; ClientID and ClientSecret an
	// OAuth access key's; PublicKey a public key's. Exactly one kind is
	// set.
	SecretKey, ClientID, ClientSecret, PublicKey string
	// Group names the credentials declared together — one config entry, or
	// the inputs — whose environments must agree (a public key beside its
	// secret key).
	Group string
	// Environment is "auto", "sandbox" or "production".
	Environment string
	// Prefix is the merchant prefix in lower case; empty means none.
	Prefix string
	// APIURL and AuthURL are validated overrides; empty means none.
	APIURL, AuthURL string
	// Endpoints are the declared endpoints, each once, in order.
	Endpoints []config.Endpoint
	// Duplicates are the repeats dropped from Endpoints, for warnings.
	Duplicates []config.Duplicate
	// Scopes are the scope names declared directly, syntax-checked.
	Scopes []config.Value
	// Code is where the credential's calls are read from (the discover
	// setting); its zero value (On false) means discovery is off.
	Code config.CodePaths
}

// IsOAuth reports whether the credential is an OAuth access key.
func (c Credential) IsOAuth() bool {
	return c.SecretKey == "" && c.PublicKey == "" && (c.ClientID != "" || c.ClientSecret != "")
}

// IsPublicKey reports whether the credential is a public key.
func (c Credential) IsPublicKey() bool { return c.PublicKey != "" }
