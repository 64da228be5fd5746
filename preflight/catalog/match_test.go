package catalog

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMatch(t *testing.T) {
	t.Parallel()
	c := fixture(t)
	tests := []struct {
		name, method, path string
		wantMethod         string
		wantPath           string // operation path template
		wantHost           string
		wantMatchPath      string
		wantParams         map[string]string
	}{
		{"collection", "POST", "/payments", "POST", "/payments", "api", "/payments", map[string]string{}},
		{"concrete id, lower-case method, trailing slash", "post", "/payments/pay_abc/refunds/", "POST", "/payments/{id}/refunds", "api", "/payments/pay_abc/refunds", map[string]string{"id": "pay_abc"}},
		{"template with another parameter name", "GET", "/payments/{paymentId}", "GET", "/payments/{id}", "api", "/payments/{paymentId}", map[string]string{"id": "{paymentId}"}},
		{"template with the same parameter name", "GET", "/payments/{id}", "GET", "/payments/{id}", "api", "/payments/{id}", map[string]string{"id": "{id}"}},
		{"query string", "GET", "/payments/pay_1?expand=actions", "GET", "/payments/{id}", "api", "/payments/pay_1", map[string]string{"id": "pay_1"}},
		{"fragment", "GET", "/payments/pay_1#top", "GET", "/payments/{id}", "api", "/payments/pay_1", map[string]string{"id": "pay_1"}},
		{"surrounding space and mixed-case method", " gEt ", " /payments/pay_1 ", "GET", "/payments/{id}", "api", "/payments/pay_1", map[string]string{"id": "pay_1"}},
		{"no leading slash", "GET", "payments/pay_1", "GET", "/payments/{id}", "api", "/payments/pay_1", map[string]string{"id": "pay_1"}},
		{"doubled slashes", "POST", "//payments//", "POST", "/payments", "api", "/payments", map[string]string{}},
		{"literal segment case", "POST", "/PAYMENTS", "POST", "/payments", "api", "/PAYMENTS", map[string]string{}},
		{"literal beats parameter", "POST", "/payments/search", "POST", "/payments/search", "api", "/payments/search", map[string]string{}},
		{"literal beats parameter, GET", "GET", "/workflows/event-types", "GET", "/workflows/event-types", "api", "/workflows/event-types", map[string]string{}},
		{"template parameter never takes a literal", "GET", "/workflows/{id}", "GET", "/workflows/{workflowId}", "api", "/workflows/{id}", map[string]string{"workflowId": "{id}"}},
		{"parameter where no literal fits", "GET", "/workflows/wf_x", "GET", "/workflows/{workflowId}", "api", "/workflows/wf_x", map[string]string{"workflowId": "wf_x"}},
		{"two parameters", "GET", "/workflows/events/evt_1/actions/act_2", "GET", "/workflows/events/{eventId}/actions/{workflowActionId}", "api", "/workflows/events/evt_1/actions/act_2", map[string]string{"eventId": "evt_1", "workflowActionId": "act_2"}},
		{"same path on two hosts prefers api", "POST", "/files", "POST", "/files", "api", "/files", map[string]string{}},
		{"files host URL selects files", "POST", "https://files.sandbox.checkout.com/files", "POST", "/files", "files", "/files", map[string]string{}},
		{"production files host URL", "GET", "https://files.checkout.com/files/file_123/", "GET", "/files/{file_id}", "files", "/files/file_123", map[string]string{"file_id": "file_123"}},
		{"only host with the path", "GET", "/transfers/tra_1", "GET", "/transfers/{id}", "transfers", "/transfers/tra_1", map[string]string{"id": "tra_1"}},
		{"api host URL", "GET", "https://api.sandbox.checkout.com/payments/pay_1", "GET", "/payments/{id}", "api", "/payments/pay_1", map[string]string{"id": "pay_1"}},
		{"prefixed api host URL", "POST", "https://{prefix}.api.sandbox.checkout.com/files", "POST", "/files", "api", "/files", map[string]string{}},
		{"merchant prefix host URL with query", "POST", "HTTPS://a1b2c3.API.checkout.com/payments?x=1", "POST", "/payments", "api", "/payments", map[string]string{}},
		{"host with port", "POST", "https://files.checkout.com:443/files", "POST", "/files", "files", "/files", map[string]string{}},
		{"non-checkout host: no preference", "GET", "http://127.0.0.1:8080/files/file_1", "GET", "/files/{file_id}", "files", "/files/file_1", map[string]string{"file_id": "file_1"}},
		{"token endpoint", "POST", "https://access.sandbox.checkout.com/connect/token", "POST", "/connect/token", "access", "/connect/token", map[string]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := c.Match(tt.method, tt.path)
			if err != nil {
				t.Fatalf("Match(%q, %q): %v", tt.method, tt.path, err)
			}
			want := Match{
				Operation: fixtureOp(t, tt.wantMethod, tt.wantPath, tt.wantHost),
				Method:    tt.wantMethod,
				Path:      tt.wantMatchPath,
				Params:    tt.wantParams,
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Match(%q, %q) mismatch (-want +got):\n%s", tt.method, tt.path, diff)
			}
		})
	}
}

func TestMatchNoMatch(t *testing.T) {
	t.Parallel()
	c := fixture(t)
	tests := []struct {
		name, method, path string
		want               string // Error()
		wantTemplate       string
		wantMethods        []string
		wantFirst          string // first suggestion; "" for none
	}{
		{
			name: "typo", method: "GET", path: "/paymnts",
			want:      `no Checkout.com endpoint matches "GET /paymnts"; closest known: GET /payments/{id}, POST /payments`,
			wantFirst: "GET /payments/{id}",
		},
		{
			name: "wrong method, one supported", method: "DELETE", path: "/payments/pay_1",
			want:         `no Checkout.com endpoint matches "DELETE /payments/pay_1"; /payments/{id} supports only GET; closest known: GET /payments/{id}, POST /payments, POST /payments/{id}/refunds`,
			wantTemplate: "/payments/{id}", wantMethods: []string{"GET"}, wantFirst: "GET /payments/{id}",
		},
		{
			name: "wrong method, several supported", method: "PUT", path: "/workflows/wf_1",
			want:         `no Checkout.com endpoint matches "PUT /workflows/wf_1"; /workflows/{workflowId} supports GET, PATCH, DELETE: use one of those methods; closest known: GET /workflows/{workflowId}, PATCH /workflows/{workflowId}, DELETE /workflows/{workflowId}`,
			wantTemplate: "/workflows/{workflowId}", wantMethods: []string{"GET", "PATCH", "DELETE"}, wantFirst: "GET /workflows/{workflowId}",
		},
		{
			name: "literal known only with another method", method: "GET", path: "/payments/search",
			wantTemplate: "/payments/search", wantMethods: []string{"POST"}, wantFirst: "POST /payments/search",
		},
		{
			name: "host without the path", method: "POST", path: "https://transfers.checkout.com/payments",
			wantFirst: "POST /payments",
		},
		{
			name: "unknown checkout.com host", method: "POST", path: "https://www.checkout.com/payments",
			wantFirst: "POST /payments",
		},
		{
			name: "missing method", method: "", path: "/payments",
			wantFirst: "POST /payments",
			want:      `no Checkout.com endpoint matches "/payments"; the method is missing: write it before the path, e.g. "GET /payments/{id}"; closest known: POST /payments, GET /payments/{id}`,
		},
		{
			name: "unrelated path", method: "GET", path: "/xyz/abc",
			want: `no Checkout.com endpoint matches "GET /xyz/abc"`,
		},
		{
			name: "root", method: "GET", path: "/",
			want: `no Checkout.com endpoint matches "GET /"`,
		},
		{
			// Were "{x}" to fit the literal "search", POST /payments/search would match.
			name: "template parameter does not fit a literal", method: "POST", path: "/payments/{x}",
			wantTemplate: "/payments/{id}", wantMethods: []string{"GET"}, wantFirst: "GET /payments/{id}",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := c.Match(tt.method, tt.path)
			var nm *NoMatchError
			if !errors.As(err, &nm) {
				t.Fatalf("Match(%q, %q) error = %v, want a *NoMatchError", tt.method, tt.path, err)
			}
			if tt.want != "" {
				if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
					t.Errorf("Error() mismatch (-want +got):\n%s", diff)
				}
			}
			if diff := cmp.Diff(tt.wantTemplate, nm.Template); diff != "" {
				t.Errorf("Template mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantMethods, nm.Methods); diff != "" {
				t.Errorf("Methods mismatch (-want +got):\n%s", diff)
			}
			first := ""
			if len(nm.Suggestions) > 0 {
				first = nm.Suggestions[0].String()
			}
			if first != tt.wantFirst {
				t.Errorf("first suggestion = %q, want %q (all: %v)", first, tt.wantFirst, nm.Suggestions)
			}
			if len(nm.Suggestions) > maxSuggestions {
				t.Errorf("got %d suggestions, want at most %d", len(nm.Suggestions), maxSuggestions)
			}
			if nm.Path != tt.path {
				t.Errorf("Path = %q, want the input %q", nm.Path, tt.path)
			}
		})
	}
}

func TestMatchEmptyCatalog(t *testing.T) {
	t.Parallel()
	for _, c := range []*Catalog{New(nil, nil), {}} {
		_, err := c.Match("GET", "/payments")
		var nm *NoMatchError
		if !errors.As(err, &nm) || nm.Suggestions != nil {
			t.Errorf("Match on an empty catalog = %v, want a *NoMatchError without suggestions", err)
		}
	}
}

func BenchmarkMatch(b *testing.B) {
	c := Default()
	for b.Loop() {
		if _, err := c.Match("post", "/payments/pay_abc/refunds/"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMatchSuggest(b *testing.B) {
	c := Default()
	for b.Loop() {
		if _, err := c.Match("GET", "/disputes/dsp_1/evidense"); err == nil {
			b.Fatal("want no match")
		}
	}
}

// TestCandidatesHoldEveryMatch: the index Match scans holds, for every
// path, every pattern that fits it, in catalog order: for each operation's
// path with its parameters given as ids, as templates and in upper case.
func TestCandidatesHoldEveryMatch(t *testing.T) {
	t.Parallel()
	c := Default()
	for _, op := range c.ops {
		for _, form := range []func(string) string{
			func(s string) string { return s },
			strings.ToUpper,
			func(s string) string {
				if _, ok := paramName(s); ok {
					return "id_1"
				}
				return s
			},
		} {
			var segs []string
			for _, s := range splitPath(op.Path) {
				segs = append(segs, form(s))
			}
			var want []int
			for i, p := range c.pats {
				if p.matches(segs) {
					want = append(want, i)
				}
			}
			var got []int
			for _, i := range c.candidates(segs) {
				if c.pats[i].matches(segs) {
					got = append(got, i)
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("%v: candidates that match %v, want %v", segs, got, want)
			}
		}
	}
}
