package config

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

func TestWorkflowFile(t *testing.T) {
	t.Parallel()
	tests := []struct{ ref, want string }{
		{"owner/repo/.github/workflows/ci.yml@refs/heads/main", ".github/workflows/ci.yml"},
		{"o/r/.github/workflows/deploy.yaml@refs/pull/12/merge", ".github/workflows/deploy.yaml"},
		{"o/r/.github/workflows/sub/x.yml@refs/tags/v1@2", ".github/workflows/sub/x.yml"},
		{"o/r/.github/workflows/ci.yml@0123456789abcdef0123456789abcdef01234567", ".github/workflows/ci.yml"},
		{"", ""},
		{"o/r/.github/workflows/ci.yml", ""},
		{"o/r/.github/workflows/ci.yml@", ""},
		{"o/r/.github/workflows/@refs/heads/main", ""},
		{"o/r/ci.yml@refs/heads/main", ""},
		{"/r/.github/workflows/ci.yml@refs/heads/main", ""},
		{"o//.github/workflows/ci.yml@refs/heads/main", ""},
		{"o/r/.github/workflows/../../etc/passwd@refs/heads/main", ""},
	}
	for _, tt := range tests {
		t.Run(tt.ref, func(t *testing.T) {
			t.Parallel()
			if got := WorkflowFile(tt.ref); got != tt.want {
				t.Errorf("WorkflowFile(%q) = %q, want %q", tt.ref, got, tt.want)
			}
		})
	}
}

const workflowYAML = `name: ci
on: [push]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: other/action@v1
        with:
          endpoints: not ours
  preflight:
    runs-on: ubuntu-latest
    steps:
      - name: Preflight
        uses: checkout-preflight/checkout-preflight@v1
        env:
          CKO_SECRET_KEY: ${{ secrets.CKO_SECRET_KEY }}
        with:
          secret-key: ${{ secrets.CKO_SECRET_KEY }}
          Endpoints: |
            POST /payments
              GET /disputes, POST/payments
            # a comment
          scopes: gateway:payment, vault
          allowed-ips: "203.0.113.7"
          folded: >
            a,
            b
  local:
    runs-on: ubuntu-latest
    steps:
      - uses: ./
        with:
          environment: sandbox
`

func TestFindInput(t *testing.T) {
	t.Parallel()
	const wf = ".github/workflows/ci.yml"
	tests := []struct {
		input      string
		want       Input
		wantValues []Value
	}{
		{
			input: "endpoints",
			want: Input{
				Name: "Endpoints", Key: at(wf, 20, 11),
				Text:   "POST /payments\n  GET /disputes, POST/payments\n# a comment\n",
				Origin: at(wf, 21, 13), Exact: true,
			},
			wantValues: []Value{{"POST /payments", at(wf, 21, 13)}, {"GET /disputes", at(wf, 22, 15)}, {"POST/payments", at(wf, 22, 30)}},
		},
		{
			input:      "scopes",
			want:       Input{Name: "scopes", Key: at(wf, 24, 11), Text: "gateway:payment, vault", Origin: at(wf, 24, 19), Exact: true},
			wantValues: []Value{{"gateway:payment", at(wf, 24, 19)}, {"vault", at(wf, 24, 36)}},
		},
		{
			input:      "allowed-ips",
			want:       Input{Name: "allowed-ips", Key: at(wf, 25, 11), Text: "203.0.113.7", Origin: at(wf, 25, 25), Exact: true},
			wantValues: []Value{{"203.0.113.7", at(wf, 25, 25)}},
		},
		{
			input:      "folded",
			want:       Input{Name: "folded", Key: at(wf, 26, 11), Text: "a, b\n", Origin: at(wf, 26, 19), Exact: false},
			wantValues: []Value{{"a", at(wf, 26, 19)}, {"b", at(wf, 26, 19)}},
		},
		{
			input:      "environment",
			want:       Input{Name: "environment", Key: at(wf, 34, 11), Text: "sandbox", Origin: at(wf, 34, 24), Exact: true},
			wantValues: []Value{{"sandbox", at(wf, 34, 24)}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.input, func(t *testing.T) {
			t.Parallel()
			got, ok := FindInput(wf, []byte(workflowYAML), tt.input)
			if !ok {
				t.Fatalf("FindInput(%q) found nothing", tt.input)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("FindInput(%q) mismatch (-want +got):\n%s", tt.input, diff)
			}
			if diff := cmp.Diff(tt.wantValues, got.Values()); diff != "" {
				t.Errorf("Values() mismatch (-want +got):\n%s", diff)
			}
			pos, ok := LocateInput(wf, []byte(workflowYAML), tt.input)
			if diff := cmp.Diff(tt.want.Origin, pos); diff != "" || !ok {
				t.Errorf("LocateInput(%q) = %v, %v; mismatch (-want +got):\n%s", tt.input, pos, ok, diff)
			}
		})
	}
}

func TestFindInputCRLF(t *testing.T) {
	t.Parallel()
	data := strings.ReplaceAll(workflowYAML, "\n", "\r\n")
	got, ok := FindInput("w.yml", []byte(data), "endpoints")
	if !ok {
		t.Fatal("FindInput found nothing")
	}
	want := []Value{{"POST /payments", at("w.yml", 21, 13)}, {"GET /disputes", at("w.yml", 22, 15)}, {"POST/payments", at("w.yml", 22, 30)}}
	if diff := cmp.Diff(want, got.Values()); diff != "" {
		t.Errorf("Values() mismatch (-want +got):\n%s", diff)
	}
}

// TestLocateInputFeedsParseEndpoint checks the intended use: an error about
// the third endpoint points at its line in the workflow.
func TestLocateInputFeedsParseEndpoint(t *testing.T) {
	t.Parallel()
	value := "POST /payments\n  GET /disputes, POST/payments\n# a comment\n" // as received in INPUT_ENDPOINTS
	origin, ok := LocateInput("ci.yml", []byte(workflowYAML), "endpoints")
	if !ok {
		t.Fatal("LocateInput found nothing")
	}
	_, _, err := ParseEndpoints(SplitList(value, origin))
	want := []string{`ci.yml:22:30: endpoint "POST/payments" needs a space between the method and the path; write "POST /payments"`}
	if diff := cmp.Diff(want, messages(t, err)); diff != "" {
		t.Errorf("errors mismatch (-want +got):\n%s", diff)
	}
}

func TestFindInputNotFound(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, data, input string }{
		{"missing input", workflowYAML, "timeout"},
		{"only in another action", "jobs:\n  a:\n    steps:\n      - uses: other/x@v1\n        with:\n          endpoints: x\n", "endpoints"},
		{"no with", "jobs:\n  a:\n    steps:\n      - uses: checkout-preflight/checkout-preflight@v1\n", "endpoints"},
		{"with is a list", "jobs:\n  a:\n    steps:\n      - uses: ./\n        with: [x]\n", "endpoints"},
		{"input is a list", "jobs:\n  a:\n    steps:\n      - uses: ./\n        with:\n          endpoints: [a]\n", "endpoints"},
		{"steps not a list", "jobs:\n  a:\n    steps: x\n", "endpoints"},
		{"no jobs", "on: push\n", "endpoints"},
		{"jobs a list", "jobs: [a]\n", "endpoints"},
		{"not YAML", "jobs: [\n", "endpoints"},
		{"empty", "", "endpoints"},
		{"not UTF-8", "jobs:\xff\n", "endpoints"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got, ok := FindInput("w.yml", []byte(tt.data), tt.input); ok {
				t.Errorf("FindInput(%q) = %+v, want not found", tt.input, got)
			}
			if pos, ok := LocateInput("w.yml", []byte(tt.data), tt.input); ok || pos != (report.Position{}) {
				t.Errorf("LocateInput(%q) = %v, %v; want zero, false", tt.input, pos, ok)
			}
		})
	}
}

func TestFindInputEmptyValue(t *testing.T) {
	t.Parallel()
	data := "jobs:\n  a:\n    steps:\n      - uses: ./\n        with:\n          endpoints:\n"
	got, ok := FindInput("w.yml", []byte(data), "endpoints")
	if !ok {
		t.Fatal("FindInput found nothing")
	}
	if got.Text != "" || got.Values() != nil {
		t.Errorf("empty input gave Text %q and Values %v", got.Text, got.Values())
	}
}

// LocateInput (a test helper) returns FindInput's Input.Origin: the position of the first
// character of the input's value, to pass to SplitList as its origin.
func LocateInput(path string, data []byte, input string) (report.Position, bool) {
	in, ok := FindInput(path, data, input)
	return in.Origin, ok
}
