package plan

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/credential"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/spec"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

const (
	testKey    = "sk_sbox_m3ubmv6trmjy5dxv2fz6nkwq7ea"
	testClient = "ack_testfakeclientfullaccessab"
	testSecret = "tfcs-4b1e7e0b93a2c7d1e5f60a8b2c3d4e5f"
)

func values(texts ...string) []config.Value {
	var out []config.Value
	for i, t := range texts {
		out = append(out, config.Value{Text: t, Pos: report.Position{File: "f.yml", Line: 10 + i, Column: 7}})
	}
	return out
}

func eps(tb testing.TB, lines ...string) []config.Endpoint {
	tb.Helper()
	e, _, err := config.ParseEndpoints(values(lines...))
	if err != nil {
		tb.Fatal(err)
	}
	return e
}

// shape is what a test compares of a planned credential.
type shape struct {
	Usable   bool
	Kind     credential.Kind
	Targets  []string
	Required []string
	Scopes   []string
	Envs     int
}

func shapeOf(c Credential) shape {
	s := shape{Usable: c.Usable, Kind: c.Cred.Kind, Required: c.Required, Scopes: c.Scopes, Envs: len(c.URLs)}
	for _, t := range c.Targets {
		s.Targets = append(s.Targets, string(t.Origin)+" "+t.Op.String()+" "+t.RequiredScope())
	}
	return s
}

func TestNew(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		cred     spec.Credential
		want     shape
		findings []string
	}{
		{"secret key with endpoints", spec.Credential{SecretKey: testKey, Environment: "auto", Endpoints: eps(t, "POST /payments", "GET /payments/pay_abc")},
			shape{Usable: true, Kind: credential.KindSecretKey, Envs: 1, Targets: []string{
				"declared POST /payments gateway:payment", "declared GET /payments/{id} gateway:payment-details"}}, nil},
		{"secret key with a declared scope", spec.Credential{SecretKey: testKey, Environment: "auto", Scopes: values("gateway:payment-refunds", "gateway:payment")},
			shape{Usable: true, Kind: credential.KindSecretKey, Envs: 1, Scopes: []string{"gateway:payment-refunds", "gateway:payment"}, Targets: []string{
				"scope POST /payments/{id}/refunds gateway:payment-refunds", "scope POST /payments gateway:payment"}}, nil},
		{"a parent scope cannot be verified", spec.Credential{SecretKey: testKey, Environment: "auto", Scopes: values("gateway")},
			shape{Usable: true, Kind: credential.KindSecretKey, Envs: 1, Scopes: []string{"gateway"}}, []string{"config.valid warn Scope not verifiable"}},
		{"an unknown scope is a warning", spec.Credential{SecretKey: testKey, Environment: "auto", Scopes: values("gateway:paymnt")},
			shape{Usable: true, Kind: credential.KindSecretKey, Envs: 1, Scopes: []string{"gateway:paymnt"}}, []string{"config.valid warn Unknown scope", "config.valid warn Scope not verifiable"}},
		{"OAuth asks for the endpoints' scopes and the declared ones", spec.Credential{ClientID: testClient, ClientSecret: testSecret, Environment: "auto",
			Endpoints: eps(t, "GET /disputes", "POST /disputes/{id}/accept"), Scopes: values("files:upload")},
			shape{Usable: true, Kind: credential.KindOAuth, Envs: 2, Scopes: []string{"files:upload"}, Required: []string{"disputes:view", "disputes:accept", "files:upload"},
				Targets: []string{"declared GET /disputes disputes:view", "declared POST /disputes/{dispute_id}/accept disputes:accept"}}, nil},
		{"an unknown endpoint is a configuration error", spec.Credential{SecretKey: testKey, Environment: "auto", Endpoints: eps(t, "GET /paymnts")},
			shape{Usable: true, Kind: credential.KindSecretKey, Envs: 1}, []string{"config.valid fail Unknown endpoint: GET /paymnts"}},
		{"an unusable key", spec.Credential{SecretKey: "sk_nope", Environment: "auto"},
			shape{Kind: credential.KindUnknown}, []string{"credential.format fail Unusable credential"}},
		{"an environment the key contradicts", spec.Credential{SecretKey: testKey, Environment: "production"},
			shape{}, []string{"config.valid fail Environment contradicts the key"}},
		{"duplicates are warnings", spec.Credential{SecretKey: testKey, Environment: "auto", Endpoints: eps(t, "GET /payments/{id}"),
			Duplicates: []config.Duplicate{{Endpoint: config.Endpoint{Raw: "get /payments/{id}", Pos: report.Position{File: "f.yml", Line: 4}}, Repeats: 1}}},
			shape{Usable: true, Kind: credential.KindSecretKey, Envs: 1, Targets: []string{"declared GET /payments/{id} gateway:payment-details"}},
			[]string{"config.valid warn Duplicate endpoint"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tt.cred.Name = "svc"
			p := New(spec.Run{Timeout: time.Minute, Credentials: []spec.Credential{tt.cred}}, nil)
			if diff := cmp.Diff(tt.want, shapeOf(p.Credentials[0])); diff != "" {
				t.Errorf("credential (-want +got):\n%s", diff)
			}
			var got []string
			for _, f := range p.Findings {
				got = append(got, f.ID+" "+string(f.Status)+" "+f.Title)
			}
			if diff := cmp.Diff(tt.findings, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			if p.Invalid != strings.Contains(strings.Join(got, "\n"), "config.valid fail") {
				t.Errorf("Invalid = %v with findings %q", p.Invalid, got)
			}
			if p.Credentials[0].Activity == nil || p.Credentials[0].Activity.Op.String() != "GET /payments/{id}" {
				t.Errorf("Activity = %+v, want the payment lookup", p.Credentials[0].Activity)
			}
		})
	}
}

func TestUnknownEndpointIsPositioned(t *testing.T) {
	t.Parallel()
	p := New(spec.Run{Credentials: []spec.Credential{{Name: "svc", SecretKey: testKey, Environment: "auto", Endpoints: eps(t, "GET /paymnts")}}}, nil)
	f := p.Findings[0]
	if f.Position == nil || f.Position.String() != "f.yml:10:7" || strings.HasPrefix(f.Message, "f.yml") {
		t.Errorf("finding %+v at %v: want it at f.yml:10:7, not repeated in the message", f.Message, f.Position)
	}
	if !strings.Contains(f.Message, "closest known: GET /payments") {
		t.Errorf("message %q suggests nothing", f.Message)
	}
}

func TestInvalidSplitsJoinedErrors(t *testing.T) {
	t.Parallel()
	err := errors.Join(&config.Error{Pos: report.Position{File: "c.yml", Line: 2, Column: 3}, Message: "first"}, errors.New("second"))
	p := Invalid(err)
	if !p.Invalid || len(p.Findings) != 2 {
		t.Fatalf("Invalid = %+v", p)
	}
	if p.Findings[0].Position.String() != "c.yml:2:3" || p.Findings[0].Message != "first" || p.Findings[1].Position != nil {
		t.Errorf("findings %+v", p.Findings)
	}
	if (Plan{}).Invalid || Invalid(nil).Findings != nil {
		t.Error("no error should give no findings")
	}
}

func TestSendableAndRequiredScope(t *testing.T) {
	t.Parallel()
	p := New(spec.Run{Credentials: []spec.Credential{{Name: "svc", SecretKey: testKey, Environment: "auto",
		Endpoints: eps(t, "POST /connect/token")}}}, nil)
	c := p.Credentials[0]
	if Sendable(c.Targets) {
		t.Error("the token endpoint is never probed, yet Sendable")
	}
	if c.Name() != "svc" {
		t.Errorf("Name() = %q", c.Name())
	}
}

func TestBaseURLs(t *testing.T) {
	t.Parallel()
	p := New(spec.Run{Credentials: []spec.Credential{
		{Name: "a", SecretKey: testKey, Environment: "auto", Endpoints: eps(t, "POST /payments", "GET /balances/{id}")},
		{Name: "b", ClientID: testClient, ClientSecret: testSecret, Environment: "auto", Endpoints: eps(t, "GET /disputes")},
		{Name: "bad", SecretKey: "nope", Environment: "auto"},
	}}, nil)
	want := []string{"https://api.sandbox.checkout.com", "https://balances.sandbox.checkout.com", "https://transfers.sandbox.checkout.com",
		"https://access.sandbox.checkout.com", "https://access.checkout.com", "https://api.checkout.com"}
	if diff := cmp.Diff(want, p.BaseURLs()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if got := Invalid(errors.New("x")).BaseURLs(); len(got) != 0 {
		t.Errorf("an invalid plan lists %v", got)
	}
}

func TestDuplicatesAreGrouped(t *testing.T) {
	t.Parallel()
	var texts []string
	for range 5 {
		texts = append(texts, "GET /payments/{id}")
	}
	texts = append(texts, "POST /payments", "POST /payments")
	e, dups, err := config.ParseEndpoints(values(texts...))
	if err != nil {
		t.Fatal(err)
	}
	p := New(spec.Run{Credentials: []spec.Credential{{Name: "svc", SecretKey: testKey, Environment: "auto", Endpoints: e, Duplicates: dups}}}, nil)
	var got []string
	for _, f := range p.Findings {
		got = append(got, f.Message)
	}
	want := []string{
		`endpoint "GET /payments/{id}" is declared 5 times (first at f.yml:10:7); the repeats are ignored, remove them`,
		`endpoint "POST /payments" is declared twice (first at f.yml:15:7); the repeat is ignored, remove it`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
