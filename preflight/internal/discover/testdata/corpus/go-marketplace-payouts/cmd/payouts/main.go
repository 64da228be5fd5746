package main

import (
	"context"
	"log"
	"os"

	checkout "github.com/checkout/checkout-sdk-go/v2"
	"github.com/checkout/checkout-sdk-go/v2/configuration"

	"example.com/marketplace/internal/payouts"
)

func main() {
	ctx := context.Background()
	api, err := checkout. // want: POST /connect/token
				Builder().
				OAuth().
				WithAuthorizationUri("https://access.sandbox.checkout.com/connect/token").
				WithClientCredentials(os.Getenv("CKO_CLIENT_ID"), os.Getenv("CKO_CLIENT_SECRET")).
				WithEnvironment(configuration.Sandbox()).
				WithEnvironmentSubdomain(os.Getenv("CKO_PREFIX")).
				WithScopes([]string{configuration.Transfers, configuration.BalancesView, configuration.Marketplace}).
				Build()
	if err != nil {
		log.Fatal(err)
	}
	for _, seller := range os.Args[1:] {
		if err := payouts.Sweep(ctx, api.Transfers, api.Balances, os.Getenv("PLATFORM_ENTITY"), seller); err != nil {
			log.Printf("sweep %s: %v", seller, err)
		}
	}
}
