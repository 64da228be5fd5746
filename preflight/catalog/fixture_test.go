package catalog

import "testing"

// oauth and secret build Requirements tersely.
func oauth(scopes ...string) Requirement { return Requirement{Scheme: SchemeOAuth, Scopes: scopes} }
func secret(scopes ...string) Requirement {
	return Requirement{Scheme: SchemeSecretKey, Scopes: scopes}
}

// fixtureOps is a small catalog shaped like the real one, so that Match can
// be tested without the generated data.
func fixtureOps() []Operation {
	return []Operation{
		{Method: "POST", Path: "/payments", Host: "api", Status: StatusCurrent, Security: []Requirement{oauth("gateway", "gateway:payment"), secret()}},
		{Method: "GET", Path: "/payments/{id}", Host: "api", Status: StatusCurrent, Security: []Requirement{oauth("gateway", "gateway:payment-details"), secret()}},
		{Method: "POST", Path: "/payments/{id}/refunds", Host: "api", Status: StatusCurrent, Security: []Requirement{oauth("gateway", "gateway:payment-refunds"), secret()}},
		{Method: "POST", Path: "/payments/search", Host: "api", Status: StatusSDKOnly},
		{Method: "POST", Path: "/files", Host: "api", Status: StatusCurrent, Security: []Requirement{oauth("disputes", "disputes:provide-evidence"), secret()}},
		{Method: "POST", Path: "/files", Host: "files", Status: StatusCurrent, Security: []Requirement{oauth("files"), secret("files")}},
		{Method: "GET", Path: "/files/{file_id}", Host: "files", Status: StatusCurrent, Security: []Requirement{oauth("files", "files:retrieve"), secret("files")}},
		{Method: "GET", Path: "/transfers/{id}", Host: "transfers", Status: StatusCurrent, Security: []Requirement{oauth("transfers:view")}},
		{Method: "POST", Path: "/connect/token", Host: "access", Status: StatusCurrent},
		{Method: "GET", Path: "/workflows/{workflowId}", Host: "api", Status: StatusCurrent, Security: []Requirement{oauth("flow", "flow:workflows"), secret()}},
		{Method: "PATCH", Path: "/workflows/{workflowId}", Host: "api", Status: StatusCurrent, Security: []Requirement{oauth("flow", "flow:workflows"), secret()}},
		{Method: "DELETE", Path: "/workflows/{workflowId}", Host: "api", Status: StatusCurrent, Security: []Requirement{oauth("flow", "flow:workflows"), secret()}},
		{Method: "GET", Path: "/workflows/event-types", Host: "api", Status: StatusCurrent, Security: []Requirement{oauth("flow", "flow:events"), secret()}},
		{Method: "GET", Path: "/workflows/events/{eventId}/actions/{workflowActionId}", Host: "api", Status: StatusCurrent},
	}
}

func fixtureScopes() []ScopeInfo {
	return []ScopeInfo{
		{Name: "gateway", Description: "Access to all Gateway resources"},
		{Name: "gateway:payment", Parent: "gateway", Description: "Request payments"},
		{Name: "Payment Contexts"},
		{Name: "odd:child", Parent: "legacy"},
	}
}

func fixture(tb testing.TB) *Catalog {
	tb.Helper()
	return New(fixtureOps(), fixtureScopes())
}

// fixtureOp returns the fixture operation with the given method, path and
// host, failing the test if there is none.
func fixtureOp(tb testing.TB, method, path, host string) Operation {
	tb.Helper()
	for _, op := range fixtureOps() {
		if op.Method == method && op.Path == path && op.Host == host {
			return op
		}
	}
	tb.Fatalf("no fixture operation %s %s on %s", method, path, host)
	return Operation{}
}
