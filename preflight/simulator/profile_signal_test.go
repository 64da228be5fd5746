package simulator

import (
	"slices"
	"testing"
)

func TestInsufficientScopeSignals(t *testing.T) {
	t.Parallel()
	refunds := "/payments/pay_x/refunds"
	const (
		refundsChallenge = `Bearer error="insufficient_scope", scope="gateway:payment-refunds"`
		forbiddenBody    = `{"request_id":"RID","error_type":"forbidden","error_codes":["operation_not_allowed_for_scope"]}` + "\n"
		unauthorizedBody = `{"request_id":"RID","error_type":"unauthorized"}` + "\n"
	)
	forbidden := ErrorBody{ErrorType: "forbidden", ErrorCodes: []string{"operation_not_allowed_for_scope"}}
	unauthorized := ErrorBody{ErrorType: "unauthorized"}
	runProfileGroups(t, []profileGroup{
		{name: "default bodies are empty", opts: Options{MissingScopeStatus: 401}, cases: []profileCase{
			{"missing scope", bearer(keyNoRefunds), "POST", refunds, "[]", profileAnswer{Status: 401, Rule: RuleMissingScope, Credential: "no-refunds"}},
			{"unknown key", bearer(keyUnknown), "POST", refunds, "[]", profileAnswer{Status: 401}},
		}},
		{name: "challenge on 403", opts: Options{MissingScopeChallenge: true}, cases: []profileCase{
			{"key", bearer(keyNoRefunds), "POST", refunds, "[]", profileAnswer{Status: 403, Challenge: refundsChallenge, Rule: RuleMissingScope, Credential: "no-refunds"}},
			{"token", sessionsToken, "GET", "/disputes", "", profileAnswer{Status: 403, Challenge: `Bearer error="insufficient_scope", scope="disputes:view"`, Rule: RuleMissingScope, Credential: "oauth-sessions"}},
			{"scope of both schemes", bearer(keyNoRefunds), "POST", "/accounts/entities", `{"a":1}`, profileAnswer{Status: 403, Challenge: `Bearer error="insufficient_scope", scope="accounts"`, Rule: RuleMissingScope, Credential: "no-refunds"}},
			{"kind not accepted: no scope", bearer(keyFull), "POST", "/tokens", "[]", profileAnswer{Status: 403, Challenge: `Bearer error="insufficient_scope"`, Rule: RuleMissingScope, Credential: "full"}},
			{"restricted: none", bearer(keyRestricted), "POST", refunds, "[]", profileAnswer{Status: 403, Credential: "restricted"}},
			{"unknown key: none", bearer(keyUnknown), "POST", refunds, "[]", profileAnswer{Status: 401}},
		}},
		{name: "JSON 401s told apart", opts: Options{MissingScopeStatus: 401, MissingScopeBody: forbidden, MissingScopeChallenge: true, UnknownKeyBody: unauthorized}, cases: []profileCase{
			{"missing scope", bearer(keyNoRefunds), "POST", refunds, "[]", profileAnswer{Status: 401, Body: forbiddenBody, Challenge: refundsChallenge, Rule: RuleMissingScope, Credential: "no-refunds"}},
			{"unknown key", bearer(keyUnknown), "POST", refunds, "[]", profileAnswer{Status: 401, Body: unauthorizedBody, Rule: RuleUnknownKey}},
			{"revoked key", bearer(keyRevoked), "POST", refunds, "[]", profileAnswer{Status: 401, Body: unauthorizedBody, Rule: RuleUnknownKey, Credential: "revoked"}},
			{"public key refused", bearer(keyPublic), "GET", "/payments", "", profileAnswer{Status: 401, Body: unauthorizedBody, Rule: RuleUnknownKey, Credential: "public"}},
			{"restricted stays empty", bearer(keyRestricted), "POST", refunds, "[]", profileAnswer{Status: 403, Credential: "restricted"}},
		}},
		{name: "body on 403", opts: Options{MissingScopeBody: forbidden}, cases: []profileCase{
			{"missing scope", bearer(keyNoRefunds), "POST", refunds, "[]", profileAnswer{Status: 403, Body: forbiddenBody, Rule: RuleMissingScope, Credential: "no-refunds"}},
		}},
		{name: "explicit 403 is the default", opts: Options{MissingScopeStatus: 403}, cases: []profileCase{
			{"missing scope", bearer(keyNoRefunds), "POST", refunds, "[]", profileAnswer{Status: 403, Credential: "no-refunds"}},
		}},
		{name: "unknown-key challenge", opts: Options{UnknownKeyChallenge: true}, cases: []profileCase{
			{"unknown key", bearer(keyUnknown), "GET", "/payments", "", profileAnswer{Status: 401, Challenge: `Bearer error="invalid_token"`, Rule: RuleUnknownKey}},
			{"no credential", "", "GET", "/payments", "", profileAnswer{Status: 401, Challenge: "Bearer", Rule: RuleUnknownKey}},
			{"missing scope: none", bearer(keyNoRefunds), "POST", refunds, "[]", profileAnswer{Status: 403, Credential: "no-refunds"}},
		}},
	})
}

func TestPublicKeys(t *testing.T) {
	t.Parallel()
	card := `{"type":"card","number":"4242424242424242","expiry_month":6,"expiry_year":2030}`
	created := profileAnswer{Status: 201, Body: `{"id":"ID"}` + "\n", SideEffect: true}
	named := func(a profileAnswer, name, rule string) profileAnswer { a.Credential, a.Rule = name, rule; return a }
	invalid := func(codes ...string) profileAnswer { return profileAnswer{Status: 422, Body: bodyInvalid(codes...)} }
	toolCases := []profileCase{
		{"tool's body", bearer(keyPublic), "POST", "/tokens", "[]", named(invalid(codeBodyInvalid), "public", "")},
		{"empty object", bearer(keyPublic), "POST", "/tokens", "{}", named(invalid(codeBodyEmpty), "public", "")},
		{"previous platform, raw", keyPublicPrevious, "POST", "/tokens", "[]", named(invalid(codeBodyInvalid), "public-previous", "")},
		{"previous platform with Bearer", bearer(keyPublicPrevious), "POST", "/tokens", "[]", profileAnswer{Status: 401, Credential: "public-previous"}},
		{"current platform, raw", keyPublic, "POST", "/tokens", "[]", profileAnswer{Status: 401, Credential: "public"}},
		{"revoked", bearer(keyPublicRevoked), "POST", "/tokens", "[]", profileAnswer{Status: 401, Credential: "public-revoked"}},
		{"unknown", bearer("pk_sbox_nobodyaaaaaaaaaaaaaaaaaaaa7"), "POST", "/tokens", "[]", profileAnswer{Status: 401}},
		{"elsewhere", bearer(keyPublic), "GET", "/payments/pay_x", "", profileAnswer{Status: 401, Credential: "public"}},
	}
	runProfileGroups(t, []profileGroup{
		{name: "default", cases: slices.Concat(toolCases, []profileCase{
			{"no card data creates", bearer(keyPublic), "POST", "/tokens", `{"type":"card"}`, named(created, "public", "")},
		})},
		{name: "token requests validated", opts: Options{ValidateTokenRequests: true}, cases: slices.Concat(toolCases, []profileCase{
			{"no card data", bearer(keyPublic), "POST", "/tokens", `{"type":"card"}`, named(invalid("number_required", "expiry_month_required", "expiry_year_required"), "public", RuleTokenRequest)},
			{"null number", bearer(keyPublic), "POST", "/tokens", `{"type":"card","number":null,"expiry_month":6,"expiry_year":2030}`, named(invalid("number_required"), "public", RuleTokenRequest)},
			{"no type", bearer(keyPublic), "POST", "/tokens", `{"number":"4242"}`, named(invalid("type_required"), "public", RuleTokenRequest)},
			{"unknown type", bearer(keyPublic), "POST", "/tokens", `{"type":"cash"}`, named(invalid("type_invalid"), "public", RuleTokenRequest)},
			{"non-string type", bearer(keyPublic), "POST", "/tokens", `{"type":1}`, named(invalid("type_invalid"), "public", RuleTokenRequest)},
			{"wallet without token data", bearer(keyPublic), "POST", "/tokens", `{"type":"applepay"}`, named(invalid("token_data_required"), "public", RuleTokenRequest)},
			{"unknown key, card data", bearer("pk_sbox_nobodyaaaaaaaaaaaaaaaaaaaa7"), "POST", "/tokens", card, profileAnswer{Status: 401}},
			{"card data creates", bearer(keyPublic), "POST", "/tokens", card, named(created, "public", "")},
			{"other creates untouched", bearer(keyFull), "POST", "/payments", `{"type":"card"}`, named(created, "full", "")},
		})},
		{name: "validated before auth", opts: Options{ValidateTokenRequests: true, ValidateBeforeAuth: []string{"POST /tokens"}}, cases: []profileCase{
			{"unknown key, no card data", bearer("pk_sbox_nobodyaaaaaaaaaaaaaaaaaaaa7"), "POST", "/tokens", `{"type":"card"}`,
				profileAnswer{Status: 422, Body: bodyInvalid("number_required", "expiry_month_required", "expiry_year_required"), Rule: RuleValidateBeforeAuth}},
			{"unknown key, tool's body", bearer("pk_sbox_nobodyaaaaaaaaaaaaaaaaaaaa7"), "POST", "/tokens", "[]", profileAnswer{Status: 422, Body: bodyInvalid(codeBodyInvalid), Rule: RuleValidateBeforeAuth}},
		}},
	})
}
