package payouts

import (
	"context"
	"os"
	"testing"

	checkout "github.com/checkout/checkout-sdk-go/v2"
	"github.com/checkout/checkout-sdk-go/v2/balances"
	"github.com/checkout/checkout-sdk-go/v2/configuration"
)

func TestSandboxBalances(t *testing.T) {
	sk := os.Getenv("CKO_SANDBOX_SK")
	if sk == "" {
		t.Skip("no sandbox key")
	}
	api, err := checkout.Builder().StaticKeys().WithEnvironment(configuration.Sandbox()).WithSecretKey(sk).Build()
	if err != nil {
		t.Fatal(err)
	}
	resp, err := api.Balances.RetrieveEntityBalancesWithContext(context.Background(), "ent_sandbox", balances.QueryFilter{}) // want(tests): GET /balances/{}
	if err != nil {
		t.Fatal(err)
	}
	if resp == nil {
		t.Fatal("nil response")
	}
}
