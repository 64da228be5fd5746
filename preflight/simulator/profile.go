package simulator

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
)

// opSet is a resolved operation list of Options: the names
// (catalog.Operation.String) of the operations it selects. Nil selects none.
type opSet map[string]bool

func (s opSet) has(op catalog.Operation) bool { return s[op.String()] }

// profiles are the operation lists of Options, resolved against the catalog.
type profiles struct {
	businessRule    opSet // BusinessRule403
	validateFirst   opSet // ValidateBeforeAuth
	lookupFirst     opSet // LookupBeforeAuth, without businessRule
	lookupAfterAuth opSet // LookupBeforeScope, without businessRule
}

// resolveProfiles resolves o's operation lists against ops. It panics on an
// entry that names no operation, or one the option cannot apply to.
func resolveProfiles(o Options, ops []catalog.Operation) profiles {
	documented := func(op catalog.Operation) bool { _, ok := businessRuleCodes()[shapeOf(op)]; return ok }
	p := profiles{
		businessRule:    resolveOps("BusinessRule403", o.BusinessRule403, ops, hasParams, documented),
		validateFirst:   resolveOps("ValidateBeforeAuth", o.ValidateBeforeAuth, ops, isWrite, isWrite),
		lookupFirst:     resolveOps("LookupBeforeAuth", o.LookupBeforeAuth, ops, hasParams, hasParams),
		lookupAfterAuth: resolveOps("LookupBeforeScope", o.LookupBeforeScope, ops, hasParams, hasParams),
	}
	for name := range p.businessRule {
		delete(p.lookupFirst, name)
		delete(p.lookupAfterAuth, name)
	}
	return p
}

// resolveOps resolves the list of Options field: AllOperations selects the
// operations for which all is true, any other entry the operations of that
// name, each of which must satisfy applies.
func resolveOps(field string, list []string, ops []catalog.Operation, applies, all func(catalog.Operation) bool) opSet {
	if len(list) == 0 {
		return nil
	}
	set := opSet{}
	for _, entry := range list {
		if strings.TrimSpace(entry) == AllOperations {
			for _, op := range ops {
				if applies(op) && all(op) {
					set[op.String()] = true
				}
			}
			continue
		}
		found := false
		for _, op := range ops {
			if !sameOperation(entry, op) {
				continue
			}
			if !applies(op) {
				panic(fmt.Sprintf("simulator: Options.%s: %q: %s", field, entry, notApplicable(field)))
			}
			found = true
			set[op.String()] = true
		}
		if !found {
			panic(fmt.Sprintf("simulator: Options.%s: %q names no operation of the catalog", field, entry))
		}
	}
	return set
}

func notApplicable(field string) string {
	if field == "ValidateBeforeAuth" {
		return "not a POST, PUT or PATCH operation"
	}
	return "the operation has no path parameter"
}

// sameOperation reports whether entry ("METHOD /template") names op: the
// method compares case-insensitively, the template exactly.
func sameOperation(entry string, op catalog.Operation) bool {
	m, p, _ := strings.Cut(strings.TrimSpace(entry), " ")
	return strings.EqualFold(m, op.Method) && strings.TrimSpace(p) == op.Path
}

func hasParams(op catalog.Operation) bool { return strings.Contains(op.Path, "{") }

func isWrite(op catalog.Operation) bool {
	switch op.Method {
	case http.MethodPost, http.MethodPut, http.MethodPatch:
		return true
	}
	return false
}

// shapeOf is op's method and template with parameter names erased
// ("POST /payments/{}/refunds"), so that "{id}" and "{paymentId}" compare
// equal.
func shapeOf(op catalog.Operation) string {
	segs := strings.Split(op.Path, "/")
	for i, s := range segs {
		if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") {
			segs[i] = "{}"
		}
	}
	return op.Method + " " + strings.Join(segs, "/")
}

// businessRuleCodes maps the shapes (shapeOf) of the actions Checkout.com
// documents a business-rule 403 for to the error code they answer. Only the
// sessions' code is documented; the others are named after the action.
func businessRuleCodes() map[string]string {
	const sessionState = "update_not_allowed_due_to_state"
	return map[string]string{
		"POST /payments/{}/authorizations":    "authorization_not_allowed",
		"POST /payments/{}/captures":          "capture_not_allowed",
		"POST /payments/{}/refunds":           "refund_not_allowed",
		"POST /payments/{}/voids":             "void_not_allowed",
		"POST /payments/{}/reversals":         "reversal_not_allowed",
		"POST /payments/{}/cancellations":     "cancellation_not_allowed",
		"PUT /sessions/{}/collect-data":       sessionState,
		"POST /sessions/{}/complete":          sessionState,
		"PUT /sessions/{}/issuer-fingerprint": sessionState,
	}
}

// businessRuleCode is the error code of op's business-rule 403.
func businessRuleCode(op catalog.Operation) string {
	if code, ok := businessRuleCodes()[shapeOf(op)]; ok {
		return code
	}
	return "operation_not_allowed"
}
