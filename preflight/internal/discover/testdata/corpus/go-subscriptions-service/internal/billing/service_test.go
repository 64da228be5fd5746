package billing

import (
	"context"
	"os"
	"testing"

	checkout "github.com/checkout/checkout-sdk-go/v2"
	"github.com/checkout/checkout-sdk-go/v2/configuration"
	"github.com/checkout/checkout-sdk-go/v2/customers"
)

func sandbox(t *testing.T) *Service {
	t.Helper()
	if os.Getenv("CKO_CLIENT_ID") == "" {
		t.Skip("sandbox credentials not set")
	}
	api, err := checkout.Builder().OAuth(). // want(tests): POST /connect/token
						WithClientCredentials(os.Getenv("CKO_CLIENT_ID"), os.Getenv("CKO_CLIENT_SECRET")).
						WithEnvironment(configuration.Sandbox()).
						WithScopes([]string{configuration.Gateway, configuration.Vault}).
						Build()
	if err != nil {
		t.Fatal(err)
	}
	return NewService(api)
}

func TestCustomerRoundTrip(t *testing.T) {
	s := sandbox(t)
	c, err := s.cko.Customers.CreateWithContext(context.Background(), customers.CustomerRequest{Email: "t@example.com"}) // want(tests): POST /customers
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.cko.Customers.Get(c.Id) // want(tests): GET /customers/{}
	if err != nil || got.Email != "t@example.com" {
		t.Fatalf("got %+v, %v", got, err)
	}
}
