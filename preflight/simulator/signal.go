package simulator

import (
	"net/http"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
)

// Values of Request.Rule: the profile option of Options that decided or
// shaped an API answer. Rule is empty when none did, i.e. the answer is the
// default behaviour the package documentation lists.
const (
	// RuleValidateBeforeAuth: a 422 from ValidateBeforeAuth, given before
	// the credential was checked.
	RuleValidateBeforeAuth = "validate-before-auth"
	// RuleLookupBeforeAuth: a 404 from LookupBeforeAuth, given before the
	// credential was checked.
	RuleLookupBeforeAuth = "lookup-before-auth"
	// RuleLookupBeforeScope: a 404 from LookupBeforeScope, given after
	// authentication and before restrictions and scopes.
	RuleLookupBeforeScope = "lookup-before-scope"
	// RuleBusinessRule: a 403 operation_not_allowed from BusinessRule403.
	RuleBusinessRule = "business-rule-403"
	// RuleTokenRequest: a 422 from ValidateTokenRequests to a body the
	// default would have accepted.
	RuleTokenRequest = "token-request-invalid"
	// RuleMissingScope: a missing-scope answer that MissingScopeStatus (other
	// than 403), MissingScopeBody or MissingScopeChallenge changed.
	RuleMissingScope = "missing-scope"
	// RuleUnknownKey: a 401 to a request that did not authenticate, which
	// UnknownKeyBody or UnknownKeyChallenge changed.
	RuleUnknownKey = "unknown-key"
)

// errorBodyJSON is how an ErrorBody is written.
type errorBodyJSON struct {
	RequestID  string   `json:"request_id"`
	ErrorType  string   `json:"error_type"`
	ErrorCodes []string `json:"error_codes,omitempty"`
}

// errorAnswer is a status answer with body b (empty when b is zero).
func errorAnswer(status int, b ErrorBody, requestID string) response {
	if b.ErrorType == "" {
		return response{status: status}
	}
	return jsonResponse(status, errorBodyJSON{RequestID: requestID, ErrorType: b.ErrorType, ErrorCodes: b.ErrorCodes})
}

// unknownKey answers a request that does not authenticate.
func (s *Server) unknownKey(r *http.Request, requestID string) response {
	resp := errorAnswer(http.StatusUnauthorized, s.opts.UnknownKeyBody, requestID)
	if s.opts.UnknownKeyChallenge {
		challenge := `Bearer error="invalid_token"`
		if strings.TrimSpace(r.Header.Get("Authorization")) == "" {
			challenge = "Bearer"
		}
		resp.header = http.Header{"Www-Authenticate": {challenge}}
	}
	if s.opts.UnknownKeyChallenge || s.opts.UnknownKeyBody.ErrorType != "" {
		resp.rule = RuleUnknownKey
	}
	return resp
}

// missingScope answers an authenticated request that lacks one of scopes,
// the alternatives the operation accepts (nil when it accepts none).
func (s *Server) missingScope(scopes []string, requestID string) response {
	resp := errorAnswer(s.opts.MissingScopeStatus, s.opts.MissingScopeBody, requestID)
	if s.opts.MissingScopeChallenge {
		challenge := `Bearer error="insufficient_scope"`
		if sc := mostSpecific(scopes); sc != "" {
			challenge += `, scope="` + sc + `"`
		}
		resp.header = http.Header{"Www-Authenticate": {challenge}}
	}
	if s.opts.MissingScopeStatus != http.StatusForbidden || s.opts.MissingScopeChallenge || s.opts.MissingScopeBody.ErrorType != "" {
		resp.rule = RuleMissingScope
	}
	return resp
}

// mostSpecific returns the scope of scopes with the most ':'-separated
// segments, the first on ties, as catalog.Operation.RequiredScope does; ""
// for none.
func mostSpecific(scopes []string) string {
	return catalog.Operation{
		Security: []catalog.Requirement{{Scheme: catalog.SchemeOAuth, Scopes: scopes}},
	}.RequiredScope()
}

// businessRule answers 403 operation_not_allowed for op.
func businessRule(op catalog.Operation, requestID string) response {
	resp := jsonResponse(http.StatusForbidden, validationError{
		RequestID: requestID, ErrorType: "operation_not_allowed", ErrorCodes: []string{businessRuleCode(op)},
	})
	resp.rule = RuleBusinessRule
	return resp
}

// notFound answers 404 {"request_id"} with rule (see Request.Rule).
func notFound(requestID, rule string) response {
	resp := jsonResponse(http.StatusNotFound, map[string]string{"request_id": requestID})
	resp.rule = rule
	return resp
}
