package schema

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/spec"
)

// parserOnly lists the invalid-config golden cases of package config
// (preflight/internal/config/testdata/errors) that the schema accepts, or
// cannot even see, with the reason: what the parser checks there is beyond
// what a JSON Schema can express. Every other golden case must be rejected
// by the schema, and every case listed here must not be, so the list stays
// exact.
func parserOnly() map[string]string {
	return map[string]string{
		"aliases":       "aliases and merge keys are resolved by YAML before a schema sees the data; the tool refuses them so that every value has one position",
		"repeated-keys": "a repeated key never reaches a schema: YAML refuses it, or keeps one of the values",
		"yaml-syntax":   "not YAML, so there is no data to validate",
	}
}

// TestConfigSchemaRejectsInvalidGoldens runs the schema over every
// invalid-config golden case of the parser.
func TestConfigSchemaRejectsInvalidGoldens(t *testing.T) {
	t.Parallel()
	inputs, err := filepath.Glob(filepath.Join(repoRoot, "preflight", "internal", "config", "testdata", "errors", "*.yml"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no golden cases found: %v", err)
	}
	s := configSchema(t)
	listed := parserOnly()
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".yml")
		reason, isListed := listed[name]
		delete(listed, name)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			data := readRepoFile(t, "preflight/internal/config/testdata/errors/"+filepath.Base(in))
			if _, err := config.Parse(name+".yml", data); err == nil {
				t.Fatalf("the parser accepts %s, which is an invalid golden case", in)
			}
			v, err := yamlData(data)
			if err != nil {
				if !isListed {
					t.Errorf("YAML cannot read %s (%v), so no schema sees it; list it in parserOnly", name, err)
				}
				return
			}
			err = s.Validate(v)
			switch {
			case err == nil && !isListed:
				t.Errorf("the schema accepts %s; make the schema reject it, or list it in parserOnly with the reason the schema cannot", name)
			case err != nil && isListed:
				t.Errorf("the schema rejects %s, which parserOnly lists (%q); remove it from the list:\n%v", name, reason, err)
			}
		})
	}
	for name := range listed {
		t.Errorf("parserOnly lists %q, which is no golden case; remove it", name)
	}
}

// TestConfigSchemaRules checks each rule of the schema on its own, beside
// the tool: every config here is refused by the parser (or, for allowlist
// entries, which the parser leaves to package egress, by egress), and by
// the schema unless parserOnly says why not. Configs start from a valid
// one and change one thing.
func TestConfigSchemaRules(t *testing.T) {
	t.Parallel()
	const head = "version: 1\ncredentials:\n  - name: svc\n"
	const key = "    secret-key-env: CKO_SECRET_KEY\n"
	tests := []struct {
		name   string
		config string
		// parserOnly is why the schema cannot refuse it; empty means it must.
		parserOnly string
	}{
		{name: "version 2", config: "version: 2\ncredentials:\n  - name: svc\n" + key},
		{name: "version 1.1", config: "version: 1.1\ncredentials:\n  - name: svc\n" + key},
		{name: "no version", config: "credentials:\n  - name: svc\n" + key},
		{name: "an unknown top-level key", config: head + key + "extra: 1\n"},
		{name: "defaults is a list", config: "version: 1\ndefaults: [a]\n" + head[len("version: 1\n"):] + key},
		{name: "credentials is empty", config: "version: 1\ncredentials: []\n"},
		{name: "a credential is a string", config: "version: 1\ncredentials:\n  - svc\n"},
		{name: "no name", config: "version: 1\ncredentials:\n  - secret-key-env: CKO_SECRET_KEY\n"},
		{name: "a name with a space", config: "version: 1\ncredentials:\n  - name: my svc\n" + key},
		{name: "a name starting with a dash", config: "version: 1\ncredentials:\n  - name: -svc\n" + key},
		{name: "a name of 65 characters", config: "version: 1\ncredentials:\n  - name: " + strings.Repeat("a", 65) + "\n" + key},
		{name: "two credentials with one name", config: head + key + "  - name: svc\n    secret-key-env: CKO_OTHER\n",
			parserOnly: "uniqueness of a member across array items is not expressible (uniqueItems compares whole items)"},
		{name: "no key variable", config: head + "    endpoints: [GET /disputes]\n"},
		{name: "a secret key and an OAuth client", config: head + key + "    client-id-env: CKO_ID\n    client-secret-env: CKO_SECRET\n"},
		{name: "an OAuth id without its secret", config: head + "    client-id-env: CKO_ID\n"},
		{name: "an OAuth secret without its id", config: head + "    client-secret-env: CKO_SECRET\n"},
		{name: "an empty variable name", config: head + "    secret-key-env: \"\"\n"},
		{name: "a variable name with a dash", config: head + "    secret-key-env: CKO-KEY\n"},
		{name: "a variable name starting with a digit", config: head + "    secret-key-env: 1KEY\n"},
		{name: "an expression instead of a name", config: head + "    secret-key-env: ${{ secrets.KEY }}\n"},
		{name: "a secret key instead of a name", config: head + "    secret-key-env: sk_sbox_abcdefghijklmnopqrstuvwxyz2\n"},
		{name: "a random secret instead of a name", config: head + "    client-id-env: CKO_ID\n    client-secret-env: Xk29fPqLm3Rt7Yw8Zn4Bv\n"},
		{name: "an unknown environment", config: head + key + "    environment: live\n"},
		{name: "a prefix that is a URL", config: head + key + "    prefix: https://1a2b3c4d.api.checkout.com\n"},
		{name: "a timeout of zero", config: "version: 1\ndefaults:\n  timeout: 0s\n" + head[len("version: 1\n"):] + key,
			parserOnly: "the range 1s to 10m is the tool's; a schema pattern cannot compare durations"},
		{name: "a timeout of an hour", config: "version: 1\ndefaults:\n  timeout: 1h\n" + head[len("version: 1\n"):] + key,
			parserOnly: "the range 1s to 10m is the tool's; a schema pattern cannot compare durations"},
		{name: "an unknown fail-on", config: "version: 1\ndefaults:\n  fail-on: warn\n" + head[len("version: 1\n"):] + key},
		{name: "a negative timeout", config: "version: 1\ndefaults:\n  timeout: -5s\n" + head[len("version: 1\n"):] + key},
		{name: "a timeout in words", config: "version: 1\ndefaults:\n  timeout: soon\n" + head[len("version: 1\n"):] + key},
		{name: "allowed-ips per credential", config: head + key + "    allowed-ips: 203.0.113.7\n"},
		{name: "a hostname in allowed-ips", config: ips("[proxy.example.com]")},
		{name: "an IPv6 zone in allowed-ips", config: ips("fe80::1%eth0")},
		{name: "an IPv4 address with a port in allowed-ips", config: ips("|\n    203.0.113.0/24\n    203.0.113.7:443")},
		{name: "a prefix longer than the address in allowed-ips", config: ips("203.0.113.0/33"),
			parserOnly: "the longest prefix depends on the address family; the schema checks the shape of an entry only"},
		{name: "an endpoint without a space", config: head + key + "    endpoints: POST/payments\n"},
		{name: "an endpoint without a method", config: head + key + "    endpoints: [/payments]\n"},
		{name: "an endpoint with an unknown method", config: head + key + "    endpoints: |\n      POST /payments\n      FETCH /payments\n"},
		{name: "an endpoint over http", config: head + key + "    endpoints: [GET http://api.checkout.com/payments]\n"},
		{name: "an endpoint URL without a path", config: head + key + "    endpoints: [GET https://api.checkout.com/]\n"},
		{name: "two endpoints on a line without a comma", config: head + key + "    endpoints: POST /payments GET /disputes\n"},
		{name: "an endpoint written as a mapping", config: head + key + "    endpoints:\n      - POST: /payments\n"},
		{name: "a scope in capitals", config: head + key + "    scopes: [Gateway]\n"},
		{name: "a scope with a space", config: head + key + "    scopes: disputes view\n"},
		{name: "a scope with an empty part", config: head + key + "    scopes: gateway::payment\n"},
	}
	s := configSchema(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if err := toolRefuses([]byte(tt.config)); err == nil {
				t.Fatalf("the tool accepts:\n%s", tt.config)
			}
			err := validateYAML(s, []byte(tt.config))
			switch {
			case err == nil && tt.parserOnly == "":
				t.Errorf("the schema accepts:\n%s", tt.config)
			case err != nil && tt.parserOnly != "":
				t.Errorf("the schema rejects a case marked parserOnly (%q); unmark it:\n%v", tt.parserOnly, err)
			}
		})
	}
}

// ips returns a valid config whose defaults have allowed-ips: value.
func ips(value string) string {
	return "version: 1\ndefaults:\n  allowed-ips: " + value + "\ncredentials:\n  - name: svc\n    secret-key-env: CKO_SECRET_KEY\n"
}

// toolRefuses returns why the tool refuses a config file before sending
// anything: the parser's error, else the allowlist's; nil when it accepts.
func toolRefuses(data []byte) error {
	f, err := config.Parse("c.yml", data)
	if err != nil {
		return err
	}
	_, err = spec.Resolve(spec.Inputs{}, f, nil)
	return err
}
