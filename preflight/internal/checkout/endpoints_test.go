package checkout

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestResolveEndpoints(t *testing.T) {
	t.Parallel()
	sandbox := Endpoints{
		API:                  "https://api.sandbox.checkout.com",
		Files:                "https://files.sandbox.checkout.com",
		Transfers:            "https://transfers.sandbox.checkout.com",
		Balances:             "https://balances.sandbox.checkout.com",
		Forward:              "https://forward.sandbox.checkout.com",
		IdentityVerification: "https://identity-verification.sandbox.checkout.com",
		Token:                "https://access.sandbox.checkout.com/connect/token",
	}
	production := Endpoints{
		API:                  "https://api.checkout.com",
		Files:                "https://files.checkout.com",
		Transfers:            "https://transfers.checkout.com",
		Balances:             "https://balances.checkout.com",
		Forward:              "https://forward.checkout.com",
		IdentityVerification: "https://identity-verification.checkout.com",
		Token:                "https://access.checkout.com/connect/token",
	}
	with := func(e Endpoints, f func(*Endpoints)) Endpoints { f(&e); return e }
	all := func(e Endpoints, base string) Endpoints {
		return with(e, func(e *Endpoints) {
			e.API, e.Files, e.Transfers, e.Balances, e.Forward, e.IdentityVerification = base, base, base, base, base, base
		})
	}
	tests := []struct {
		name                         string
		env, prefix, apiURL, authURL string
		want                         Endpoints
		wantErr                      string // the ConfigError message; "" for none
	}{
		{name: "sandbox", env: "sandbox", want: sandbox},
		{name: "production", env: "production", want: production},
		{name: "sandbox prefix", env: "sandbox", prefix: "vkuhvk4v", want: with(sandbox, func(e *Endpoints) {
			e.API = "https://vkuhvk4v.api.sandbox.checkout.com"
			e.Token = "https://vkuhvk4v.access.sandbox.checkout.com/connect/token"
		})},
		{name: "production prefix", env: "production", prefix: "1a2b3c", want: with(production, func(e *Endpoints) {
			e.API = "https://1a2b3c.api.checkout.com"
			e.Token = "https://1a2b3c.access.checkout.com/connect/token"
		})},
		{name: "api-url overrides every API host", env: "production", prefix: "abc", apiURL: "https://proxy.example.com/checkout/",
			want: with(all(production, "https://proxy.example.com/checkout"), func(e *Endpoints) {
				e.Token = "https://abc.access.checkout.com/connect/token"
			})},
		{name: "auth-url overrides the token URL", env: "sandbox", authURL: "https://auth.example.com/oauth/token",
			want: with(sandbox, func(e *Endpoints) { e.Token = "https://auth.example.com/oauth/token" })},
		{name: "loopback http allowed", env: "sandbox", apiURL: "http://127.0.0.1:8080", authURL: "http://localhost:9/connect/token",
			want: with(all(sandbox, "http://127.0.0.1:8080"), func(e *Endpoints) { e.Token = "http://localhost:9/connect/token" })},
		{name: "loopback ipv6 and 127/8", env: "sandbox", apiURL: "http://[::1]:1", authURL: "HTTP://127.1.2.3/t",
			want: with(all(sandbox, "http://[::1]:1"), func(e *Endpoints) { e.Token = "http://127.1.2.3/t" })},
		{name: "http refused", env: "sandbox", apiURL: "http://proxy.example.com",
			wantErr: `api-url "http://proxy.example.com": credentials are only sent over HTTPS; use an https:// URL (http:// is accepted only for localhost, 127.0.0.0/8 and ::1)`},
		{name: "http refused for auth-url", env: "sandbox", authURL: "http://10.0.0.1/connect/token",
			wantErr: `auth-url "http://10.0.0.1/connect/token": credentials are only sent over HTTPS; use an https:// URL (http:// is accepted only for localhost, 127.0.0.0/8 and ::1)`},
		{name: "localhost lookalike refused", env: "sandbox", apiURL: "http://localhost.example.com",
			wantErr: `api-url "http://localhost.example.com": credentials are only sent over HTTPS; use an https:// URL (http:// is accepted only for localhost, 127.0.0.0/8 and ::1)`},
		{name: "other scheme", env: "sandbox", apiURL: "ftp://proxy.example.com",
			wantErr: `api-url "ftp://proxy.example.com": want an https:// URL (or http:// to localhost, 127.0.0.0/8 or ::1)`},
		{name: "relative", env: "sandbox", apiURL: "proxy.example.com",
			wantErr: `api-url "proxy.example.com": want an absolute URL with a host, such as "https://proxy.example.com"`},
		{name: "no host", env: "sandbox", apiURL: "https:///path",
			wantErr: `api-url "https:///path": want an absolute URL with a host, such as "https://proxy.example.com"`},
		{name: "malformed", env: "sandbox", apiURL: "https://proxy example.com",
			wantErr: `api-url "https://proxy example.com": not a valid URL; want an absolute URL such as "https://proxy.example.com"`},
		{name: "userinfo refused and hidden", env: "sandbox", apiURL: "https://user:hunter2hunter2@proxy.example.com",
			wantErr: `api-url "https://…@proxy.example.com": a URL must not carry user:password@; credentials come only from the credential input, so remove that part`},
		{name: "query refused and hidden", env: "sandbox", authURL: "https://auth.example.com/token?key=abcdefgh1234",
			wantErr: `auth-url "https://auth.example.com/token?…": want a URL without ?query or #fragment; remove them`},
		{name: "fragment refused", env: "sandbox", apiURL: "https://proxy.example.com/#x",
			wantErr: `api-url "https://proxy.example.com/?…": want a URL without ?query or #fragment; remove them`},
		{name: "an @ in the path is hidden as userinfo would be", env: "sandbox", apiURL: "a://0/secretpw@?…",
			wantErr: `api-url "a://…@?…": want a URL without ?query or #fragment; remove them`},
		{name: "query hidden when the URL does not parse", env: "sandbox", apiURL: "https://proxy example.com/?key=abcdefgh1234",
			wantErr: `api-url "https://proxy example.com/?…": not a valid URL; want an absolute URL such as "https://proxy.example.com"`},
		{name: "all hidden when a query comes before the last @", env: "sandbox", apiURL: "https://u:pa?ss@proxy.example.com",
			wantErr: `api-url "https://…": not a valid URL; want an absolute URL such as "https://proxy.example.com"`},
		{name: "bad prefix", env: "sandbox", prefix: "Vk-uh",
			wantErr: `prefix "Vk-uh": want lower-case letters and digits only, e.g. "vkuhvk4v"; copy the unique account prefix from the Dashboard, without "https://" or ".api.checkout.com"`},
		{name: "prefix as URL", env: "sandbox", prefix: "https://vkuhvk4v.api.checkout.com",
			wantErr: `prefix "https://vkuhvk4v.api.checkout.com": want lower-case letters and digits only, e.g. "vkuhvk4v"; copy the unique account prefix from the Dashboard, without "https://" or ".api.checkout.com"`},
		{name: "bad environment", env: "live",
			wantErr: `environment "live": want "sandbox" or "production"; set the environment the credential belongs to`},
		{name: "empty environment", env: "",
			wantErr: `environment "": want "sandbox" or "production"; set the environment the credential belongs to`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := ResolveEndpoints(tt.env, tt.prefix, tt.apiURL, tt.authURL)
			if tt.wantErr != "" {
				var ce *ConfigError
				if !errors.As(err, &ce) {
					t.Fatalf("err = %v (%T), want a *ConfigError", err, err)
				}
				if diff := cmp.Diff(tt.wantErr, err.Error()); diff != "" {
					t.Errorf("message (-want +got):\n%s", diff)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("endpoints (-want +got):\n%s", diff)
			}
		})
	}
}

func TestEndpointsBase(t *testing.T) {
	t.Parallel()
	e, err := ResolveEndpoints("sandbox", "", "", "")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, h := range []string{"api", "files", "transfers", "balances", "forward", "identity-verification", "access", "nope", ""} {
		got[h] = e.Base(h)
	}
	want := map[string]string{
		"api":                   "https://api.sandbox.checkout.com",
		"files":                 "https://files.sandbox.checkout.com",
		"transfers":             "https://transfers.sandbox.checkout.com",
		"balances":              "https://balances.sandbox.checkout.com",
		"forward":               "https://forward.sandbox.checkout.com",
		"identity-verification": "https://identity-verification.sandbox.checkout.com",
		"access":                "https://access.sandbox.checkout.com",
		"nope":                  "",
		"":                      "",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Base (-want +got):\n%s", diff)
	}
}

// FuzzResolveEndpoints checks that an accepted override never lets
// credentials travel over plain HTTP to a remote host, and that a rejected
// one never shows a password ("secretpw" before an "@") or a query or
// fragment ("secretq" after a "?" or "#").
func FuzzResolveEndpoints(f *testing.F) {
	for _, s := range []string{"https://proxy.example.com", "http://127.0.0.1:8080", "http://user:secretpw@x", "https://u:secretpw@x/?q", "::", "http://[::1", "https://a b@c", "HTTP://LOCALHOST", "https://x/?k=secretq", "https://x y/#secretq@z", "https://u:secretpw?@x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		e, err := ResolveEndpoints("sandbox", "", raw, raw)
		if err != nil {
			afterAt := raw[strings.LastIndex(raw, "@")+1:] // a host may be spelt so too
			if strings.Contains(raw, "secretpw@") && (strings.Contains(err.Error(), "secretpw@") ||
				!strings.Contains(afterAt, "secretpw") && strings.Contains(err.Error(), "secretpw")) {
				t.Fatalf("error %q shows the password", err)
			}
			if q := strings.IndexAny(raw, "?#"); q >= 0 && strings.Contains(raw[q:], "secretq") && strings.Contains(err.Error(), "secretq") {
				t.Fatalf("error %q shows the query", err)
			}
			return
		}
		if raw == "" {
			return
		}
		for _, base := range []string{e.API, e.Token} {
			if strings.HasPrefix(base, "https://") {
				continue
			}
			h := strings.TrimPrefix(base, "http://")
			if !strings.HasPrefix(base, "http://") || !(strings.HasPrefix(h, "127.") || strings.HasPrefix(strings.ToLower(h), "localhost") || strings.HasPrefix(h, "[")) {
				t.Fatalf("accepted %q as %q", raw, base)
			}
		}
	})
}
