package gateway

import (
	"os"
	"testing"

	checkout "github.com/checkout/checkout-sdk-go/v2"
	"github.com/checkout/checkout-sdk-go/v2/configuration"
)

func TestSandboxWebhooks(t *testing.T) {
	if os.Getenv("CKO_TEST_SK") == "" {
		t.Skip("no previous-platform sandbox key")
	}
	api, err := checkout.Builder().Previous().
		WithEnvironment(configuration.Sandbox()).
		WithSecretKey(os.Getenv("CKO_TEST_SK")).
		Build()
	if err != nil {
		t.Fatal(err)
	}
	g := New(api)
	if _, err := g.api.Webhooks.RetrieveWebhooks(); err != nil { // want(tests): GET /webhooks
		t.Fatal(err)
	}
	if _, err := api.Events.RetrieveAllEventTypes(); err != nil { // want(tests): GET /event-types
		t.Fatal(err)
	}
}
