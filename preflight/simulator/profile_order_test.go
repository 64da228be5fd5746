package simulator

import "testing"

// bearer is an Authorization value for key.
func bearer(key string) string { return "Bearer " + key }

func TestBusinessRule403(t *testing.T) {
	t.Parallel()
	refunds, captures := "/payments/pay_x/refunds", "/payments/pay_x/captures"
	all := Options{BusinessRule403: []string{AllOperations}}
	runProfileGroups(t, []profileGroup{
		{name: "all documented actions", opts: all, cases: []profileCase{
			{"refund, authorised", bearer(keyFull), "POST", refunds, "[]", profileAnswer{Status: 403, Body: bodyNotAllowed("refund_not_allowed"), Rule: RuleBusinessRule, Credential: "full"}},
			{"capture, authorised", bearer(keyFull), "POST", captures, "[]", profileAnswer{Status: 403, Body: bodyNotAllowed("capture_not_allowed"), Rule: RuleBusinessRule, Credential: "full"}},
			{"void, authorised", bearer(keyFull), "POST", "/payments/pay_x/voids", "[]", profileAnswer{Status: 403, Body: bodyNotAllowed("void_not_allowed"), Rule: RuleBusinessRule, Credential: "full"}},
			{"reversal, unknown security", bearer(keyNoRefunds), "POST", "/payments/pay_x/reversals", "[]", profileAnswer{Status: 403, Body: bodyNotAllowed("reversal_not_allowed"), Rule: RuleBusinessRule, Credential: "no-refunds"}},
			{"cancellation, previous platform", keyPrevious, "POST", "/payments/pay_x/cancellations", "[]", profileAnswer{Status: 403, Body: bodyNotAllowed("cancellation_not_allowed"), Rule: RuleBusinessRule, Credential: "previous"}},
			{"session update, token", sessionsToken, "PUT", "/sessions/sid_x/collect-data", "[]", profileAnswer{Status: 403, Body: bodyNotAllowed("update_not_allowed_due_to_state"), Rule: RuleBusinessRule, Credential: "oauth-sessions"}},
			{"missing scope comes first", bearer(keyNoRefunds), "POST", refunds, "[]", profileAnswer{Status: 403, Credential: "no-refunds"}},
			{"token without the scope", sessionsToken, "POST", refunds, "[]", profileAnswer{Status: 403, Credential: "oauth-sessions"}},
			{"restriction comes first", bearer(keyRestricted), "POST", refunds, "[]", profileAnswer{Status: 403, Credential: "restricted"}},
			{"unknown key", bearer(keyUnknown), "POST", refunds, "[]", profileAnswer{Status: 401}},
			{"revoked key", bearer(keyRevoked), "POST", refunds, "[]", profileAnswer{Status: 401, Credential: "revoked"}},
			{"not an action", bearer(keyFull), "GET", "/payments/pay_x", "", profileAnswer{Status: 404, Body: bodyNotFound, Credential: "full"}},
			{"collection untouched", bearer(keyFull), "POST", "/payments", "[]", profileAnswer{Status: 422, Body: bodyInvalid(codeBodyInvalid), Credential: "full"}},
		}},
		{name: "listed only", opts: Options{BusinessRule403: []string{"post /payments/{id}/refunds"}}, cases: []profileCase{
			{"listed", bearer(keyFull), "POST", refunds, "[]", profileAnswer{Status: 403, Body: bodyNotAllowed("refund_not_allowed"), Rule: RuleBusinessRule, Credential: "full"}},
			{"not listed", bearer(keyFull), "POST", captures, "[]", profileAnswer{Status: 404, Body: bodyNotFound, Credential: "full"}},
		}},
		{name: "with missing scope 401", opts: Options{BusinessRule403: []string{AllOperations}, MissingScopeStatus: 401}, cases: []profileCase{
			{"authorised", bearer(keyFull), "POST", refunds, "[]", profileAnswer{Status: 403, Body: bodyNotAllowed("refund_not_allowed"), Rule: RuleBusinessRule, Credential: "full"}},
			{"without the scope", bearer(keyNoRefunds), "POST", refunds, "[]", profileAnswer{Status: 401, Rule: RuleMissingScope, Credential: "no-refunds"}},
		}},
		{name: "undocumented action named generically", opts: Options{BusinessRule403: []string{"GET /payments/{id}"}}, cases: []profileCase{
			{"listed", bearer(keyFull), "GET", "/payments/pay_x", "", profileAnswer{Status: 403, Body: bodyNotAllowed("operation_not_allowed"), Rule: RuleBusinessRule, Credential: "full"}},
		}},
	})
}

func TestValidateBeforeAuth(t *testing.T) {
	t.Parallel()
	refunds := "/payments/pay_x/refunds"
	rejected := profileAnswer{Status: 422, Body: bodyInvalid(codeBodyInvalid), Rule: RuleValidateBeforeAuth}
	named := func(a profileAnswer, name string) profileAnswer { a.Credential = name; return a }
	runProfileGroups(t, []profileGroup{
		{name: "all writes", opts: Options{ValidateBeforeAuth: []string{AllOperations}}, cases: []profileCase{
			{"unknown key", bearer(keyUnknown), "POST", "/payments", "[]", rejected},
			{"no credential", "", "POST", refunds, "[]", rejected},
			{"revoked key", bearer(keyRevoked), "POST", refunds, "[]", named(rejected, "revoked")},
			{"key without the scope", bearer(keyNoRefunds), "POST", refunds, "[]", named(rejected, "no-refunds")},
			{"restricted key", bearer(keyRestricted), "POST", refunds, "[]", named(rejected, "restricted")},
			{"authorised key", bearer(keyFull), "POST", refunds, "[]", named(rejected, "full")},
			{"public key on tokens", bearer(keyPublic), "POST", "/tokens", "[]", named(rejected, "public")},
			{"empty body", bearer(keyUnknown), "PUT", "/sessions/sid_x/collect-data", "", profileAnswer{Status: 422, Body: bodyInvalid(codeBodyRequired), Rule: RuleValidateBeforeAuth}},
			{"valid body goes on to auth", bearer(keyUnknown), "POST", refunds, `{"amount":1}`, profileAnswer{Status: 401}},
			{"valid body, no scope", bearer(keyNoRefunds), "POST", refunds, `{"amount":1}`, profileAnswer{Status: 403, Credential: "no-refunds"}},
			{"not a write", bearer(keyUnknown), "GET", "/payments/pay_x", "", profileAnswer{Status: 401}},
			{"unknown path", bearer(keyUnknown), "POST", "/nope", "[]", profileAnswer{Status: 401}},
		}},
		{name: "listed only", opts: Options{ValidateBeforeAuth: []string{"POST /payments"}}, cases: []profileCase{
			{"listed", bearer(keyUnknown), "POST", "/payments", "[]", rejected},
			{"not listed", bearer(keyUnknown), "POST", refunds, "[]", profileAnswer{Status: 401}},
		}},
		{name: "before business rule", opts: Options{ValidateBeforeAuth: []string{AllOperations}, BusinessRule403: []string{AllOperations}}, cases: []profileCase{
			{"tool's body", bearer(keyFull), "POST", refunds, "[]", named(rejected, "full")},
			{"valid body", bearer(keyFull), "POST", refunds, `{"amount":1}`, profileAnswer{Status: 403, Body: bodyNotAllowed("refund_not_allowed"), Rule: RuleBusinessRule, Credential: "full"}},
		}},
	})
}

func TestLookupBeforeAuth(t *testing.T) {
	t.Parallel()
	refunds := "/payments/pay_x/refunds"
	early := profileAnswer{Status: 404, Body: bodyNotFound, Rule: RuleLookupBeforeAuth}
	named := func(a profileAnswer, name string) profileAnswer { a.Credential = name; return a }
	runProfileGroups(t, []profileGroup{
		{name: "all", opts: Options{LookupBeforeAuth: []string{AllOperations}}, cases: []profileCase{
			{"unknown key", bearer(keyUnknown), "GET", "/payments/pay_x", "", early},
			{"no credential", "", "POST", refunds, "[]", early},
			{"key without the scope", bearer(keyNoRefunds), "POST", refunds, "[]", named(early, "no-refunds")},
			{"restricted key", bearer(keyRestricted), "POST", refunds, "[]", named(early, "restricted")},
			{"public key", bearer(keyPublic), "GET", "/payments/pay_x", "", named(early, "public")},
			{"collection", bearer(keyUnknown), "GET", "/payments", "", profileAnswer{Status: 401}},
		}},
		{name: "listed only", opts: Options{LookupBeforeAuth: []string{"GET /payments/{id}"}}, cases: []profileCase{
			{"listed", bearer(keyUnknown), "GET", "/payments/pay_x", "", early},
			{"not listed", bearer(keyUnknown), "POST", refunds, "[]", profileAnswer{Status: 401}},
		}},
		{name: "after validation", opts: Options{LookupBeforeAuth: []string{AllOperations}, ValidateBeforeAuth: []string{AllOperations}}, cases: []profileCase{
			{"tool's body", bearer(keyUnknown), "POST", refunds, "[]", profileAnswer{Status: 422, Body: bodyInvalid(codeBodyInvalid), Rule: RuleValidateBeforeAuth}},
			{"valid body", bearer(keyUnknown), "POST", refunds, `{"amount":1}`, early},
		}},
		{name: "business-rule actions left out", opts: Options{LookupBeforeAuth: []string{AllOperations}, BusinessRule403: []string{AllOperations}}, cases: []profileCase{
			{"action, unknown key", bearer(keyUnknown), "POST", refunds, "[]", profileAnswer{Status: 401}},
			{"action, authorised", bearer(keyFull), "POST", refunds, "[]", profileAnswer{Status: 403, Body: bodyNotAllowed("refund_not_allowed"), Rule: RuleBusinessRule, Credential: "full"}},
			{"other id, unknown key", bearer(keyUnknown), "GET", "/payments/pay_x", "", early},
		}},
	})
}

func TestLookupBeforeScope(t *testing.T) {
	t.Parallel()
	refunds := "/payments/pay_x/refunds"
	early := func(name string) profileAnswer {
		return profileAnswer{Status: 404, Body: bodyNotFound, Rule: RuleLookupBeforeScope, Credential: name}
	}
	runProfileGroups(t, []profileGroup{
		{name: "all", opts: Options{LookupBeforeScope: []string{AllOperations}}, cases: []profileCase{
			{"key without the scope", bearer(keyNoRefunds), "POST", refunds, "[]", early("no-refunds")},
			{"token without the scope", sessionsToken, "POST", refunds, "[]", early("oauth-sessions")},
			{"restricted key", bearer(keyRestricted), "POST", refunds, "[]", early("restricted")},
			{"authorised key", bearer(keyFull), "POST", refunds, "[]", early("full")},
			{"unknown key", bearer(keyUnknown), "POST", refunds, "[]", profileAnswer{Status: 401}},
			{"revoked key", bearer(keyRevoked), "GET", "/payments/pay_x", "", profileAnswer{Status: 401, Credential: "revoked"}},
			{"no credential", "", "GET", "/payments/pay_x", "", profileAnswer{Status: 401}},
			{"public key refused first", bearer(keyPublic), "GET", "/payments/pay_x", "", profileAnswer{Status: 401, Credential: "public"}},
			{"collection", bearer(keyNoRefunds), "GET", "/disputes", "", profileAnswer{Status: 403, Credential: "no-refunds"}},
		}},
		{name: "with missing scope 401", opts: Options{LookupBeforeScope: []string{AllOperations}, MissingScopeStatus: 401}, cases: []profileCase{
			{"key without the scope", bearer(keyNoRefunds), "POST", refunds, "[]", early("no-refunds")},
			{"collection without the scope", bearer(keyNoRefunds), "GET", "/disputes", "", profileAnswer{Status: 401, Rule: RuleMissingScope, Credential: "no-refunds"}},
		}},
		{name: "business-rule actions left out", opts: Options{LookupBeforeScope: []string{AllOperations}, BusinessRule403: []string{AllOperations}}, cases: []profileCase{
			{"action without the scope", bearer(keyNoRefunds), "POST", "/payments/pay_x/captures", "[]", profileAnswer{Status: 403, Credential: "no-refunds"}},
			{"other id", bearer(keyNoRefunds), "GET", "/payments/pay_x", "", early("no-refunds")},
		}},
	})
}
