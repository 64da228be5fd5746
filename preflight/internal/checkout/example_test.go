package checkout_test

import (
	"fmt"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
)

func ExampleResolveEndpoints() {
	e, err := checkout.ResolveEndpoints("sandbox", "vkuhvk4v", "", "")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(e.Base("api"))
	fmt.Println(e.Base("files"))
	fmt.Println(e.Token)

	_, err = checkout.ResolveEndpoints("production", "", "http://proxy.example.com", "")
	fmt.Println(err)
	// Output:
	// https://vkuhvk4v.api.sandbox.checkout.com
	// https://files.sandbox.checkout.com
	// https://vkuhvk4v.access.sandbox.checkout.com/connect/token
	// api-url "http://proxy.example.com": credentials are only sent over HTTPS; use an https:// URL (http:// is accepted only for localhost, 127.0.0.0/8 and ::1)
}

func ExampleClassify() {
	for _, a := range []struct {
		method string
		status int
	}{{"POST", 422}, {"GET", 404}, {"GET", 403}, {"POST", 201}, {"GET", 503}} {
		fmt.Println(a.method, a.status, checkout.Classify(a.method, a.status))
	}
	// Output:
	// POST 422 authorized
	// GET 404 authorized
	// GET 403 forbidden
	// POST 201 unexpected_success
	// GET 503 inconclusive
}
