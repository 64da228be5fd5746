module example.com/shop

go 1.22

require (
	github.com/adyen/adyen-go-api-library/v9 v9.3.0
	github.com/gorilla/mux v1.8.1
	github.com/plutov/paypal/v4 v4.11.0
	github.com/stripe/stripe-go/v79 v79.6.0
)
