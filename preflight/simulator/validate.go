package simulator

import (
	"bytes"
	"encoding/json"
	"net/http"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
)

// validationError is the body of a 422 answer, as Checkout.com writes it
// (and, with error_type operation_not_allowed, of a business-rule 403).
type validationError struct {
	RequestID  string   `json:"request_id"`
	ErrorType  string   `json:"error_type"`
	ErrorCodes []string `json:"error_codes"`
}

// Error codes of 422 answers.
const (
	codeBodyRequired  = "request_body_required"  // empty body
	codeBodyMalformed = "request_body_malformed" // not JSON, or too large
	codeBodyInvalid   = "request_body_invalid"   // JSON, but not an object
	codeBodyEmpty     = "request_body_empty"     // {}
)

// invalid is a 422 request_invalid answer with codes.
func invalid(requestID string, codes []string, rule string) response {
	resp := jsonResponse(http.StatusUnprocessableEntity, validationError{
		RequestID: requestID, ErrorType: "request_invalid", ErrorCodes: codes,
	})
	resp.rule = rule
	return resp
}

// bodyCodes returns the error codes of a 422 answer to body (read with
// readErr) for op, or nil when the body is valid. token reports that only
// Options.ValidateTokenRequests found fault with it.
func (s *Server) bodyCodes(op catalog.Operation, body []byte, readErr error) (codes []string, token bool) {
	if code := validateBody(body, readErr); code != "" {
		return []string{code}, false
	}
	if s.opts.ValidateTokenRequests && op.Method == http.MethodPost && op.Path == "/tokens" {
		codes = tokenRequestCodes(body)
	}
	return codes, codes != nil
}

// validateBody returns "" when body (read with readErr) is a valid create
// request: a JSON object with at least one member. Otherwise it returns
// the error code to answer.
func validateBody(body []byte, readErr error) string {
	if readErr != nil {
		return codeBodyMalformed
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return codeBodyRequired
	}
	if !json.Valid(body) {
		return codeBodyMalformed
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(body, &obj) != nil || obj == nil {
		return codeBodyInvalid
	}
	if len(obj) == 0 {
		return codeBodyEmpty
	}
	return ""
}

// tokenRequestCodes checks a JSON object (validateBody accepted it) against
// the OpenAPI TokenRequest: a "type" of card (with number, expiry_month and
// expiry_year), googlepay or applepay (with token_data). It returns the
// error codes, "<member>_required" or "type_invalid", or nil when valid.
func tokenRequestCodes(body []byte) []string {
	var req map[string]json.RawMessage
	if json.Unmarshal(body, &req) != nil {
		return []string{codeBodyInvalid}
	}
	present := func(name string) bool {
		v, ok := req[name]
		return ok && !bytes.Equal(bytes.TrimSpace(v), []byte("null"))
	}
	if !present("type") {
		return []string{"type_required"}
	}
	var typ string
	json.Unmarshal(req["type"], &typ) //nolint:errcheck // a non-string type is "" and invalid
	var need []string
	switch typ {
	case "card":
		need = []string{"number", "expiry_month", "expiry_year"}
	case "googlepay", "applepay":
		need = []string{"token_data"}
	default:
		return []string{"type_invalid"}
	}
	var codes []string
	for _, name := range need {
		if !present(name) {
			codes = append(codes, name+"_required")
		}
	}
	return codes
}
