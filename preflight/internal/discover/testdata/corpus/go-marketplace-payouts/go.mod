module example.com/marketplace

go 1.22

require github.com/checkout/checkout-sdk-go/v2 v2.4.1
