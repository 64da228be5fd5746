package simulator_test

import (
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/simulator"
)

// Behaviour profiles make the fake answer as Checkout.com might: here a
// refund of a payment that does not exist is refused by a business rule
// (403) rather than not found, and an id lookup happens before the
// credential is checked, so even an unknown key gets 404. Request.Rule
// says which profile decided each answer.
func ExampleOptions_profiles() {
	const key = "sk_sbox_m2ahq3xkvtd7ygc4pwrj5lbn6eq" // fake
	s := simulator.NewServer(simulator.Options{
		Credentials:      []simulator.Credential{{Name: "payments-service", SecretKey: key, Scopes: []string{"gateway"}}},
		BusinessRule403:  []string{simulator.AllOperations},
		LookupBeforeAuth: []string{"GET /payments/{id}"},
	})
	defer s.Close()

	send := func(method, path, auth string) {
		req, _ := http.NewRequest(method, s.URL()+path, strings.NewReader("[]"))
		req.Header.Set("Authorization", auth)
		resp, err := s.Client().Do(req)
		if err != nil {
			fmt.Println(err)
			return
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		body = []byte(strings.ReplaceAll(string(body), resp.Header.Get("Cko-Request-Id"), "…"))
		fmt.Printf("%s %s: %d %s", method, path, resp.StatusCode, body)
	}
	send("POST", "/payments/pay_xxxxxxxxxxxxxxxxxxxxxxxxxx/refunds", "Bearer "+key)
	send("GET", "/payments/pay_xxxxxxxxxxxxxxxxxxxxxxxxxx", "Bearer sk_sbox_nobodyaaaaaaaaaaaaaaaaaaaa7")

	for _, r := range s.Requests() {
		fmt.Printf("recorded: %s -> %d by rule %q\n", r.Route, r.Status, r.Rule)
	}
	// Output:
	// POST /payments/pay_xxxxxxxxxxxxxxxxxxxxxxxxxx/refunds: 403 {"request_id":"…","error_type":"operation_not_allowed","error_codes":["refund_not_allowed"]}
	// GET /payments/pay_xxxxxxxxxxxxxxxxxxxxxxxxxx: 404 {"request_id":"…"}
	// recorded: POST /payments/{id}/refunds -> 403 by rule "business-rule-403"
	// recorded: GET /payments/{id} -> 404 by rule "lookup-before-auth"
}
