package checkout

import (
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReadAnswer(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		status int
		header http.Header
		body   string
		want   Answer
	}{
		{"empty", 401, nil, "", Answer{Status: 401, Body: BodyEmpty}},
		{"spaces", 401, nil, " \n", Answer{Status: 401, Body: BodyEmpty}},
		{"business rule", 403, nil, `{"request_id":"x","error_type":"operation_not_allowed","error_codes":["refund_not_allowed"]}`,
			Answer{Status: 403, Body: BodyJSON, ErrorType: "operation_not_allowed", ErrorCodes: []string{"refund_not_allowed"}}},
		{"hostile codes dropped", 403, nil, `{"error_type":"sk_sbox_SECRET value","error_codes":["ok_code","Bad Code","\u001b[31m",3]}`,
			Answer{Status: 403, Body: BodyJSON, ErrorCodes: []string{"ok_code"}}},
		{"too many codes", 422, nil, `{"error_codes":["a","b","c","d","e","f","g","h","i","j"]}`,
			Answer{Status: 422, Body: BodyJSON, ErrorCodes: []string{"a", "b", "c", "d", "e", "f", "g", "h"}}},
		{"broken JSON", 422, nil, `{"error_type":`, Answer{Status: 422, Body: BodyOther}},
		{"html", 403, nil, "<html>blocked</html>", Answer{Status: 403, Body: BodyOther}},
		{"challenge", 401, http.Header{"Www-Authenticate": {`Basic realm="x"`, `Bearer realm="api", error="insufficient_scope", scope="gateway"`}}, "",
			Answer{Status: 401, Body: BodyEmpty, Challenge: "insufficient_scope"}},
		{"hostile challenge", 401, http.Header{"Www-Authenticate": {`Bearer error="sk_sbox_abc def"`}}, "", Answer{Status: 401, Body: BodyEmpty}},
		{"code too long", 403, nil, `{"error_type":"` + strings.Repeat("a", 65) + `"}`, Answer{Status: 403, Body: BodyJSON}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, readAnswer(tt.status, tt.header, []byte(tt.body))); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestEvidenceByShape(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a    Answer
		row  string
		want Outcome
	}{
		{Answer{Status: 403, Body: BodyJSON, ErrorType: "operation_not_allowed"}, "business-rule", OutcomeAuthorized},
		{Answer{Status: 403, Body: BodyJSON, ErrorCodes: []string{"update_not_allowed_due_to_state"}}, "business-rule", OutcomeAuthorized},
		{Answer{Status: 403, Body: BodyJSON, ErrorCodes: []string{"void_not_allowed"}}, "business-rule", OutcomeAuthorized},
		{Answer{Status: 401, Body: BodyJSON, ErrorCodes: []string{"void_not_allowed"}}, "unauthorized", OutcomeUnauthenticated},
		{Answer{Status: 403, Body: BodyEmpty, Challenge: "insufficient_scope"}, "insufficient-scope", OutcomeScopeRefused},
		{Answer{Status: 401, Body: BodyJSON, ErrorType: "forbidden"}, "permission-refused", OutcomeScopeRefused},
		{Answer{Status: 403, Body: BodyJSON, ErrorType: "operation_not_allowed", ErrorCodes: []string{"insufficient_scope"}}, "permission-refused", OutcomeScopeRefused},
		{Answer{Status: 401, Body: BodyJSON, ErrorType: "unauthorized"}, "unauthorized", OutcomeUnauthenticated},
		{Answer{Status: 403, Body: BodyOther}, "forbidden", OutcomeForbidden},
	}
	for _, tt := range tests {
		r := Evidence("POST", tt.a)
		if r.ID != tt.row || outcomeOf(r, tt.a) != tt.want {
			t.Errorf("%+v: row %q outcome %q, want %q %q", tt.a, r.ID, outcomeOf(r, tt.a), tt.row, tt.want)
		}
	}
}

// TestEvidenceRowsAreDistinct checks the table's own rules: unique ids, a
// source for every row, and a last row that matches everything.
func TestEvidenceRowsAreDistinct(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	rows := EvidenceRows()
	for _, r := range rows {
		if seen[r.ID] || r.ID == "" || r.When == "" || r.Source == "" || r.Meaning == "" {
			t.Errorf("row %+v is incomplete or repeated", r)
		}
		seen[r.ID] = true
	}
	if !rows[len(rows)-1].match("GET", Answer{Status: 299}) {
		t.Error("the last row does not match everything")
	}
}
