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

func ExampleEvidence() {
	for _, a := range []checkout.Answer{
		{Status: 422, Body: checkout.BodyJSON, ErrorType: "request_invalid"},
		{Status: 403, Body: checkout.BodyJSON, ErrorType: "operation_not_allowed", ErrorCodes: []string{"refund_not_allowed"}},
		{Status: 401, Body: checkout.BodyEmpty},
		{Status: 403, Body: checkout.BodyEmpty, Challenge: "insufficient_scope"},
		{Status: 503, Body: checkout.BodyOther},
	} {
		r := checkout.Evidence("POST", a)
		fmt.Println(a.Status, r.ID, r.Meaning)
	}
	// Output:
	// 422 invalid-request accepted
	// 403 business-rule business_rule
	// 401 unauthorized refused
	// 403 insufficient-scope refused_scope
	// 503 unavailable inconclusive
}
