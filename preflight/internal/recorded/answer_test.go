package recorded

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestName(t *testing.T) {
	t.Parallel()
	tests := []struct{ subject, method, route, want string }{
		{"full-key", "GET", "/payments/{id}", "live-full-key-GET-payments-id"},
		{"full-key-control", "post", "/payments/{id}/refunds", "live-full-key-control-POST-payments-id-refunds"},
		{"oauth", "GET", "/disputes/{dispute_id}", "live-oauth-GET-disputes-id"},
		{"public-key", "POST", "/tokens", "live-public-key-POST-tokens"},
		{"x", "GET", "/accounts/entities/{entityId}/payment-instruments", "live-x-GET-accounts-entities-id-payment-instruments"},
	}
	for _, tt := range tests {
		if got := Name(tt.subject, tt.method, tt.route); got != tt.want {
			t.Errorf("Name(%q, %q, %q) = %q, want %q", tt.subject, tt.method, tt.route, got, tt.want)
		}
	}
}

func TestWriteThenLoad(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "answers")
	a := clean()
	if err := Write(dir, a); err != nil {
		t.Fatal(err)
	}
	got, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	// The body comes back indented; compare its meaning.
	if len(got) != 1 || string(normal(got[0].Body)) != string(normal(a.Body)) {
		t.Fatalf("Load = %+v", got)
	}
	got[0].Body = a.Body
	if diff := cmp.Diff(a, got[0]); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if h := got[0].Header().Get("content-type"); h != "application/json" {
		t.Errorf("Header Content-Type = %q", h)
	}
}

func TestWriteRefusesUnscrubbed(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	a := clean()
	a.Body = []byte(`{"request_id":"req_123"}`)
	if err := Write(dir, a); err == nil {
		t.Fatal("Write wrote an answer holding a request id")
	}
	if names, _ := filepath.Glob(filepath.Join(dir, "*")); len(names) != 0 {
		t.Errorf("files written: %q", names)
	}
}

func TestLoadRefuses(t *testing.T) {
	t.Parallel()
	for name, body := range map[string]string{
		"unknown field": `{"case":"live-a-GET-x","extra":1}`,
		"wrong case":    `{"case":"live-b-GET-x"}`,
		"not JSON":      `case: x`,
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "live-a-GET-x.json"), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "live-a-GET-x.json") {
			t.Errorf("%s: Load = %v, want an error naming the file", name, err)
		}
	}
}

func TestBodyBytes(t *testing.T) {
	t.Parallel()
	for body, want := range map[string]string{"": "", "null": "", ` {"a":1} `: `{"a":1}`, `"redacted"`: `"redacted"`} {
		if got := (Answer{Body: []byte(body)}).BodyBytes(); string(got) != want || (want == "" && got != nil) {
			t.Errorf("BodyBytes of %q = %q, want %q", body, got, want)
		}
	}
}
