package catalog_test

import (
	"errors"
	"fmt"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
)

func ExampleCatalog_Match() {
	c := catalog.Default()
	m, err := c.Match("post", "/payments/pay_abc123/refunds/")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m.Operation, m.Params["id"])
	fmt.Println("any of:", m.Operation.Scopes())
	fmt.Println("least privilege:", m.Operation.RequiredScope())
	fmt.Println("granted by gateway:", catalog.Satisfies([]string{"gateway"}, m.Operation.Scopes()))

	_, err = c.Match("DELETE", "/payments/pay_abc123")
	var nm *catalog.NoMatchError
	fmt.Println(errors.As(err, &nm), nm.Methods)
	// Output:
	// POST /payments/{id}/refunds pay_abc123
	// any of: [gateway gateway:payment-refunds]
	// least privilege: gateway:payment-refunds
	// granted by gateway: true
	// true [GET]
}

func ExampleGrants() {
	fmt.Println(catalog.Grants("gateway", "gateway:payment"))
	fmt.Println(catalog.Grants("gateway:payment", "gateway:payment-refunds"))
	// Output:
	// true
	// false
}
