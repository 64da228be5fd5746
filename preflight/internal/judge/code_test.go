package judge

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/plan"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/spec"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/verify"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

func TestCodeScanned(t *testing.T) {
	t.Parallel()
	src := config.CodePaths{On: true, Paths: []string{"src"}, Pos: report.Position{File: "f.yml", Line: 2}}
	tests := []struct {
		name string
		scan CodeScan
		want string
	}{
		{"read", CodeScan{Paths: src, Credentials: []string{"a", "b"}, Files: 3, Calls: 4, Skipped: map[string]int{"test": 2, "vendored": 1}},
			`pass Code read: read 3 source files in "src": 4 calls of Checkout.com, checked for a, b`},
		{"the whole workspace", CodeScan{Paths: config.CodePaths{On: true}, Credentials: []string{"a"}, Files: 1, Calls: 1},
			`pass Code read: read 1 source file in the workspace: 1 call of Checkout.com, checked for a`},
		{"nothing to read", CodeScan{Paths: src, Credentials: []string{"a"}},
			`fail No code found: discover read no source file in "src", so no call of the code was checked`},
		{"an error", CodeScan{Paths: src, Err: errors.New(`cannot scan "src": open src: file does not exist`)},
			`fail Code not read: could not read the code for discover: cannot scan "src": open src: file does not exist`},
		{"out of time", CodeScan{Paths: src, Err: context.DeadlineExceeded},
			`inconclusive Code not read: the run ended before the code in "src" was read`},
	}
	for _, tt := range tests {
		c := codeScanned(tt.scan)
		if got := string(c.Status) + " " + c.Title + ": " + c.Message; got != tt.want {
			t.Errorf("%s: got %q\nwant %q", tt.name, got, tt.want)
		}
		if len(tt.scan.Paths.Paths) > 0 && (c.Position == nil || c.Position.Line != 2) {
			t.Errorf("%s: position %v, want the discover setting's", tt.name, c.Position)
		}
	}
	if d := codeScanned(tests[0].scan).Detail; !strings.Contains(d, "test 2, vendored 1") {
		t.Errorf("detail %q does not count the files left out", d)
	}
}

// codePlan plans a secret key that declares lines and whose code makes
// calls.
func codePlan(t *testing.T, calls []plan.Call, lines ...string) plan.Plan {
	t.Helper()
	c := spec.Credential{Name: "svc", Setting: "KEY", SecretKey: testKey, Environment: "auto", Endpoints: endpoints(t, lines...),
		Code: config.CodePaths{On: true, Paths: []string{"src"}}}
	return plan.New(spec.Run{Timeout: time.Minute, Credentials: []spec.Credential{c}}, nil).WithCalls([][]plan.Call{calls})
}

func TestCodeChecks(t *testing.T) {
	t.Parallel()
	call := func(method, path, symbol string, line int) plan.Call {
		return plan.Call{Method: method, Path: path, Host: "api", Known: true, Symbol: symbol, Pos: report.Position{File: "src/a.js", Line: line, Column: 5}}
	}
	calls := []plan.Call{
		call("POST", "/payments", "cko.payments.request", 3),
		call("POST", "/payments/{id}/refunds", "cko.payments.refund", 5),
		call("POST", "/payments/{id}/refunds", "cko.payments.refund", 9),
		{Method: "GET", Path: "/nowhere/{}", Host: "api", Symbol: "http.get", Pos: report.Position{File: "src/b.js", Line: 1}},
	}
	type row struct{ ID, Status, Position, Message, Detail string }
	summarise := func(checks []report.Check) []row {
		var out []row
		for _, c := range checks {
			if strings.HasPrefix(c.ID, "code.") {
				pos := ""
				if c.Position != nil {
					pos = c.Position.String()
				}
				out = append(out, row{c.ID, string(c.Status), pos, c.Message, c.Detail})
			}
		}
		return out
	}
	p := codePlan(t, calls, "POST /payments", "GET /disputes")
	got := summarise(Judge(Input{Plan: p}).Checks)
	want := []row{
		{report.CheckCodeUsed, "notice", "", `no call of "GET /disputes" was found in "src"`, ""},
		{report.CheckCodeDeclared, "fail", "src/a.js:5:5", "`cko.payments.refund(…)` calls \"POST /payments/{id}/refunds\", which is not among the endpoints of svc",
			"called 2 times:\n`cko.payments.refund(…)` at src/a.js:5:5\n`cko.payments.refund(…)` at src/a.js:9:5"},
		{report.CheckCodeKnown, "notice", "src/b.js:1", "1 call reaches an endpoint the catalog does not know (GET /nowhere/{}), so the key is not checked against it",
			"src/b.js:1: GET /nowhere/{} (http.get)"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("with a declaration (-want +got):\n%s", diff)
	}
	if got := summarise(Judge(Input{Plan: codePlan(t, calls[:3])}).Checks); len(got) != 0 {
		t.Errorf("without a declaration there is no drift to report, got %+v", got)
	}
}

// TestRefusalAtTheCall: a refused endpoint the code calls is reported at
// the call, saying what the call needs, the other calls in the detail.
func TestRefusalAtTheCall(t *testing.T) {
	t.Parallel()
	calls := []plan.Call{
		{Method: "POST", Path: "/payments/{id}/refunds", Host: "api", Known: true, Symbol: "cko.payments.refund", Pos: report.Position{File: "src/a.js", Line: 5, Column: 5}},
		{Method: "POST", Path: "/payments/{id}/refunds", Host: "api", Known: true, Symbol: "cko.payments.refund", Pos: report.Position{File: "src/b.js", Line: 7, Column: 3}},
	}
	p := codePlan(t, calls)
	got := verify.Credential{Checked: true, Environment: "sandbox",
		Targets:  []checkout.Result{answer(checkout.OutcomeForbidden, 403)},
		Controls: refusedControls(1)}
	r := Judge(Input{Plan: p, Credentials: []verify.Credential{got}})
	for _, c := range r.Checks {
		if c.ID != report.CheckEndpointAuthorized || c.Status != report.StatusFail {
			continue
		}
		if c.Position == nil || c.Position.String() != "src/a.js:5:5" || !strings.HasPrefix(c.Message, "`cko.payments.refund(…)` needs gateway:payment-refunds: ") ||
			!strings.Contains(c.Detail, "src/b.js:7:3") {
			t.Errorf("refusal: %+v", c)
		}
		return
	}
	t.Errorf("no failing endpoint.authorized check in %+v", r.Checks)
}
