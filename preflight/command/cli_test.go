package command

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/simulator"
)

func TestScopesJSON(t *testing.T) {
	t.Parallel()
	h := newHarness(t, simulator.Options{})
	code := h.run("scopes", "--format", "json", "POST /payments", "post /payments/pay_abc/refunds/", "GET /disputes", "GET /workflows/wf_x")
	if code != ExitOK {
		t.Fatalf("exit code = %d, want 0; stderr: %s", code, h.stderr.String())
	}
	var rows []operationRow
	if err := json.Unmarshal(h.stdout.Bytes(), &rows); err != nil {
		t.Fatal(err)
	}
	type row struct {
		Endpoint, Method, Template, Host string
		Scopes                           []string
		Known                            bool
	}
	var got []row
	for _, r := range rows {
		got = append(got, row{r.Endpoint, r.Method, r.Template, r.Host, r.Scopes, r.KnownScopes})
	}
	want := []row{
		{"POST /payments", "POST", "/payments", "api", []string{"gateway", "gateway:payment"}, true},
		{"post /payments/pay_abc/refunds/", "POST", "/payments/{id}/refunds", "api", []string{"gateway", "gateway:payment-refunds"}, true},
		{"GET /disputes", "GET", "/disputes", "api", []string{"disputes", "disputes:view"}, true},
		{"GET /workflows/wf_x", "GET", "/workflows/{workflowId}", "api", []string{"flow", "flow:workflows"}, true},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("scopes mismatch (-want +got):\n%s", diff)
	}
}

func TestCLIExitCodesAndMessages(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout string
		wantStderr string
	}{
		{"scopes text", []string{"scopes", "POST /payments"}, ExitOK, "gateway, gateway:payment (any one grants access; the most specific is gateway:payment)", ""},
		{"scopes unknown path suggests", []string{"scopes", "POST /payments", "GET /paymnts"}, ExitUsage, "POST /payments", `no Checkout.com endpoint matches "GET /paymnts"; closest known: GET /payments`},
		{"scopes bad line", []string{"scopes", "POST/payments"}, ExitUsage, "", "POST /payments"},
		{"scopes without endpoints", []string{"scopes"}, ExitUsage, "", "no endpoints given"},
		{"scopes unknown to the spec say so", []string{"scopes", "POST /agentic_commerce/delegate_payment"}, ExitOK, "unknown: the API reference does not say", ""},
		{"catalog text", []string{"catalog"}, ExitOK, "POST    /payments", ""},
		{"catalog bad format", []string{"catalog", "--format", "xml"}, ExitUsage, "", `unknown format "xml"`},
		{"version", []string{"version"}, ExitOK, "checkout-preflight v0.0.0-test\n", ""},
		{"help", []string{"--help"}, ExitOK, "Exit codes: 0 passed", ""},
		{"run help", []string{"run", "--help"}, ExitOK, "--secret-key KEY", ""},
		{"scopes help", []string{"scopes", "-h"}, ExitOK, "Usage: checkout-preflight scopes", ""},
		{"unknown command", []string{"frobnicate"}, ExitUsage, "", `unknown command "frobnicate"`},
		{"unknown flag", []string{"--nope"}, ExitUsage, "", "flag provided but not defined: -nope"},
		{"bad timeout", []string{"--secret-key", keyFull, "--timeout", "soon"}, ExitUsage, `timeout "soon" is not a duration`, ""},
		{"bad fail-on", []string{"--secret-key", keyFull, "--fail-on", "never"}, ExitUsage, `fail-on "never" is not one of "error" or "warning"`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, simulator.Options{})
			code := h.run(tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit code = %d, want %d\nstdout: %s\nstderr: %s", code, tt.wantCode, h.stdout.String(), h.stderr.String())
			}
			if !strings.Contains(h.stdout.String(), tt.wantStdout) {
				t.Errorf("stdout does not contain %q:\n%s", tt.wantStdout, h.stdout.String())
			}
			if !strings.Contains(h.stderr.String(), tt.wantStderr) {
				t.Errorf("stderr does not contain %q:\n%s", tt.wantStderr, h.stderr.String())
			}
		})
	}
}

func TestCatalogJSONShowsProbes(t *testing.T) {
	t.Parallel()
	h := newHarness(t, simulator.Options{})
	if code := h.run("catalog", "--format", "json"); code != ExitOK {
		t.Fatalf("exit code = %d", code)
	}
	var rows []operationRow
	if err := json.Unmarshal(h.stdout.Bytes(), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) < 200 {
		t.Fatalf("catalog lists %d endpoints, want the whole catalog", len(rows))
	}
	for _, r := range rows {
		if r.Method == "POST" && r.Probe.Skip == "" && r.Probe.Body != "[]" {
			t.Errorf("%s %s: probe body %q, want [] (never a valid request)", r.Method, r.Template, r.Probe.Body)
		}
		if r.Probe.Shape == "" {
			t.Errorf("%s %s: probe has no shape for reviewers", r.Method, r.Template)
		}
	}
}

func TestSimulateDemo(t *testing.T) {
	t.Parallel()
	h := newHarness(t, simulator.Options{})
	if code := h.run("simulate"); code != ExitOK {
		t.Fatalf("exit code = %d, want 0\n%s\n%s", code, h.stdout.String(), h.stderr.String())
	}
	for _, want := range []string{`credential "payments-service"`, "gateway:payment-refunds", `credential "legacy-batch"`, "active: no", `not granted "disputes:view"`, "A real run with these results would exit 1"} {
		if !strings.Contains(h.stdout.String(), want) {
			t.Errorf("simulate output does not contain %q:\n%s", want, h.stdout.String())
		}
	}
}

// TestStrayCredentialArgumentNotEchoed: a key typed where a command or
// argument belongs is refused without being quoted back.
func TestStrayCredentialArgumentNotEchoed(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{keyFull}, {"run", keyFull}, {"version", clientFull}, {"catalog", keyPrevious}} {
		h := newHarness(t, simulator.Options{})
		if code := h.run(args...); code != ExitUsage {
			t.Errorf("%q: exit code = %d, want %d", args, code, ExitUsage)
		}
		if !strings.Contains(h.stderr.String(), "looks like a credential; not shown") {
			t.Errorf("%q: stderr = %q, want the value withheld", args, h.stderr.String())
		}
	}
}

// TestRunHelp pins the run command's help, whose flag list is written from
// config.Settings.
func TestRunHelp(t *testing.T) {
	t.Parallel()
	h := newHarness(t, simulator.Options{})
	if code := h.run("run", "--help"); code != ExitOK {
		t.Fatalf("exit code = %d, stderr %q", code, h.stderr.String())
	}
	golden(t, "help-run.txt", h.stdout.String())
	for _, line := range strings.Split(h.stdout.String(), "\n") {
		if utf8.RuneCountInString(line) > usageWidth {
			t.Errorf("help line wider than %d columns: %q", usageWidth, line)
		}
	}
}
