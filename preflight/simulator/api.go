package simulator

import (
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
)

// maxBodyBytes bounds the request body the API routes read.
const maxBodyBytes = 1 << 20

// serveAPI answers a request to an API route, in this order (the steps in
// brackets are profile options, off by default):
//  1. [ValidateBeforeAuth] 422 request_invalid: a listed write whose body
//     is not a JSON object with a member;
//  2. [LookupBeforeAuth] 404 {"request_id"}: a listed path with a parameter;
//  3. 401 (Options.UnknownKeyBody): no, unknown, revoked, expired or
//     mis-sent credential (checked before routing, so unknown paths answer
//     401 too);
//  4. 404 {"request_id"}: no catalog operation has the path;
//     405, empty body, with Allow: the path is known but not the method;
//  5. [LookupBeforeScope] 404 {"request_id"}: a listed path with a
//     parameter, unless a public key the operation refuses sent it;
//  6. 403, empty body: the route is in the credential's Restricted list;
//  7. Options.MissingScopeStatus (MissingScopeBody): see authorize; a
//     public key on an operation that does not accept one answers 401 as
//     in step 3;
//  8. [BusinessRule403] 403 operation_not_allowed: a listed operation;
//  9. 404 {"request_id"}: the path names a resource (has a parameter): no
//     resource exists in the simulator;
//  10. collections: GET/HEAD 200 {"data":[]}; DELETE 204 (a side effect);
//     POST/PUT/PATCH 201 {"id"} (a side effect) when the body is a JSON
//     object with at least one member (and, with ValidateTokenRequests, a
//     valid token request), else 422 request_invalid.
func (s *Server) serveAPI(r *http.Request, t target) response {
	p := s.authenticate(r.Header.Get("Authorization"))
	body := sync.OnceValues(func() ([]byte, error) {
		return io.ReadAll(http.MaxBytesReader(nil, r.Body, maxBodyBytes))
	})
	resp := s.answerAPI(r, t, p, body)
	resp.credential = p.name()
	return resp
}

func (s *Server) answerAPI(r *http.Request, t target, p principal, body func() ([]byte, error)) response {
	requestID := t.requestID
	op := t.match.Operation
	if t.err == nil && s.prof.validateFirst.has(op) {
		b, err := body()
		if codes, _ := s.bodyCodes(op, b, err); codes != nil {
			return invalid(requestID, codes, RuleValidateBeforeAuth)
		}
	}
	if t.err == nil && s.prof.lookupFirst.has(op) {
		return notFound(requestID, RuleLookupBeforeAuth)
	}
	if p.via == viaNothing {
		return s.unknownKey(r, requestID)
	}
	if t.err != nil {
		var nm *catalog.NoMatchError
		if errors.As(t.err, &nm) && len(nm.Methods) > 0 {
			return response{status: http.StatusMethodNotAllowed, header: http.Header{"Allow": {strings.Join(nm.Methods, ", ")}}}
		}
		return notFound(requestID, "")
	}
	refusedPublicKey := p.via == viaPublicKey && !accepts(op, catalog.SchemePublicKey)
	if s.prof.lookupAfterAuth.has(op) && !refusedPublicKey {
		return notFound(requestID, RuleLookupBeforeScope)
	}
	if p.cred.restricted(op.String()) {
		return response{status: http.StatusForbidden}
	}
	switch v, scopes := authorize(p, op); v {
	case unauthenticated:
		return s.unknownKey(r, requestID)
	case missingScope:
		return s.missingScope(scopes, requestID)
	}
	if s.prof.businessRule.has(op) {
		return businessRule(op, requestID)
	}
	if len(t.match.Params) > 0 {
		return notFound(requestID, "")
	}
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		return jsonResponse(http.StatusOK, map[string][]any{"data": {}})
	case http.MethodDelete:
		return response{status: http.StatusNoContent, sideEffect: true}
	}
	b, err := body()
	if codes, token := s.bodyCodes(op, b, err); codes != nil {
		rule := ""
		if token {
			rule = RuleTokenRequest
		}
		return invalid(requestID, codes, rule)
	}
	resp := jsonResponse(http.StatusCreated, map[string]string{"id": newResourceID()})
	resp.sideEffect = true
	return resp
}
