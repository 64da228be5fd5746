package command

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
	"github.com/checkout-preflight/checkout-preflight/preflight/simulator"
)

const paymentsWorkflow = `name: payments
on: [pull_request]
jobs:
  preflight:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: acme/checkout-preflight@v1
        with:
          secret-key: ${{ secrets.CKO_SECRET_KEY }}
          endpoints: |
            GET /payments/{id}
            POST /payments/{id}/refunds
          allowed-ips: 203.0.113.0/24
`

func TestActionPass(t *testing.T) {
	t.Parallel()
	h := newHarness(t, simulator.Options{})
	h.actionEnv(map[string]string{"secret-key": keyFull, "endpoints": "GET /payments/{id}\nPOST /payments/{id}/refunds", "allowed-ips": "203.0.113.0/24"})
	if code := h.runAction(); code != ExitOK {
		t.Fatalf("exit code = %d, want %d\n%s", code, ExitOK, h.stdout.String())
	}
	want := map[string]string{
		"result": "pass", "credential-kind": "secret_key", "environment": "sandbox",
		"egress-ip": "203.0.113.10", "missing-scopes": "", "report": ".checkout-preflight/report-preflight.json",
	}
	if diff := cmp.Diff(want, h.outputs()); diff != "" {
		t.Errorf("outputs mismatch (-want +got):\n%s", diff)
	}
	var r report.Report
	if err := json.Unmarshal([]byte(h.file(workspace+"/"+want["report"])), &r); err != nil {
		t.Fatalf("report file: %v", err)
	}
	if r.Result != report.ResultPass || r.SchemaVersion != report.SchemaVersion {
		t.Errorf("report file result %q version %d, want pass and %d", r.Result, r.SchemaVersion, report.SchemaVersion)
	}
	if got := h.commands("error"); len(got) != 0 {
		t.Errorf("unexpected error annotations: %q", got)
	}
	if !strings.HasPrefix(h.file(summaryFile), "### ") {
		t.Errorf("summary does not start with a verdict heading:\n%s", h.file(summaryFile))
	}
}

func TestActionMissingScopePointsAtWorkflowLine(t *testing.T) {
	t.Parallel()
	h := newHarness(t, simulator.Options{})
	h.writeFile(workflowPath, paymentsWorkflow)
	h.actionEnv(map[string]string{"secret-key": keyNoRefunds, "endpoints": "GET /payments/{id}\nPOST /payments/{id}/refunds\n", "allowed-ips": "203.0.113.0/24"})
	if code := h.runAction(); code != ExitFailed {
		t.Fatalf("exit code = %d, want %d\n%s", code, ExitFailed, h.stdout.String())
	}
	want := []string{
		"::error title=Refused%3A POST /payments/{id}/refunds,file=.github/workflows/payments.yml,line=13,col=13::" +
			`Checkout.com answered 403 to "POST /payments/{id}/refunds" for sk_sbox_…defq%0A` +
			"add gateway:payment-refunds to the secret key sk_sbox_…defq in the Dashboard (Developers > Keys); if it already has it, check account-side restrictions and the network allowlist",
	}
	if diff := cmp.Diff(want, sortedFields(h.commands("error"))); diff != "" {
		t.Errorf("error annotations mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff("gateway:payment-refunds", h.outputs()["missing-scopes"]); diff != "" {
		t.Errorf("missing-scopes output mismatch (-want +got):\n%s", diff)
	}
	golden(t, "summary-missing-scope.md", normalise(h.file(summaryFile)))
}

// sortedFields puts an annotation's properties in a fixed order (title,
// file, line, col), since go-githubactions writes them from a map.
func sortedFields(lines []string) []string {
	order := []string{"title", "file", "line", "col"}
	out := make([]string, len(lines))
	for i, line := range lines {
		head, msg, _ := strings.Cut(strings.TrimPrefix(line, "::"), "::")
		level, props, _ := strings.Cut(head, " ")
		fields := map[string]string{}
		for _, p := range strings.Split(props, ",") {
			k, v, _ := strings.Cut(p, "=")
			fields[k] = v
		}
		var parts []string
		for _, k := range order {
			if v, ok := fields[k]; ok {
				parts = append(parts, k+"="+v)
			}
		}
		out[i] = "::" + level + " " + strings.Join(parts, ",") + "::" + msg
	}
	return out
}

const twoServicesConfig = `version: 1
defaults:
  allowed-ips: [203.0.113.0/24]
credentials:
  - name: payments-service
    secret-key-env: CKO_PAYMENTS_KEY
    endpoints:
      - POST /payments
      - POST /payments/{id}/refunds
  - name: disputes-bot
    client-id-env: CKO_DISPUTES_ID
    client-secret-env: CKO_DISPUTES_SECRET
    endpoints: |
      GET /disputes
      POST /disputes/{id}/accept
`

func TestActionConfigFile(t *testing.T) {
	t.Parallel()
	h := newHarness(t, simulator.Options{})
	h.writeFile(".github/checkout-preflight.yml", twoServicesConfig)
	h.actionEnv(map[string]string{"config": ".github/checkout-preflight.yml", "environment": "sandbox"})
	h.env["CKO_PAYMENTS_KEY"], h.env["CKO_DISPUTES_ID"], h.env["CKO_DISPUTES_SECRET"] = keyNoRefunds, clientNoView, secretNoView
	if code := h.runAction(); code != ExitFailed {
		t.Fatalf("exit code = %d, want %d\n%s", code, ExitFailed, h.stdout.String())
	}
	var got []string
	for _, line := range sortedFields(h.commands("error")) {
		head, _, _ := strings.Cut(line, "::"+"")
		_ = head
		props := strings.SplitN(strings.TrimPrefix(line, "::error "), "::", 2)[0]
		got = append(got, props)
	}
	// The access key's missing scope and the endpoint it refuses are one
	// cause, at the credential, naming the endpoint's line.
	want := []string{
		"title=Refused%3A POST /payments/{id}/refunds (payments-service),file=.github/checkout-preflight.yml,line=9,col=9",
		"title=Missing scopes (disputes-bot),file=.github/checkout-preflight.yml,line=10,col=5",
	}
	if errs := h.commands("error"); len(errs) != 2 || !strings.Contains(errs[1], "%0Aalso at .github/checkout-preflight.yml:14:7%0A") {
		t.Errorf("the missing-scopes error does not name the endpoint's line: %q", errs)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("error annotation properties mismatch (-want +got):\n%s", diff)
	}
	wantOut := map[string]string{
		"result": "fail", "credential-kind": "secret_key oauth", "environment": "sandbox sandbox",
		"egress-ip": "203.0.113.10", "missing-scopes": "gateway:payment-refunds disputes:view",
		"report": ".checkout-preflight/report-preflight.json",
	}
	if diff := cmp.Diff(wantOut, h.outputs()); diff != "" {
		t.Errorf("outputs mismatch (-want +got):\n%s", diff)
	}
}

// TestActionAnnotationCap: one annotation per cause (endpoints refused
// for one scope are one), at most ten errors a step as the runner keeps,
// and a notice pointing at the summary for the rest.
func TestActionAnnotationCap(t *testing.T) {
	t.Parallel()
	t.Run("one per cause", func(t *testing.T) {
		t.Parallel()
		h := newHarness(t, simulator.Options{})
		endpoints := []string{"POST /payments/{id}/refunds", "GET /disputes", "GET /disputes/{id}", "POST /disputes/{id}/accept",
			"GET /workflows", "POST /workflows", "GET /reports", "GET /balances/{id}", "POST /transfers", "GET /financial-actions",
			"GET /customers/{id}", "POST /instruments", "GET /payment-links/{id}", "POST /accounts/entities", "GET /files/{file_id}",
			"POST /payments/{id}/voids", "POST /customers", "GET /reports/{id}"}
		h.actionEnv(map[string]string{"secret-key": keyNoRefunds, "endpoints": strings.Join(endpoints, "\n")})
		if code := h.runAction(); code != ExitFailed {
			t.Fatalf("exit code = %d, want %d", code, ExitFailed)
		}
		errs := h.commands("error")
		if len(errs) != 10 || len(h.commands("notice")) != 0 {
			t.Errorf("got %d errors and notices %q, want the 10 causes of 13 refusals and no overflow", len(errs), h.commands("notice"))
		}
		want := "::error title=Missing scope flow%3Aworkflows (secret-key)::2 endpoints that need flow:workflows were refused: GET /workflows, POST /workflows%0A"
		if !slices.ContainsFunc(errs, func(e string) bool { return strings.HasPrefix(e, want) }) {
			t.Errorf("no error %q among %q", want, errs)
		}
	})
	t.Run("capped", func(t *testing.T) {
		t.Parallel()
		h := newHarness(t, simulator.Options{})
		var endpoints []string
		for _, name := range []string{"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett", "kilo", "lima"} {
			endpoints = append(endpoints, "GET /"+name)
		}
		h.actionEnv(map[string]string{"secret-key": keyNoRefunds, "endpoints": strings.Join(endpoints, "\n")})
		if code := h.runAction(); code != ExitUsage {
			t.Fatalf("exit code = %d, want %d", code, ExitUsage)
		}
		errs, notices := h.commands("error"), h.commands("notice")
		if len(errs) != 10 {
			t.Errorf("got %d error annotations, want 10 (the runner keeps 10 a step)", len(errs))
		}
		if len(notices) != 1 || !strings.Contains(notices[0], "2 more errors are listed in the job summary") {
			t.Errorf("want one notice pointing at the summary for the other 2, got %q", notices)
		}
	})
}

func TestActionMissingCredentials(t *testing.T) {
	t.Parallel()
	const forkEvent = `{"pull_request": {"head": {"repo": {"full_name": "someone/payments", "fork": true}}, "base": {"repo": {"full_name": "acme/payments"}}}}`
	const branchEvent = `{"pull_request": {"head": {"repo": {"full_name": "acme/payments", "fork": false}}, "base": {"repo": {"full_name": "acme/payments"}}}}`
	tests := []struct {
		name       string
		onMissing  string
		env        map[string]string
		event      string
		wantCode   int
		wantResult string
		wantLevel  string
		wantText   string
	}{
		{"a fork's pull request fails by default", "fail", map[string]string{"GITHUB_EVENT_NAME": "pull_request"}, forkEvent, ExitFailed, "fail", "error", "comes from the fork someone/payments"},
		{"a fork's pull request skips when asked", "skip", map[string]string{"GITHUB_EVENT_NAME": "pull_request"}, forkEvent, ExitOK, "skipped", "notice", "no secrets"},
		{"Dependabot", "fail", map[string]string{"GITHUB_EVENT_NAME": "pull_request", "GITHUB_ACTOR": "dependabot[bot]"}, branchEvent, ExitFailed, "fail", "error", "Dependabot secrets"},
		{"a pull request from a branch: no fork story", "fail", map[string]string{"GITHUB_EVENT_NAME": "pull_request"}, branchEvent, ExitFailed, "fail", "error", "the secret is not set for this repository"},
		{"a push: no fork story", "fail", map[string]string{"GITHUB_EVENT_NAME": "push"}, "", ExitFailed, "fail", "error", "the secret is not set for this repository"},
		{"a pull request whose payload cannot be read", "fail", map[string]string{"GITHUB_EVENT_NAME": "pull_request"}, "", ExitFailed, "fail", "error", "pull requests from forks, and from Dependabot"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, simulator.Options{})
			h.actionEnv(map[string]string{"on-missing-credentials": tt.onMissing, "endpoints": "POST /payments"})
			for k, v := range tt.env {
				h.env[k] = v
			}
			if tt.event != "" {
				h.env["GITHUB_EVENT_PATH"] = "/github/workflow/event.json"
				h.files["/github/workflow/event.json"] = []byte(tt.event)
			}
			if code := h.runAction(); code != tt.wantCode {
				t.Fatalf("exit code = %d, want %d\n%s", code, tt.wantCode, h.stdout.String())
			}
			if got := h.outputs()["result"]; got != tt.wantResult {
				t.Errorf("result output = %q, want %q", got, tt.wantResult)
			}
			lines := h.commands(tt.wantLevel)
			if len(lines) == 0 || !strings.Contains(lines[0], tt.wantText) {
				t.Errorf("want a %s annotation saying %q, got %q", tt.wantLevel, tt.wantText, lines)
			}
			if n := h.apiRequests(); n != 0 {
				t.Errorf("%d requests reached Checkout.com, want none", n)
			}
		})
	}
}

// TestActionYAMLMatchesCode checks that action.yml and the code agree:
// every declared input is read (the run asks the environment for its
// INPUT_ variable) and every declared output is written.
func TestActionYAMLMatchesCode(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../../action.yml")
	if err != nil {
		t.Fatal(err)
	}
	var action struct {
		Inputs  map[string]any `yaml:"inputs"`
		Outputs map[string]any `yaml:"outputs"`
	}
	if err := yaml.Unmarshal(data, &action); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, simulator.Options{})
	h.actionEnv(map[string]string{"secret-key": keyFull, "endpoints": "POST /payments"})
	var mu sync.Mutex
	read := map[string]bool{}
	cmd := h.command()
	getenv := cmd.Getenv
	cmd.Getenv = func(k string) string {
		mu.Lock()
		read[k] = true
		mu.Unlock()
		return getenv(k)
	}
	cmd.Main(t.Context(), nil)
	var declared, unread []string
	for name := range action.Inputs {
		declared = append(declared, name)
		if !read["INPUT_"+strings.ToUpper(name)] {
			unread = append(unread, name)
		}
	}
	if len(unread) > 0 {
		t.Errorf("inputs declared in action.yml but never read: %q", unread)
	}
	slices.Sort(declared)
	code := slices.Sorted(slices.Values(actionInputs()))
	if diff := cmp.Diff(declared, code); diff != "" {
		t.Errorf("inputs in action.yml (-) and in code (+) differ:\n%s", diff)
	}
	var outputs []string
	for name := range action.Outputs {
		outputs = append(outputs, name)
	}
	slices.Sort(outputs)
	written := slices.Sorted(func(yield func(string) bool) {
		for k := range h.outputs() {
			if !yield(k) {
				return
			}
		}
	})
	if diff := cmp.Diff(outputs, written); diff != "" {
		t.Errorf("outputs in action.yml (-) and written (+) differ:\n%s", diff)
	}
}

func TestActionInactiveKeyPointsAtSecretInput(t *testing.T) {
	t.Parallel()
	h := newHarness(t, simulator.Options{})
	h.writeFile(workflowPath, paymentsWorkflow)
	h.actionEnv(map[string]string{"secret-key": keyRevoked, "endpoints": "GET /payments/{id}\nPOST /payments/{id}/refunds\n"})
	if code := h.runAction(); code != ExitFailed {
		t.Fatalf("exit code = %d, want %d\n%s", code, ExitFailed, h.stdout.String())
	}
	errs := sortedFields(h.commands("error"))
	want := "::error title=Credential not active,file=.github/workflows/payments.yml,line=10,col=11::"
	if len(errs) != 1 || !strings.HasPrefix(errs[0], want) {
		t.Errorf("error annotations = %q, want one starting %q", errs, want)
	}
}

// TestActionMasksBeforeUsageErrors: secrets are masked, and a complete
// summary and outputs written, even when the inputs are unusable.
func TestActionMasksBeforeUsageErrors(t *testing.T) {
	t.Parallel()
	for _, inputs := range []map[string]string{
		{"secret-key": keyFull, "timeout": "soon"},
		{"secret-key": keyFull, "simulate": "maybe"},
		{"client-id": clientFull, "client-secret": secretFull, "fail-on": "never"},
	} {
		h := newHarness(t, simulator.Options{})
		h.actionEnv(inputs)
		if code := h.runAction(); code != ExitUsage {
			t.Errorf("inputs %v: exit code = %d, want %d", inputs, code, ExitUsage)
		}
		if !strings.HasPrefix(h.stdout.String(), "::add-mask::") {
			t.Errorf("inputs %v: stdout does not start with masks:\n%s", inputs, h.stdout.String())
		}
		if got := h.outputs()["result"]; got != "fail" {
			t.Errorf("inputs %v: result output = %q, want fail", inputs, got)
		}
		if h.file(summaryFile) == "" {
			t.Errorf("inputs %v: no job summary", inputs)
		}
	}
}

// TestActionLogCannotInjectCommands: the text report sits between
// stop-commands markers, so values the user wrote or servers answered
// cannot become workflow commands; everything outside is a mask, an
// annotation or a debug line.
func TestActionLogCannotInjectCommands(t *testing.T) {
	t.Parallel()
	h := newHarness(t, simulator.Options{})
	h.actionEnv(map[string]string{"secret-key": keyFull, "endpoints": "GET /payments/{id}\n::set-output name=result::pass /x"})
	h.env["RUNNER_DEBUG"] = "1"
	h.runAction()
	token, closed := "", false
	for _, line := range strings.Split(strings.TrimSuffix(h.stdout.String(), "\n"), "\n") {
		switch {
		case token != "" && !closed:
			closed = line == "::"+token+"::"
		case strings.HasPrefix(line, "::stop-commands::") && token == "":
			token = strings.TrimPrefix(line, "::stop-commands::")
			if len(token) < 32 {
				t.Errorf("stop-commands token %q is guessable", token)
			}
		case strings.HasPrefix(line, "::add-mask::"), strings.HasPrefix(line, "::debug::"),
			strings.HasPrefix(line, "::error "), strings.HasPrefix(line, "::warning "), strings.HasPrefix(line, "::notice "):
		default:
			t.Errorf("line outside the stop-commands block is not a mask, annotation or debug line: %q", line)
		}
	}
	if !closed {
		t.Errorf("the text report is not enclosed in stop-commands markers:\n%s", h.stdout.String())
	}
}

// TestActionDeadlineStillReports: a run cut short by its timeout still
// writes the summary, outputs and report, with what was learned.
func TestActionDeadlineStillReports(t *testing.T) {
	t.Parallel()
	h := newHarness(t, simulator.Options{})
	h.sim.AddFault(simulator.Fault{Route: "POST /payments/{id}/refunds", Hang: true})
	h.actionEnv(map[string]string{"secret-key": keyFull, "endpoints": "GET /payments/{id}\nPOST /payments/{id}/refunds", "timeout": "1s"})
	if code := h.runAction(); code != ExitInconclusive {
		t.Fatalf("exit code = %d, want %d", code, ExitInconclusive)
	}
	out := h.outputs()
	if out["result"] != "inconclusive" || out["credential-kind"] != "secret_key" || out["egress-ip"] != "203.0.113.10" {
		t.Errorf("outputs = %v, want result inconclusive with what was learned", out)
	}
	summary := h.file(summaryFile)
	for _, want := range []string{"run.deadline", "`GET /payments/{id}`", "authorized"} {
		if !strings.Contains(summary, want) {
			t.Errorf("summary lacks %q:\n%s", want, summary)
		}
	}
	if h.file(workspace+"/"+out["report"]) == "" {
		t.Error("no JSON report was written")
	}
}

// TestActionRedStepHasAnError: a step that fails without a failing check
// (an inconclusive run, or fail-on: warning) still gets an error
// annotation saying why, with the exit code the step ends with.
func TestActionRedStepHasAnError(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		setup    func(h *harness) map[string]string
		wantCode int
		want     string
	}{
		{"inconclusive", func(h *harness) map[string]string {
			h.sim.AddFault(simulator.Fault{Route: "POST /payments/{id}/refunds", Hang: true})
			return map[string]string{"secret-key": keyFull, "endpoints": "GET /payments/{id}\nPOST /payments/{id}/refunds", "timeout": "1s"}
		}, ExitInconclusive, fmt.Sprintf("the run is inconclusive (exit %d)", ExitInconclusive)},
		{"fail-on warning", func(h *harness) map[string]string {
			return map[string]string{"secret-key": keyFull, "endpoints": "GET /payments/{id}", "fail-on": "warning",
				"ip-echo-urls": h.sim.EchoURL() + "," + echo(h.t, 200, "198.51.100.9\n")}
		}, ExitFailed, fmt.Sprintf("failed because fail-on is warning and there is 1 warning (exit %d)", ExitFailed)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, simulator.Options{})
			h.actionEnv(tt.setup(h))
			if code := h.runAction(); code != tt.wantCode {
				t.Fatalf("exit code = %d, want %d\n%s", code, tt.wantCode, h.stdout.String())
			}
			errs := h.commands("error")
			if len(errs) != 1 || !strings.Contains(errs[0], tt.want) {
				t.Errorf("error annotations = %q, want one saying %q", errs, tt.want)
			}
		})
	}
}
