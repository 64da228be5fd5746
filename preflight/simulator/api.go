package simulator

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
)

// maxBodyBytes bounds the request body the API routes read.
const maxBodyBytes = 1 << 20

// serveAPI answers a request to an API route, in this order:
//  1. 401, empty body: no, unknown, revoked, expired or mis-sent credential
//     (checked before routing, so unknown paths answer 401 too);
//  2. 404 {"request_id"}: no catalog operation has the path;
//     405, empty body, with Allow: the path is known but not the method;
//  3. 403, empty body: the route is in the credential's Restricted list;
//  4. Options.MissingScopeStatus, empty body: see authorize (a public key
//     on an operation that does not accept one answers 401);
//  5. 404 {"request_id"}: the path names a resource (has a parameter): no
//     resource exists in the simulator;
//  6. collections: GET/HEAD 200 {"data":[]}; DELETE 204 (a side effect);
//     POST/PUT/PATCH 201 {"id"} (a side effect) when the body is a JSON
//     object with at least one member, else 422 request_invalid.
func (s *Server) serveAPI(r *http.Request, t target) response {
	p := s.authenticate(r.Header.Get("Authorization"))
	resp := s.answerAPI(r, t, p)
	resp.credential = p.name()
	return resp
}

func (s *Server) answerAPI(r *http.Request, t target, p principal) response {
	requestID := t.requestID
	if p.via == viaNothing {
		return response{status: http.StatusUnauthorized}
	}
	if t.err != nil {
		var nm *catalog.NoMatchError
		if errors.As(t.err, &nm) && len(nm.Methods) > 0 {
			return response{status: http.StatusMethodNotAllowed, header: http.Header{"Allow": {strings.Join(nm.Methods, ", ")}}}
		}
		return jsonResponse(http.StatusNotFound, map[string]string{"request_id": requestID})
	}
	op := t.match.Operation
	if p.cred.restricted(op.String()) {
		return response{status: http.StatusForbidden}
	}
	switch authorize(p, op) {
	case unauthenticated:
		return response{status: http.StatusUnauthorized}
	case missingScope:
		return response{status: s.opts.MissingScopeStatus}
	}
	if len(t.match.Params) > 0 {
		return jsonResponse(http.StatusNotFound, map[string]string{"request_id": requestID})
	}
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		return jsonResponse(http.StatusOK, map[string][]any{"data": {}})
	case http.MethodDelete:
		return response{status: http.StatusNoContent, sideEffect: true}
	}
	body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxBodyBytes))
	if code := validateBody(body, err); code != "" {
		return jsonResponse(http.StatusUnprocessableEntity, validationError{
			RequestID: requestID, ErrorType: "request_invalid", ErrorCodes: []string{code},
		})
	}
	resp := jsonResponse(http.StatusCreated, map[string]string{"id": newResourceID()})
	resp.sideEffect = true
	return resp
}

// validationError is the body of a 422 answer, as Checkout.com writes it.
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
