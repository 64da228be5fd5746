package simulator

import (
	"encoding/json"
	"slices"
	"testing"
)

// FuzzTokenRequestCodes checks tokenRequestCodes against a plain reading
// of the OpenAPI TokenRequest: valid exactly when "type" is card with
// non-null number, expiry_month and expiry_year, or a wallet with non-null
// token_data.
func FuzzTokenRequestCodes(f *testing.F) {
	for _, seed := range []string{`{"a":1}`, `{"type":"card"}`, `{"type":"card","number":"4","expiry_month":1,"expiry_year":2030}`,
		`{"type":"googlepay","token_data":{}}`, `{"type":"applepay","token_data":null}`, `{"type":null}`, `{"type":["card"]}`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		if validateBody(body, nil) != "" {
			return // tokenRequestCodes only sees bodies validateBody accepts
		}
		codes := tokenRequestCodes(body)
		var req map[string]any
		if err := json.Unmarshal(body, &req); err != nil {
			t.Fatalf("validateBody accepted %q, which does not unmarshal: %v", body, err)
		}
		has := func(names ...string) bool {
			return !slices.ContainsFunc(names, func(n string) bool { return req[n] == nil })
		}
		var valid bool
		switch req["type"] {
		case "card":
			valid = has("number", "expiry_month", "expiry_year")
		case "googlepay", "applepay":
			valid = has("token_data")
		}
		if (codes == nil) != valid {
			t.Errorf("tokenRequestCodes(%q) = %q, but valid by the schema: %v", body, codes, valid)
		}
		for _, c := range codes {
			if c == "" {
				t.Errorf("tokenRequestCodes(%q) holds an empty code", body)
			}
		}
	})
}
