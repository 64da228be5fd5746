module example.com/hostedlinks

go 1.22

require (
	github.com/checkout/checkout-sdk-go/v2 v2.4.1
	github.com/labstack/echo/v4 v4.12.0
)
