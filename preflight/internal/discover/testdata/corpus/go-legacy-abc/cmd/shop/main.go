package main

import (
	"log"
	"net/http"
	"os"

	checkout "github.com/checkout/checkout-sdk-go/v2"
	"github.com/checkout/checkout-sdk-go/v2/configuration"

	"github.com/oldshop/storefront/internal/gateway"
)

func main() {
	api, err := checkout.Builder().
		Previous().
		WithEnvironment(configuration.Production()).
		WithSecretKey(os.Getenv("CKO_SECRET_KEY")).
		WithPublicKey(os.Getenv("CKO_PUBLIC_KEY")).
		Build()
	if err != nil {
		log.Fatal(err)
	}
	gw := gateway.New(api)
	if err := gw.EnsureWebhook(os.Getenv("WEBHOOK_URL")); err != nil {
		log.Printf("webhook: %v", err)
	}
	http.HandleFunc("/payments", gw.HandlePay)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
