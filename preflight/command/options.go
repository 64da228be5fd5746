package command

import (
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/engine"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// runPlan is a checked set of settings, ready for the engine.
type runPlan struct {
	opts      engine.Options
	onMissing string   // "fail" or "skip"
	missing   []string // settings or variables that were empty, for the fork message
	secrets   []string // every secret value, to mask before any output
}

// plan turns settings into engine options. Errors are usage or
// configuration errors: the caller exits with ExitUsage. The plan is
// returned even then, so that the secrets it read can still be masked.
func (c *Command) plan(s settings) (*runPlan, error) {
	var errs []error
	timeout, err := parseTimeout(s.timeout)
	errs = append(errs, err)
	failOn, err := oneOf(inFailOn, s.failOn, "error", "error", "warning")
	errs = append(errs, err)
	onMissing, err := oneOf(inOnMissing, s.onMissing, "fail", "fail", "skip")
	errs = append(errs, err)
	env, err := oneOf(inEnvironment, s.environment, "", "auto", "sandbox", "production")
	errs = append(errs, err)
	p := &runPlan{onMissing: onMissing}
	p.opts = engine.Options{
		Environment: env, Prefix: s.prefix, APIURL: s.apiURL, AuthURL: s.authURL,
		AllowedIPs: s.allowedIPs, EchoURLs: s.echoURLs, Timeout: timeout,
		FailOnWarning: failOn == "warning",
		HostedRunner:  c.Getenv("RUNNER_ENVIRONMENT") == "github-hosted",
		Now:           c.Now, ToolVersion: c.version(), UserAgent: "checkout-preflight/" + c.version(),
	}
	if s.configPath != "" {
		// The file's timeout applies unless the input or flag was changed
		// from its default.
		errs = append(errs, c.addConfigFile(p, s.configPath, s.timeout == "" || s.timeout == defaultTimeout))
	}
	p.addInputCredentials(s, s.configPath != "")
	return p, errors.Join(errs...)
}

// addInputCredentials adds the credentials given as inputs or flags: a
// secret key, an OAuth access key, or both (each checked on its own).
// Without a config file, leaving them all empty is a missing credential.
func (p *runPlan) addInputCredentials(s settings, hasConfig bool) {
	hasKey := strings.TrimSpace(s.secretKey) != ""
	hasOAuth := strings.TrimSpace(s.clientID) != "" || strings.TrimSpace(s.clientSecret) != ""
	p.secrets = append(p.secrets, s.secretKey, s.clientID, s.clientSecret)
	base := engine.CredentialInput{Endpoints: s.endpoints, Scopes: s.scopes}
	keyAt := len(p.opts.Credentials)
	if hasKey {
		in := base
		in.Name, in.SecretKey, in.Setting, in.Position = "default", s.secretKey, inSecretKey, s.secretKeyPos
		p.opts.Credentials = append(p.opts.Credentials, in)
	}
	if hasOAuth {
		in := base
		in.Name, in.ClientID, in.ClientSecret, in.Setting, in.Position = "default", s.clientID, s.clientSecret, "client-id and client-secret", s.clientIDPos
		if hasKey {
			p.opts.Credentials[keyAt].Name, in.Name = "secret-key", "oauth"
		}
		p.opts.Credentials = append(p.opts.Credentials, in)
	}
	if !hasKey && !hasOAuth && !hasConfig {
		p.missing = append(p.missing, "secret-key, client-id and client-secret are")
	}
}

// addConfigFile loads the config file and adds its credentials, reading
// each secret from the environment variable the file names.
func (c *Command) addConfigFile(p *runPlan, path string, useTimeout bool) error {
	f, err := config.Load(path, c.ReadFile)
	if err != nil {
		return err
	}
	d := f.Defaults
	if p.opts.Environment == "" || p.opts.Environment == "auto" {
		p.opts.Environment = d.Environment.Text
	}
	if p.opts.Prefix == "" {
		p.opts.Prefix = d.Prefix.Text
	}
	p.opts.AllowedIPs = append(p.opts.AllowedIPs, d.AllowedIPs...)
	if t, ok := d.TimeoutDuration(); ok && useTimeout {
		p.opts.Timeout = t
	}
	for _, fc := range f.Credentials {
		in := engine.CredentialInput{
			Name: fc.Name.Text, Environment: fc.Environment.Text, Prefix: fc.Prefix.Text,
			Endpoints: fc.Endpoints, Scopes: fc.Scopes, Position: ptrPos(fc.Pos),
		}
		var empty []string
		for _, v := range fc.EnvNames() {
			val := c.Getenv(v.Text)
			p.secrets = append(p.secrets, val)
			if strings.TrimSpace(val) == "" {
				empty = append(empty, v.Text)
			}
		}
		if len(empty) > 0 {
			verb := "is"
			if len(empty) > 1 {
				verb = "are"
			}
			p.missing = append(p.missing, fmt.Sprintf("%s %s (credential %q at %s)", strings.Join(empty, " and "), verb, fc.Name.Text, fc.Pos))
			continue
		}
		if fc.IsOAuth() {
			in.ClientID, in.ClientSecret = c.Getenv(fc.ClientIDEnv.Text), c.Getenv(fc.ClientSecretEnv.Text)
			in.Setting = fc.ClientIDEnv.Text + " and " + fc.ClientSecretEnv.Text
		} else {
			in.SecretKey = c.Getenv(fc.SecretKeyEnv.Text)
			in.Setting = fc.SecretKeyEnv.Text
		}
		p.opts.Credentials = append(p.opts.Credentials, in)
	}
	return nil
}

func ptrPos(p report.Position) *report.Position {
	if p.IsZero() {
		return nil
	}
	return &p
}

// httpClient returns the client for every request: the injected one, or
// one built from the environment's proxy settings.
func (c *Command) httpClient() *http.Client {
	if c.HTTPClient != nil {
		return c.HTTPClient
	}
	return checkout.NewHTTPClient(checkout.ClientOptions{Getenv: c.Getenv, UserAgent: "checkout-preflight/" + c.version()})
}

// reportPath is where the JSON report goes in Actions: RUNNER_TEMP, named
// after the step so that two steps in a job do not overwrite each other.
func reportPath(getenv func(string) string) string {
	dir := getenv("RUNNER_TEMP")
	if dir == "" {
		return ""
	}
	step := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return '_'
	}, getenv("GITHUB_ACTION"))
	if step == "" {
		step = "report"
	}
	return filepath.Join(dir, "checkout-preflight-"+step+".json")
}
