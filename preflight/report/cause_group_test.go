package report

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCauses(t *testing.T) {
	t.Parallel()
	at := func(line int) *Position { return &Position{File: "f.yml", Line: line} }
	refused := func(ep, scope string, line int) Check {
		return Check{ID: CheckEndpointAuthorized, Status: StatusFail, Credential: "svc", Endpoint: ep,
			Title: "Refused: " + ep, Message: "403 to " + ep, Remedy: "add " + scope, Scope: scope, Position: at(line)}
	}
	checks := []Check{
		{ID: CheckConfig, Status: StatusFail, Title: "Unknown endpoint: GET /paymnts", Message: "a", Remedy: "fix", Position: at(1)},
		{ID: CheckConfig, Status: StatusFail, Title: "Unknown endpoint: GET /dispts", Message: "b", Remedy: "fix", Position: at(2)},
		{ID: CheckCredentialActive, Status: StatusPass, Credential: "svc"},
		refused("POST /payments/{id}/refunds", "gateway:payment-refunds", 10),
		refused("POST /payments/{id}/voids", "gateway:payment-voids", 11),
		refused("GET /payments/{id}/actions", "gateway:payment-refunds", 12),
		{ID: CheckEgressHostedRunner, Status: StatusWarn, Title: "w", Message: "w"},
		{ID: CheckScopesGranted, Status: StatusFail, Credential: "bot", Title: "Missing scopes", Message: `not granted "disputes:view"`, Remedy: "add it"},
		{ID: CheckEndpointAuthorized, Status: StatusFail, Credential: "bot", Endpoint: "GET /disputes", Scope: "disputes:view", Title: "t", Message: "m", Remedy: "r"},
		{ID: CheckCodeUsed, Status: StatusNotice, Credential: "svc", Endpoint: "GET /x", Title: "n", Message: "n"},
	}
	type cause struct {
		Status           Status
		Title, Message   string
		Findings         []int
		PositionsCounted int
	}
	var got []cause
	for _, c := range Causes(checks) {
		got = append(got, cause{c.Status, c.Title, c.Message, c.Findings, len(c.Positions)})
	}
	want := []cause{
		{StatusFail, "Unknown endpoint: GET /paymnts", "a", []int{0}, 1},
		{StatusFail, "Unknown endpoint: GET /dispts", "b", []int{1}, 1},
		{StatusFail, "Missing scope gateway:payment-refunds (svc)", "2 endpoints that need gateway:payment-refunds were refused: POST /payments/{id}/refunds, GET /payments/{id}/actions", []int{3, 5}, 2},
		{StatusFail, "Refused: POST /payments/{id}/voids", "403 to POST /payments/{id}/voids", []int{4}, 1},
		{StatusFail, "Missing scopes", `not granted "disputes:view"`, []int{7, 8}, 0},
		{StatusWarn, "w", "w", []int{6}, 0},
		{StatusNotice, "n", "n", []int{9}, 0},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("causes (-want +got):\n%s", diff)
	}
	if got := Causes([]Check{{ID: CheckConfig, Status: StatusPass}}); len(got) != 0 {
		t.Errorf("a passing run has causes: %+v", got)
	}
}
