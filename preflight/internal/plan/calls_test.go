package plan

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/spec"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

func TestWithCalls(t *testing.T) {
	t.Parallel()
	at := func(line int) report.Position { return report.Position{File: "src/pay.ts", Line: line, Column: 5} }
	calls := []Call{
		{Method: "POST", Path: "/payments/{id}/refunds", Host: "api", Known: true, Pos: at(3), Symbol: "cko.payments.refund"},
		{Method: "POST", Path: "/payments", Host: "api", Known: true, Pos: at(5), Symbol: "cko.payments.request"},
		{Method: "POST", Path: "/payments/{id}/refunds", Host: "api", Known: true, Pos: at(9), Symbol: "cko.payments.refund"},
		{Method: "GET", Path: "/nowhere/{}", Host: "api", Pos: at(11), Symbol: "http.get"},
		{Method: "POST", Path: "/connect/token", Host: "access", Known: true, Pos: at(1), Symbol: "OAuthSdk"},
	}
	p := New(spec.Run{Credentials: []spec.Credential{
		{Name: "key", SecretKey: testKey, Environment: "auto", Endpoints: eps(t, "POST /payments")},
		{Name: "oauth", ClientID: testClient, ClientSecret: testSecret, Environment: "auto"},
	}}, nil).WithCalls([][]Call{calls, calls})
	type row struct {
		Endpoint string
		Origin   Origin
		Pos      string
		Calls    int
	}
	for _, c := range p.Credentials {
		var got []row
		for _, tg := range c.Targets {
			got = append(got, row{tg.Op.String(), tg.Origin, tg.Decl.Pos.String(), len(tg.Calls)})
		}
		want := []row{{"POST /payments/{id}/refunds", OriginDiscovered, "src/pay.ts:3:5", 2}, {"POST /payments", OriginDiscovered, "src/pay.ts:5:5", 1}}
		if c.Name() == "key" {
			want = []row{{"POST /payments", OriginDeclared, "f.yml:10:7", 1}, {"POST /payments/{id}/refunds", OriginDiscovered, "src/pay.ts:3:5", 2}}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: targets (-want +got):\n%s", c.Name(), diff)
		}
		if len(c.Unmatched) != 1 || c.Unmatched[0].Path != "/nowhere/{}" {
			t.Errorf("%s: unmatched = %+v", c.Name(), c.Unmatched)
		}
	}
	if diff := cmp.Diff([]string{"gateway:payment-refunds", "gateway:payment"}, p.Credentials[1].Required); diff != "" {
		t.Errorf("an access key asks for the scopes its code needs (-want +got):\n%s", diff)
	}
	if got := New(spec.Run{}, nil).WithCalls(nil); len(got.Credentials) != 0 {
		t.Errorf("an empty plan gained credentials: %+v", got.Credentials)
	}
}
