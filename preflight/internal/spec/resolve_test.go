package spec

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

const (
	testKey    = "sk_sbox_m3ubmv6trmjy5dxv2fz6nkwq7ea"
	testClient = "ack_testfakeclientfullaccessab"
	testSecret = "tfcs-4b1e7e0b93a2c7d1e5f60a8b2c3d4e5f"
)

func parse(tb testing.TB, yml string) *config.File {
	tb.Helper()
	f, err := config.Parse("f.yml", []byte(yml))
	if err != nil {
		tb.Fatal(err)
	}
	return f
}

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestPrecedence(t *testing.T) {
	t.Parallel()
	file := parse(t, `version: 1
defaults:
  environment: production
  prefix: aaaa1111
  timeout: 20s
  fail-on: warning
  allowed-ips: 203.0.113.0/24
credentials:
  - name: inherits
    secret-key-env: K1
  - name: overrides
    secret-key-env: K2
    environment: sandbox
    prefix: bbbb2222
`)
	tests := []struct {
		name string
		in   Inputs
		want []string // environment and prefix of each credential, then timeout, fail-on
	}{
		{"file defaults apply", Inputs{}, []string{"inherits production aaaa1111", "overrides sandbox bbbb2222", "20s", "true"}},
		{"an input beats the file's defaults, not a credential entry", func() Inputs {
			in := Inputs{}
			in.Set(config.Environment, "auto", report.Position{})
			in.Set(config.Prefix, "cccc3333", report.Position{})
			in.Set(config.Timeout, "45", report.Position{})
			in.Set(config.FailOn, "error", report.Position{})
			return in
		}(), []string{"inherits auto cccc3333", "overrides sandbox bbbb2222", "45s", "false"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r, err := Resolve(tt.in, file, env(map[string]string{"K1": testKey, "K2": testKey}))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range r.Credentials {
				got = append(got, c.Name+" "+c.Environment+" "+c.Prefix)
			}
			got = append(got, r.Timeout.String(), map[bool]string{true: "true", false: "false"}[r.FailOnWarning])
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if diff := cmp.Diff([]string{"203.0.113.0/24"}, r.Allowlist.Strings()); diff != "" {
				t.Errorf("allowlist (-want +got):\n%s", diff)
			}
		})
	}
}

func TestInputCredentials(t *testing.T) {
	t.Parallel()
	in := Inputs{}
	in.Set(config.SecretKey, testKey+"\n", report.Position{File: "w.yml", Line: 9, Column: 11})
	in.Set(config.ClientID, testClient, report.Position{})
	in.Set(config.ClientSecret, testSecret, report.Position{})
	in[config.Endpoints] = []config.Value{{Text: "GET /payments/{id}"}, {Text: "get /payments/{id}"}}
	in[config.Scopes] = []config.Value{{Text: "gateway"}}
	r, err := Resolve(in, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Credentials) != 2 {
		t.Fatalf("got %d credentials", len(r.Credentials))
	}
	key, oauth := r.Credentials[0], r.Credentials[1]
	if key.Name != "secret-key" || oauth.Name != "client-id" || key.IsOAuth() || !oauth.IsOAuth() {
		t.Errorf("names %q %q", key.Name, oauth.Name)
	}
	if key.SecretKey != testKey+"\n" {
		t.Error("a secret input must be kept untrimmed, so the trimming can be reported")
	}
	if key.Position == nil || key.Position.Line != 9 || oauth.Position != nil {
		t.Errorf("positions %v %v", key.Position, oauth.Position)
	}
	if len(key.Endpoints) != 1 || len(key.Duplicates) != 1 || len(oauth.Scopes) != 1 {
		t.Errorf("endpoints %v duplicates %v scopes %v", key.Endpoints, key.Duplicates, oauth.Scopes)
	}
	if diff := cmp.Diff([]string{testKey + "\n", testClient, testSecret, ""}, r.Secrets); diff != "" {
		t.Errorf("secrets (-want +got):\n%s", diff)
	}
	if r.Timeout != 30*time.Second || r.EchoURLs != nil || r.Missing != nil {
		t.Errorf("defaults: %v %v %v", r.Timeout, r.EchoURLs, r.Missing)
	}
}

func TestMissing(t *testing.T) {
	t.Parallel()
	file := parse(t, "version: 1\ncredentials:\n  - name: a\n    client-id-env: ID\n    client-secret-env: SECRET\n")
	r, err := Resolve(Inputs{}, file, env(map[string]string{"ID": testClient}))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{`SECRET is (credential "a" at f.yml:3:5)`}, r.Missing); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	r, _ = Resolve(Inputs{}, nil, nil)
	if diff := cmp.Diff([]string{"secret-key, client-id and client-secret are"}, r.Missing); diff != "" {
		t.Errorf("no credential at all (-want +got):\n%s", diff)
	}
	file = parse(t, "version: 1\ncredentials:\n  - name: a\n    secret-key-env: A\n  - name: b\n    client-id-env: I\n    client-secret-env: S\n")
	r, _ = Resolve(Inputs{}, file, nil)
	if len(r.Missing) != 2 || !strings.HasPrefix(r.Missing[1], "I and S are") {
		t.Errorf("Missing = %q", r.Missing)
	}
}

func TestEchoURLsAndOverrides(t *testing.T) {
	t.Parallel()
	in := Inputs{}
	in[config.IPEchoURLs] = []config.Value{{Text: "https://user:hunter2hunter2@echo.example/ip"}, {Text: "ftp://x"}, {Text: "http://[::1"}}
	in.Set(config.APIURL, "http://proxy.example.com", report.Position{File: "w.yml", Line: 4, Column: 9})
	in.Set(config.AuthURL, "https://access.example/connect/token", report.Position{})
	in.Set(config.SecretKey, testKey, report.Position{})
	r, err := Resolve(in, nil, nil)
	if err == nil {
		t.Fatal("no error for bad URLs")
	}
	var msgs []string
	for _, e := range config.Errors(err) {
		msgs = append(msgs, e.Pos.String()+" "+e.Message)
	}
	joined := strings.Join(msgs, "\n")
	for _, want := range []string{`ip-echo-urls: "ftp://x" is not an http:// or https:// URL`, `w.yml:4:9 api-url "http://proxy.example.com"`, `"http://[::1"`} {
		if !strings.Contains(joined, want) {
			t.Errorf("errors %q lack %q", joined, want)
		}
	}
	if strings.Contains(joined, "hunter2") {
		t.Error("a URL password is quoted")
	}
	if diff := cmp.Diff([]string{"user", "hunter2hunter2", testKey, "", "", ""}, r.Secrets); diff != "" {
		t.Errorf("secrets (-want +got):\n%s", diff)
	}
	if r.Credentials[0].AuthURL != "https://access.example/connect/token" {
		t.Errorf("auth-url = %q", r.Credentials[0].AuthURL)
	}
	in = Inputs{config.IPEchoURLs: []config.Value{{Text: "https://a.example"}, {Text: "None"}}}
	if r, _ := Resolve(in, nil, nil); r.EchoURLs == nil || len(r.EchoURLs) != 0 {
		t.Errorf(`"none" gives %q, want discovery off`, r.EchoURLs)
	}
}

func TestErrorsAreJoinedOnePerProblem(t *testing.T) {
	t.Parallel()
	in := Inputs{}
	in.Set(config.Timeout, "soon", report.Position{})
	in.Set(config.Simulate, "maybe", report.Position{})
	in[config.AllowedIPs] = []config.Value{{Text: "example.com"}, {Text: "10.0.0.0/33"}}
	in[config.Endpoints] = []config.Value{{Text: "FETCH /x"}, {Text: "/y"}}
	in.Set(config.SecretKey, testKey, report.Position{})
	_, err := Resolve(in, nil, nil)
	j, ok := err.(interface{ Unwrap() []error })
	if !ok || len(j.Unwrap()) != 6 {
		t.Fatalf("want 6 joined errors, got %v", err)
	}
	if !errors.Is(err, err) {
		t.Fatal("unreachable")
	}
}

func TestInputsHelpers(t *testing.T) {
	t.Parallel()
	in := Inputs{}
	in.Set(config.Timeout, "   ", report.Position{})
	in.Set(config.SecretKey, " ", report.Position{})
	if in.Given(config.Timeout) || in.Given(config.SecretKey) || in.Text(config.Timeout) != "" {
		t.Errorf("blank values were recorded: %v", in)
	}
	in.Set(config.Timeout, " 45s ", report.Position{})
	if in.Text(config.Timeout) != "45s" {
		t.Errorf("Text = %q", in.Text(config.Timeout))
	}
}

func TestListLimits(t *testing.T) {
	t.Parallel()
	in := Inputs{}
	in.Set(config.SecretKey, testKey, report.Position{})
	var eps, ips, echo []config.Value
	for i := range MaxEndpoints + 1 {
		eps = append(eps, config.Value{Text: "GET /x" + strconv.Itoa(i)})
	}
	for range MaxAllowlist + 1 {
		ips = append(ips, config.Value{Text: "203.0.113.7"})
	}
	for range MaxEchoURLs + 1 {
		echo = append(echo, config.Value{Text: "https://echo.example"})
	}
	in[config.Endpoints], in[config.AllowedIPs], in[config.IPEchoURLs] = eps, ips, echo
	r, err := Resolve(in, nil, nil)
	for _, want := range []string{"501 endpoints are declared", "allowed-ips holds 1001 entries", "ip-echo-urls holds 17 URLs"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v lacks %q", err, want)
		}
	}
	if len(r.Credentials[0].Endpoints) != 0 || r.Allowlist != nil {
		t.Error("an over-long list was kept")
	}
}
