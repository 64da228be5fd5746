package catalog

import (
	"errors"
	"strings"
	"testing"
)

func FuzzMatch(f *testing.F) {
	for _, seed := range [][2]string{
		{"POST", "/payments"},
		{"post", "/payments/pay_abc/refunds/"},
		{"GET", "/workflows/{workflowId}?x=1#y"},
		{"GET", "https://files.sandbox.checkout.com/files/{file_id}"},
		{"GET", "https://user@{prefix}.api.checkout.com:443//"},
		{"", ""},
		{"GET", "http://[::1]:80/payments/pay_1"},
		{"\x00", "/{}/{/}}/\xff"},
	} {
		f.Add(seed[0], seed[1])
	}
	c := Default()
	f.Fuzz(func(t *testing.T, method, path string) {
		m, err := c.Match(method, path)
		if err != nil {
			var nm *NoMatchError
			if !errors.As(err, &nm) {
				t.Fatalf("Match(%q, %q) error %T, want *NoMatchError", method, path, err)
			}
			if len(nm.Suggestions) > maxSuggestions {
				t.Fatalf("%d suggestions", len(nm.Suggestions))
			}
			_ = err.Error()
			return
		}
		if m.Method != m.Operation.Method || !strings.EqualFold(m.Method, strings.TrimSpace(method)) {
			t.Fatalf("Match(%q, %q) = %s with method %q", method, path, m.Operation, m.Method)
		}
		if len(m.Params) != strings.Count(m.Operation.Path, "{") {
			t.Fatalf("Match(%q, %q) params %v for %s", method, path, m.Params, m.Operation)
		}
	})
}
