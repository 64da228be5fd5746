package probe_test

import (
	"fmt"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/probe"
)

func ExampleFor() {
	p := probe.For(catalog.Operation{Method: "POST", Host: "api", Path: "/payments/{id}/refunds"})
	fmt.Println(p.Method, p.Path)
	fmt.Printf("%s %s\n", p.Body, p.ContentType)
	fmt.Println(p.Shape)
	// Output:
	// POST /payments/pay_checkoutpreflightnonexists/refunds
	// [] application/json
	// POST /payments/pay_checkoutpreflightnonexists/refunds; non-existent id, body [] (a JSON array, never a valid request object), fresh Cko-Idempotency-Key
}
