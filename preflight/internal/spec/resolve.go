package spec

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/egress"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// Resolve merges the inputs and the config file (nil when there is none)
// into a Run. getenv reads the variables the file names (nil: none is
// set). Every problem found is reported: the error joins one
// *config.Error or *egress.EntryError per problem (see config.Errors). The
// Run is returned even then, so that the secrets it read can be masked.
func Resolve(in Inputs, file *config.File, getenv func(string) string) (Run, error) {
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	var d config.Defaults
	if file != nil {
		d = file.Defaults
	}
	p := &resolver{in: in, defaults: d}
	r := Run{ConfigPath: in.Text(config.ConfigPath)}
	r.Timeout = p.timeout()
	r.FailOnWarning = p.choice(config.FailOn, d.FailOn, config.FailOnChoices()) == "warning"
	r.SkipMissing = p.choice(config.OnMissing, d.OnMissing, config.OnMissingChoices()) == "skip"
	simulate, err := config.ParseBool(config.Simulate, in.value(config.Simulate))
	p.add(err)
	r.Simulate = simulate
	r.Allowlist = p.allowlist(append(append([]config.Value{}, in[config.AllowedIPs]...), d.AllowedIPs...))
	r.EchoURLs, r.Secrets = p.echoURLs()
	base := p.base()
	if file != nil {
		for _, fc := range file.Credentials {
			p.fileCredential(&r, fc, base, getenv)
		}
	}
	p.inputCredentials(&r, base, file != nil)
	return r, errors.Join(p.errs...)
}

// The most values a list setting may hold: far above any real use, low
// enough that a pasted file cannot make a run slow or its report huge.
const (
	MaxEndpoints = 500
	MaxScopes    = 100
	MaxAllowlist = 1000
	MaxEchoURLs  = 16
)

// resolver collects the errors of one Resolve.
type resolver struct {
	in       Inputs
	defaults config.Defaults
	errs     []error
	// codeChecked is true once the discover input's errors are recorded.
	codeChecked bool
}

func (p *resolver) add(err error) {
	if err != nil {
		p.errs = append(p.errs, err)
	}
}

// pick returns the value of a setting that an input, the file's defaults
// or the built-in default may give, in that order of precedence.
func (p *resolver) pick(name string, fromFile config.Value) config.Value {
	switch {
	case p.in.Given(name):
		return p.in.value(name)
	case fromFile.Text != "":
		return fromFile
	}
	s, _ := config.LookupSetting(name)
	return config.Value{Text: s.Default}
}

func (p *resolver) timeout() time.Duration {
	d, err := config.ParseDuration(config.Timeout, p.pick(config.Timeout, p.defaults.Timeout))
	p.add(err)
	if d == 0 {
		d, _ = config.ParseDuration(config.Timeout, config.Value{Text: defaultOf(config.Timeout)})
	}
	return d
}

func (p *resolver) choice(name string, fromFile config.Value, choices []string) string {
	c, err := config.ParseChoice(name, p.pick(name, fromFile), choices...)
	p.add(err)
	if c == "" {
		c = choices[0]
	}
	return c
}

// settings are the values a credential inherits unless its config file
// entry overrides them.
type settings struct {
	environment, prefix, apiURL, authURL string
}

// base resolves the settings credentials inherit.
func (p *resolver) base() settings {
	var s settings
	s.environment = p.environment(p.pick(config.Environment, p.defaults.Environment))
	s.prefix = p.prefix(p.pick(config.Prefix, p.defaults.Prefix))
	s.apiURL = p.override(config.APIURL)
	s.authURL = p.override(config.AuthURL)
	return s
}

func (p *resolver) environment(v config.Value) string {
	env, err := config.ParseEnvironment(v)
	p.add(err)
	if env == "" {
		return "auto"
	}
	return env
}

func (p *resolver) prefix(v config.Value) string {
	prefix, err := config.ParsePrefix(v)
	p.add(err)
	return prefix
}

// override validates an api-url or auth-url input.
func (p *resolver) override(name string) string {
	v := p.in.value(name)
	if v.Text == "" {
		return ""
	}
	u, err := checkout.CheckOverride(name, v.Text)
	if err != nil {
		p.add(&config.Error{Pos: v.Pos, Message: err.Error(), Err: err})
		return ""
	}
	return u
}

func (p *resolver) allowlist(values []config.Value) egress.Allowlist {
	if len(values) > MaxAllowlist {
		p.add(&config.Error{Pos: values[0].Pos, Message: fmt.Sprintf(
			"allowed-ips holds %d entries, more than %d; use CIDR prefixes to cover ranges", len(values), MaxAllowlist)})
		return nil
	}
	list, err := egress.ParseEntries(values)
	p.addJoined(err)
	return list
}

// addJoined records each error joined in err.
func (p *resolver) addJoined(err error) {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		p.errs = append(p.errs, j.Unwrap()...)
		return
	}
	p.add(err)
}

// echoURLs reads ip-echo-urls: not given means the built-in list (nil),
// "none" turns discovery off. It also returns the user information of the
// URLs, which is secret.
func (p *resolver) echoURLs() (urls []string, secrets []string) {
	values := p.in[config.IPEchoURLs]
	if len(values) == 0 {
		return nil, nil
	}
	if len(values) > MaxEchoURLs {
		p.add(&config.Error{Pos: values[0].Pos, Message: fmt.Sprintf("ip-echo-urls holds %d URLs, more than %d; a few independent services are enough", len(values), MaxEchoURLs)})
		return []string{}, nil
	}
	urls = []string{}
	for _, v := range values {
		if strings.EqualFold(v.Text, "none") {
			return []string{}, secrets
		}
		u, err := url.Parse(v.Text)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			p.add(&config.Error{Pos: v.Pos, Message: fmt.Sprintf(`ip-echo-urls: %s is not an http:// or https:// URL; write one like "https://api.ipify.org", or "none" to turn discovery off`, redactedURL(v.Text))})
			continue
		}
		if u.User != nil {
			secrets = append(secrets, u.User.Username())
			if pw, ok := u.User.Password(); ok {
				secrets = append(secrets, pw)
			}
		}
		urls = append(urls, v.Text)
	}
	return urls, secrets
}

// redactedURL shows a URL the user wrote without its password (and not
// at all when it looks like a credential).
func redactedURL(raw string) string {
	if u, err := url.Parse(raw); err == nil {
		return config.Quote(u.Redacted())
	}
	if at := strings.LastIndex(raw, "@"); at >= 0 {
		return config.Quote("…@" + raw[at+1:])
	}
	return config.Quote(raw)
}

// credential builds a Credential's common settings: its endpoints and
// scopes, and the environment and prefix that override the base ones.
func (p *resolver) credential(c *Credential, base settings, env, prefix config.Value, endpoints, scopes []config.Value) {
	c.Environment, c.Prefix, c.APIURL, c.AuthURL = base.environment, base.prefix, base.apiURL, base.authURL
	if env.Text != "" {
		c.Environment = p.environment(env)
	}
	if prefix.Text != "" {
		c.Prefix = p.prefix(prefix)
	}
	eps, dups, err := config.ParseEndpoints(endpoints)
	p.addJoined(err)
	c.Endpoints, c.Duplicates = eps, dups
	if len(eps) > MaxEndpoints {
		p.add(&config.Error{Pos: eps[0].Pos, Message: fmt.Sprintf(
			"%d endpoints are declared for credential %q, more than the %d a credential may declare (the catalog has a few hundred); check that the right list was pasted",
			len(eps), c.Name, MaxEndpoints)})
		c.Endpoints = nil
	}
	sc, err := config.ParseScopes(scopes)
	p.addJoined(err)
	c.Scopes = sc
	if len(sc) > MaxScopes {
		p.add(&config.Error{Pos: sc[0].Pos, Message: fmt.Sprintf(
			"%d scopes are declared for credential %q, more than the %d a credential may declare; check that the right list was pasted", len(sc), c.Name, MaxScopes)})
		c.Scopes = nil
	}
}

// fileCredential adds a config file credential, reading each secret from
// the variable the file names; a credential whose variables are empty is
// recorded in Missing instead.
func (p *resolver) fileCredential(r *Run, fc config.Credential, base settings, getenv func(string) string) {
	var empty []string
	for _, v := range fc.EnvNames() {
		val := getenv(v.Text)
		r.Secrets = append(r.Secrets, val)
		if strings.TrimSpace(val) == "" {
			empty = append(empty, v.Text)
		}
	}
	if len(empty) > 0 {
		verb := "is"
		if len(empty) > 1 {
			verb = "are"
		}
		r.Missing = append(r.Missing, fmt.Sprintf("%s %s (credential %q at %s)", strings.Join(empty, " and "), verb, fc.Name.Text, fc.Pos))
		return
	}
	c := Credential{Name: fc.Name.Text, Position: positionOf(fc.Pos), Group: "file:" + fc.Name.Text}
	switch {
	case fc.IsOAuth():
		c.ClientID, c.ClientSecret = getenv(fc.ClientIDEnv.Text), getenv(fc.ClientSecretEnv.Text)
		c.Setting = fc.ClientIDEnv.Text + " and " + fc.ClientSecretEnv.Text
	case fc.SecretKeyEnv.Text != "":
		c.SecretKey = getenv(fc.SecretKeyEnv.Text)
		c.Setting = fc.SecretKeyEnv.Text
	}
	if c.Setting != "" {
		p.credential(&c, base, fc.Environment, fc.Prefix, fc.Endpoints, fc.Scopes)
		c.Code = p.code(fc.Discover)
		r.Credentials = append(r.Credentials, c)
	}
	if fc.PublicKeyEnv.Text != "" {
		pk := Credential{Name: fc.Name.Text, Position: positionOf(fc.PublicKeyEnv.Pos), Group: c.Group,
			PublicKey: getenv(fc.PublicKeyEnv.Text), Setting: fc.PublicKeyEnv.Text}
		if c.Setting != "" {
			pk.Name += "/public-key"
		}
		p.credential(&pk, base, fc.Environment, fc.Prefix, nil, nil)
		r.Credentials = append(r.Credentials, pk)
	}
}

// inputCredentials adds the credentials given as inputs or flags: a
// secret key, an OAuth access key, or both (each checked on its own).
// Without a config file, leaving them all empty is a missing credential.
func (p *resolver) inputCredentials(r *Run, base settings, hasFile bool) {
	key, id, secret, public := p.in.value(config.SecretKey), p.in.value(config.ClientID), p.in.value(config.ClientSecret), p.in.value(config.PublicKey)
	r.Secrets = append(r.Secrets, key.Text, id.Text, secret.Text, public.Text)
	hasKey := strings.TrimSpace(key.Text) != ""
	hasOAuth := strings.TrimSpace(id.Text) != "" || strings.TrimSpace(secret.Text) != ""
	hasPublic := strings.TrimSpace(public.Text) != ""
	if !hasKey && !hasOAuth && !hasPublic {
		if !hasFile {
			r.Missing = append(r.Missing, "secret-key, client-id and client-secret are")
		}
		return
	}
	// A credential given as inputs is named by its input, so that every
	// message names what the user set.
	name := func(input string) string { return input }
	endpoints, scopes := p.in[config.Endpoints], p.in[config.Scopes]
	if hasKey {
		c := Credential{Name: name(config.SecretKey), SecretKey: key.Text, Setting: config.SecretKey, Position: positionOf(key.Pos), Group: "inputs"}
		p.credential(&c, base, config.Value{}, config.Value{}, endpoints, scopes)
		c.Code = p.code(nil)
		r.Credentials = append(r.Credentials, c)
	}
	if hasOAuth {
		c := Credential{Name: name(config.ClientID), ClientID: id.Text, ClientSecret: secret.Text, Setting: "client-id and client-secret", Position: positionOf(id.Pos), Group: "inputs"}
		p.credential(&c, base, config.Value{}, config.Value{}, endpoints, scopes)
		c.Code = p.code(nil)
		r.Credentials = append(r.Credentials, c)
	}
	if hasPublic {
		c := Credential{Name: name(config.PublicKey), PublicKey: public.Text, Setting: config.PublicKey, Position: positionOf(public.Pos), Group: "inputs"}
		p.credential(&c, base, config.Value{}, config.Value{}, nil, nil)
		r.Credentials = append(r.Credentials, c)
	}
}

// code resolves where a credential's calls are read from: its config file
// entry's discover list (entry; nil when the entry has none), else the
// discover input, else the file's defaults. A list from the file was
// checked when the file was parsed; the input's errors are recorded by
// the first credential that reads it.
func (p *resolver) code(entry []config.Value) config.CodePaths {
	switch {
	case entry != nil:
		d, _ := config.ParseDiscover(entry)
		return d
	case p.in.Given(config.Discover):
		d, err := config.ParseDiscover(p.in[config.Discover])
		if !p.codeChecked {
			p.codeChecked = true
			p.addJoined(err)
		}
		return d
	}
	d, _ := config.ParseDiscover(p.defaults.Discover)
	return d
}

func positionOf(p report.Position) *report.Position {
	if p.IsZero() {
		return nil
	}
	return &p
}

func defaultOf(name string) string {
	s, _ := config.LookupSetting(name)
	return s.Default
}
