package simulator_test

import (
	"fmt"
	"io"
	"net/http"

	"github.com/checkout-preflight/checkout-preflight/preflight/simulator"
)

// A preflight probe of a refund with a key that lacks the refund scope: the
// simulator answers 403 and records the request, which changed nothing.
func ExampleNewServer() {
	s := simulator.NewServer(simulator.Options{
		Credentials: []simulator.Credential{{
			Name:      "payments-service",
			SecretKey: "sk_sbox_m2ahq3xkvtd7ygc4pwrj5lbn6eq", // fake
			Scopes:    []string{"gateway:payment", "gateway:payment-details"},
		}},
	})
	defer s.Close()

	get := func(method, path string) {
		req, _ := http.NewRequest(method, s.URL()+path, nil)
		req.Header.Set("Authorization", "Bearer sk_sbox_m2ahq3xkvtd7ygc4pwrj5lbn6eq")
		resp, err := s.Client().Do(req)
		if err != nil {
			fmt.Println(err)
			return
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		fmt.Printf("%s %s: %d\n", method, path, resp.StatusCode)
		if len(body) > 0 {
			fmt.Printf("  body: %s", body)
		}
	}
	get("GET", "/payments")
	get("POST", "/payments/pay_xxxxxxxxxxxxxxxxxxxxxxxxxx/refunds")

	for _, r := range s.Requests() {
		fmt.Printf("recorded: %s by %s -> %d\n", r.Route, r.Credential, r.Status)
	}
	fmt.Println("side effects:", len(s.SideEffects()))
	// Output:
	// GET /payments: 200
	//   body: {"data":[]}
	// POST /payments/pay_xxxxxxxxxxxxxxxxxxxxxxxxxx/refunds: 403
	// recorded: GET /payments by payments-service -> 200
	// recorded: POST /payments/{id}/refunds by payments-service -> 403
	// side effects: 0
}

// Faults make the next answers fail: here one rate-limited answer, then
// the normal one.
func ExampleServer_AddFault() {
	s := simulator.NewServer(simulator.Options{})
	defer s.Close()
	s.AddFault(simulator.Fault{Route: simulator.RouteEcho, Status: http.StatusTooManyRequests, RetryAfter: "1", Times: 1})
	for range 2 {
		resp, err := s.Client().Get(s.EchoURL())
		if err != nil {
			fmt.Println(err)
			return
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Printf("%d Retry-After=%q %q\n", resp.StatusCode, resp.Header.Get("Retry-After"), body)
	}
	// Output:
	// 429 Retry-After="1" ""
	// 200 Retry-After="" "203.0.113.10\n"
}
