package config

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

func TestParseDuration(t *testing.T) {
	t.Parallel()
	at := report.Position{File: "f.yml", Line: 3, Column: 12}
	tests := []struct {
		in      string
		want    time.Duration
		wantErr string
	}{
		{"", 0, ""},
		{"45", 45 * time.Second, ""},
		{"45s", 45 * time.Second, ""},
		{"2m", 2 * time.Minute, ""},
		{"1m30s", 90 * time.Second, ""},
		{"600", 10 * time.Minute, ""},
		{"1h", 0, `f.yml:3:12: timeout "1h" is outside 1s to 10m; write it like "30s" or "2m"`},
		{"601", 0, `f.yml:3:12: timeout "601" is outside 1s to 10m; write it like "30s" or "2m"`},
		{"99999999999999999999", 0, `f.yml:3:12: timeout "99999999999999999999" is not a duration; write it like "30s" or "2m" (or "45" for seconds)`},
		{"0", 0, `f.yml:3:12: timeout "0" is outside 1s to 10m; write it like "30s" or "2m"`},
		{"-5s", 0, `f.yml:3:12: timeout "-5s" is outside 1s to 10m; write it like "30s" or "2m"`},
		{"500ms", 0, `f.yml:3:12: timeout "500ms" is outside 1s to 10m; write it like "30s" or "2m"`},
		{"soon", 0, `f.yml:3:12: timeout "soon" is not a duration; write it like "30s" or "2m" (or "45" for seconds)`},
		{"sk_sbox_m3ubmv6trmjy5dxv2fz6nkwq7ea", 0, `f.yml:3:12: timeout (a value that looks like a credential; not shown) is not a duration; write it like "30s" or "2m" (or "45" for seconds)`},
	}
	for _, tt := range tests {
		got, err := ParseDuration(Timeout, Value{Text: tt.in, Pos: at})
		if diff := cmp.Diff(tt.wantErr, errText(err)); diff != "" || got != tt.want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v (-want +got error):\n%s", tt.in, got, err, tt.want, diff)
		}
	}
}

func TestParseChoices(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		parse   func(Value) (string, error)
		in      string
		want    string
		wantErr string
	}{
		{"environment", ParseEnvironment, "Sandbox", "sandbox", ""},
		{"environment", ParseEnvironment, "SANDBOX", "sandbox", ""},
		{"environment", ParseEnvironment, "", "", ""},
		{"environment", ParseEnvironment, "prod", "", `environment "prod" is not one of "auto", "sandbox" or "production"; did you mean "production"?`},
		{"environment", ParseEnvironment, "staging", "", `environment "staging" is not one of "auto", "sandbox" or "production"`},
		{"prefix", ParsePrefix, "1A2B3C4D", "1a2b3c4d", ""},
		{"prefix", ParsePrefix, "https://1a2b3c4d.api.checkout.com", "", `prefix "https://1a2b3c4d.api.checkout.com" is not a merchant prefix, which is letters and digits only, like "1a2b3c4d" in "https://1a2b3c4d.api.checkout.com"; write only "1a2b3c4d"`},
		{"prefix", ParsePrefix, "my_prefix", "", `prefix "my_prefix" is not a merchant prefix, which is letters and digits only, like "1a2b3c4d" in "https://1a2b3c4d.api.checkout.com"`},
		{"fail-on", func(v Value) (string, error) { return ParseChoice(FailOn, v, FailOnChoices()...) }, "Warning", "warning", ""},
		{"fail-on", func(v Value) (string, error) { return ParseChoice(FailOn, v, FailOnChoices()...) }, "warn", "", `fail-on "warn" is not one of "error" or "warning"; did you mean "warning"?`},
		{"simulate", func(v Value) (string, error) {
			b, err := ParseBool(Simulate, v)
			if b {
				return "true", err
			}
			return "", err
		}, "TRUE", "true", ""},
	}
	for _, tt := range tests {
		got, err := tt.parse(Value{Text: tt.in})
		if diff := cmp.Diff(tt.wantErr, errText(err)); diff != "" || got != tt.want {
			t.Errorf("%s(%q) = %q, %v; want %q (-want +got error):\n%s", tt.name, tt.in, got, err, tt.want, diff)
		}
	}
}

func TestSettingsTable(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, s := range Settings() {
		if seen[s.Name] {
			t.Errorf("setting %q listed twice", s.Name)
		}
		seen[s.Name] = true
		if s.Secret && (s.InDefaults || s.InCredential || s.Default != "") {
			t.Errorf("secret setting %q may be written in the file or has a default", s.Name)
		}
		if got, ok := LookupSetting(s.Name); !ok || got.Name != s.Name {
			t.Errorf("LookupSetting(%q) = %v, %v", s.Name, got, ok)
		}
	}
	if _, ok := LookupSetting("nope"); ok {
		t.Error("LookupSetting found an unknown setting")
	}
	if diff := cmp.Diff([]string{"environment", "discover", "allowed-ips", "prefix", "timeout", "fail-on", "on-missing-credentials"}, defaultsKeys()); diff != "" {
		t.Errorf("defaults keys (-want +got):\n%s", diff)
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
