package main

import (
	"log"
	"net/http"
	"os"

	"github.com/gorilla/mux"

	checkout "github.com/checkout/checkout-sdk-go/v2"
	"github.com/checkout/checkout-sdk-go/v2/configuration"

	"github.com/acme/subscriptions/internal/billing"
)

func main() {
	env := configuration.Sandbox()
	if os.Getenv("CKO_ENV") == "production" {
		env = configuration.Production()
	}
	api, err := checkout.Builder().
		StaticKeys().
		WithEnvironment(env).
		WithSecretKey(os.Getenv("CKO_SECRET_KEY")).
		WithPublicKey(os.Getenv("CKO_PUBLIC_KEY")).
		Build()
	if err != nil {
		log.Fatalf("checkout sdk: %v", err)
	}

	svc := billing.NewService(api)
	h := billing.NewHandler(svc)

	r := mux.NewRouter()
	r.HandleFunc("/payments", h.CreatePayment).Methods(http.MethodPost)
	r.HandleFunc("/payments/{id}", h.ShowPayment).Methods(http.MethodGet)
	r.HandleFunc("/payments/{id}/refunds", h.Refund).Methods(http.MethodPost)
	log.Println("listening on :8080 (Checkout.com calls go to api.checkout.com)")
	log.Fatal(http.ListenAndServe(":8080", r))
}
