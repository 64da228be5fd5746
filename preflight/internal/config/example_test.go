package config_test

import (
	"fmt"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

func ExampleSplitList() {
	// The value of an input written as a block in a workflow; its first
	// character is at line 12, column 13.
	text := "POST /payments\nGET /disputes, GET /disputes/{id}  # read-only\n"
	for _, v := range config.SplitList(text, report.Position{File: "ci.yml", Line: 12, Column: 13}) {
		fmt.Printf("%s %q\n", v.Pos, v.Text)
	}
	// From a flag there is no position.
	fmt.Println(config.SplitList("gateway, vault", report.Position{}))
	// Output:
	// ci.yml:12:13 "POST /payments"
	// ci.yml:13:13 "GET /disputes"
	// ci.yml:13:28 "GET /disputes/{id}"
	// [gateway vault]
}

func ExampleParseEndpoints() {
	values := config.SplitList("POST /payments\npost /payments\nPOST/payments/{id}/refunds", report.Position{File: "cfg.yml", Line: 7, Column: 7})
	endpoints, duplicates, err := config.ParseEndpoints(values)
	for _, e := range endpoints {
		fmt.Println("endpoint:", e)
	}
	for _, d := range duplicates {
		fmt.Println("warning:", d.Endpoint.Pos, d.Message())
	}
	for _, e := range config.Errors(err) {
		fmt.Println("error:", e)
	}
	// Output:
	// endpoint: POST /payments
	// warning: cfg.yml:8:7 endpoint "post /payments" is declared twice (first at cfg.yml:7:7); the repeat is ignored, remove it
	// error: cfg.yml:9:7: endpoint "POST/payments/{id}/refunds" needs a space between the method and the path; write "POST /payments/{id}/refunds"
}

func ExampleParse() {
	data := []byte(`version: 1
credentials:
  - name: payments-service
    secret-key-env: CKO_SECRET_KEY
    endpoints: |
      POST /payments
      POST /payments/{id}/refunds
`)
	f, err := config.Parse(".github/checkout-preflight.yml", data)
	if err != nil {
		fmt.Println(err)
		return
	}
	c := f.Credentials[0]
	fmt.Println(c.Name.Text, "reads", c.EnvNames()[0].Text)
	for _, e := range c.Endpoints {
		fmt.Println(e.Pos, e.Text)
	}
	// Output:
	// payments-service reads CKO_SECRET_KEY
	// .github/checkout-preflight.yml:6:7 POST /payments
	// .github/checkout-preflight.yml:7:7 POST /payments/{id}/refunds
}

func ExampleParse_errors() {
	data := []byte(`version: 1
credentials:
  - name: payments-service
    secret-key-env: CKO_SECRET_KEY
    endpoint: POST /payments
  - name: payments-service
    client-id-env: CKO_CLIENT_ID
    environment: live
`)
	_, err := config.Parse("cfg.yml", data)
	for _, e := range config.Errors(err) {
		fmt.Println(e)
	}
	// Output:
	// cfg.yml:5:5: unknown key "endpoint" in credential "payments-service"; did you mean "endpoints"? valid keys are name, secret-key-env, client-id-env, client-secret-env, public-key-env, environment, endpoints, scopes, discover, prefix
	// cfg.yml:6:11: credential name "payments-service" is already used on line 3; give each credential a name of its own
	// cfg.yml:7:20: credential "payments-service" has "client-id-env" but no "client-secret-env"; add the name of the variable that holds the client secret
	// cfg.yml:8:18: environment "live" is not one of "auto", "sandbox" or "production"
}

func ExampleLocateInput() {
	workflow := []byte(`on: push
jobs:
  preflight:
    runs-on: ubuntu-latest
    steps:
      - uses: checkout-preflight/checkout-preflight@v1
        with:
          endpoints: |
            POST /payments
            FETCH /disputes
`)
	path := config.WorkflowFile("acme/shop/.github/workflows/ci.yml@refs/heads/main")
	origin, ok := config.LocateInput(path, workflow, "endpoints")
	if !ok {
		return
	}
	// The value the action received in INPUT_ENDPOINTS.
	value := "POST /payments\nFETCH /disputes\n"
	_, _, err := config.ParseEndpoints(config.SplitList(value, origin))
	fmt.Println(err)
	// Output:
	// .github/workflows/ci.yml:10:13: endpoint "FETCH /disputes" has unknown method "FETCH"; use GET, POST, PUT, PATCH or DELETE
}
