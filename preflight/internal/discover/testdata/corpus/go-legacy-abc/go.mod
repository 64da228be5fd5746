module github.com/oldshop/storefront

go 1.21

require github.com/checkout/checkout-sdk-go/v2 v2.4.1
