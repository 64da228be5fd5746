module github.com/acme/subscriptions

go 1.22

require (
	github.com/checkout/checkout-sdk-go/v2 v2.4.1
	github.com/gorilla/mux v1.8.1
)
