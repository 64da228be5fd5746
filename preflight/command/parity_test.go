package command

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/sethvargo/go-githubactions"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/plan"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/spec"
)

// parityCase is one value of one setting, given through each source.
type parityCase struct {
	setting string
	value   string
}

// parityValues lists the values tried for each setting: good and bad
// spellings, empty and padded ones.
func parityValues() map[string][]string {
	return map[string][]string{
		config.Environment: {"auto", "sandbox", "Sandbox", "SANDBOX", "production", "prod", "", "  sandbox  "},
		config.Prefix:      {"1a2b3c4d", "1A2B3C4D", "https://1a2b3c4d.api.checkout.com", "my_prefix", "", " abc "},
		config.Timeout:     {"45", "45s", "1h", "2m", "601", "0", "soon", "", "  30s  "},
		config.FailOn:      {"error", "warning", "Warning", "warn", ""},
		config.OnMissing:   {"fail", "skip", "SKIP", "maybe", ""},
		config.AllowedIPs:  {"203.0.113.0/24", "203.0.113.7, 2001:db8::/32", "example.com", ""},
		config.Endpoints:   {"POST /payments", "post /payments/", "GET /payments, GET /disputes", "FETCH /payments", "/payments", ""},
		config.Scopes:      {"gateway:payment", "gateway, vault", "Gateway:Payment", "disputes view", ""},
		config.Discover:    {".", "./src/, !src/legacy/", "/etc", "../x", "src/[a", ""},
		config.APIURL:      {"https://proxy.example.com", "http://127.0.0.1:8080", "http://proxy.example.com", "https://u:p@x.example", ""},
		config.AuthURL:     {"https://proxy.example.com/connect/token", "ftp://x", ""},
		config.IPEchoURLs:  {"https://echo.example", "none", "NONE", "echo.example", ""},
		config.Simulate:    {"false", "FALSE", "yes", ""},
	}
}

// resolved is what a test compares of a resolved run: the setting's
// normalised value, or the error's messages.
func resolved(name string, run spec.Run, err error) string {
	if err != nil {
		var msgs []string
		for _, c := range plan.Invalid(err).Findings {
			msgs = append(msgs, c.Message)
		}
		return "error: " + strings.Join(msgs, "; ")
	}
	var c spec.Credential
	if len(run.Credentials) > 0 {
		c = run.Credentials[0]
	}
	switch name {
	case config.Environment:
		return c.Environment
	case config.Prefix:
		return c.Prefix
	case config.Timeout:
		return run.Timeout.String()
	case config.FailOn:
		return strconv.FormatBool(run.FailOnWarning)
	case config.OnMissing:
		return strconv.FormatBool(run.SkipMissing)
	case config.AllowedIPs:
		return fmt.Sprint(run.Allowlist.Strings())
	case config.Endpoints:
		var out []string
		for _, e := range c.Endpoints {
			out = append(out, e.String())
		}
		return fmt.Sprint(out)
	case config.Scopes:
		var out []string
		for _, s := range c.Scopes {
			out = append(out, s.Text)
		}
		return fmt.Sprint(out)
	case config.Discover:
		return fmt.Sprintf("%v %q %q", c.Code.On, c.Code.Paths, c.Code.Exclude)
	case config.APIURL:
		return c.APIURL
	case config.AuthURL:
		return c.AuthURL
	case config.IPEchoURLs:
		return fmt.Sprintf("%q", run.EchoURLs)
	case config.Simulate:
		return strconv.FormatBool(run.Simulate)
	}
	panic("no accessor for " + name)
}

// The secret every source's credential uses.
const paritySecret = keyFull

func parityEnv(k string) string {
	if k == "CKO_PARITY_KEY" {
		return paritySecret
	}
	return ""
}

// viaFlag resolves --setting value, beside --secret-key.
func viaFlag(t *testing.T, tc parityCase) string {
	c := &Command{Getenv: parityEnv}
	c.defaults()
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	in := c.settingFlags(fs)
	if err := fs.Parse([]string{"--secret-key", paritySecret, "--" + tc.setting + "=" + tc.value}); err != nil {
		t.Fatal(err)
	}
	run, err := spec.Resolve(in, nil, parityEnv)
	return resolved(tc.setting, run, err)
}

// viaInput resolves the action input, as the runner passes it.
func viaInput(t *testing.T, tc parityCase) string {
	env := map[string]string{"INPUT_SECRET-KEY": paritySecret, "INPUT_" + strings.ToUpper(tc.setting): tc.value}
	getenv := func(k string) string { return env[k] }
	c := &Command{Getenv: getenv}
	c.defaults()
	a := githubactions.New(githubactions.WithWriter(io.Discard), githubactions.WithGetenv(getenv))
	r := &actionInputsReader{c: c, a: a}
	run, err := spec.Resolve(r.inputs(), nil, getenv)
	return resolved(tc.setting, run, err)
}

// viaFile resolves a config file that writes the setting where the file
// accepts it: in the credential entry, else under defaults. It reports
// false when the file accepts it nowhere.
func viaFile(t *testing.T, tc parityCase) (string, bool) {
	s, _ := config.LookupSetting(tc.setting)
	if !s.InCredential && !s.InDefaults {
		return "", false
	}
	line := fmt.Sprintf("%s: %s\n", tc.setting, strconv.Quote(tc.value))
	var defaults, cred string
	if s.InCredential {
		cred = "    " + line
	} else {
		defaults = "defaults:\n  " + line
	}
	yml := "version: 1\n" + defaults + "credentials:\n  - name: svc\n    secret-key-env: CKO_PARITY_KEY\n" + cred
	file, err := config.Parse("f.yml", []byte(yml))
	if err != nil {
		return resolved(tc.setting, spec.Run{}, err), true
	}
	run, err := spec.Resolve(spec.Inputs{}, file, parityEnv)
	return resolved(tc.setting, run, err), true
}

// TestSettingParity drives every value of every setting through a flag,
// an action input and the config file, and asserts that each source
// accepts or refuses it identically, with the same normalised value or
// the same messages.
func TestSettingParity(t *testing.T) {
	t.Parallel()
	values := parityValues()
	for _, s := range config.Settings() {
		if s.Secret || s.Name == config.ConfigPath {
			continue // a secret or a path has no value to normalise
		}
		if _, ok := values[s.Name]; !ok {
			t.Errorf("setting %q has no parity values", s.Name)
		}
	}
	for name, vs := range values {
		for _, v := range vs {
			tc := parityCase{name, v}
			t.Run(name+"="+v, func(t *testing.T) {
				t.Parallel()
				flagged, input := viaFlag(t, tc), viaInput(t, tc)
				if diff := cmp.Diff(flagged, input); diff != "" {
					t.Errorf("flag (-) and input (+) differ:\n%s", diff)
				}
				if file, ok := viaFile(t, tc); ok {
					if diff := cmp.Diff(flagged, stripPositions(file)); diff != "" {
						t.Errorf("flag (-) and config file (+) differ:\n%s", diff)
					}
				}
			})
		}
	}
}

// TestSettingParityNormalises pins the normalised values the issue names.
func TestSettingParityNormalises(t *testing.T) {
	t.Parallel()
	tests := []struct {
		setting, value, want string
	}{
		{config.Timeout, "45", "45s"},
		{config.Timeout, "45s", "45s"},
		{config.Timeout, "", "30s"},
		{config.Timeout, "  30s  ", "30s"},
		{config.Timeout, "1h", `error: timeout "1h" is outside 1s to 10m; write it like "30s" or "2m"`},
		{config.Environment, "Sandbox", "sandbox"},
		{config.Environment, "SANDBOX", "sandbox"},
		{config.Environment, "", "auto"},
		{config.Prefix, "1A2B3C4D", "1a2b3c4d"},
		{config.FailOn, "Warning", "true"},
		{config.IPEchoURLs, "NONE", "[]"},
	}
	for _, tt := range tests {
		if got := viaFlag(t, parityCase{tt.setting, tt.value}); got != tt.want {
			t.Errorf("%s=%q resolved to %q, want %q", tt.setting, tt.value, got, tt.want)
		}
	}
}

// stripPositions removes nothing: every message names its setting and
// carries its position apart (report.Check.Position), so the texts match.
func stripPositions(s string) string { return s }
