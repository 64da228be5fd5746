package command

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
	"github.com/checkout-preflight/checkout-preflight/preflight/simulator"
)

// refundService is a Node.js service that pays and refunds through the
// official SDK; the refund call is on line 6.
const refundService = `const { Checkout } = require('checkout-sdk-node');

const cko = new Checkout(process.env.CKO_SECRET_KEY);

async function refund(id) {
  return cko.payments.refund(id, { amount: 100 });
}

async function pay(req) {
  return cko.payments.request(req);
}
`

// TestDiscoverAnnotatesTheCall: the code calls refund, the key lacks the
// refund scope, nothing declares the endpoint; the failure is annotated
// on the line of code that makes the call.
func TestDiscoverAnnotatesTheCall(t *testing.T) {
	t.Parallel()
	h := newHarness(t, simulator.Options{})
	h.writeFile("src/refund.js", refundService)
	h.writeFile("src/refund.test.js", "cko.disputes.accept('dsp_x')\n")
	h.actionEnv(map[string]string{"secret-key": keyNoRefunds, "discover": "src"})
	if code := h.runAction(); code != ExitFailed {
		t.Fatalf("exit code = %d, want %d\n%s", code, ExitFailed, h.stdout.String())
	}
	want := []string{
		"::error title=Refused%3A POST /payments/{id}/refunds,file=src/refund.js,line=6,col=23::" +
			"`cko.payments.refund(…)` needs gateway:payment-refunds: " +
			`Checkout.com answered 403 to "POST /payments/{id}/refunds" for sk_sbox_…defq%0A` +
			"add gateway:payment-refunds to the secret key sk_sbox_…defq in the Dashboard (Developers > Keys); if it already has it, check account-side restrictions and the network allowlist",
	}
	if diff := cmp.Diff(want, sortedFields(h.commands("error"))); diff != "" {
		t.Errorf("error annotations (-want +got):\n%s", diff)
	}
	summary := h.file(summaryFile)
	for _, s := range []string{"src/refund.js:6:23", "code.scanned", "read 1 source file"} {
		if !strings.Contains(summary, s) {
			t.Errorf("the summary does not say %q:\n%s", s, summary)
		}
	}
}

// TestDiscoverDrift: with endpoints and discover both given, a call the
// declaration misses fails at the call, a declared endpoint no code calls
// is a notice, and the JSON report carries every call's position.
func TestDiscoverDrift(t *testing.T) {
	t.Parallel()
	h := newHarness(t, simulator.Options{})
	h.files["src/refund.js"] = []byte(refundService)
	h.env["CKO_SECRET_KEY"] = keyFull
	code := h.run(append(h.simArgs(), "--format", "json", "--discover", "src", "--endpoints", "POST /payments\nGET /disputes")...)
	if code != ExitFailed {
		t.Fatalf("exit code = %d, want %d\n%s", code, ExitFailed, h.stdout.String())
	}
	r := h.report()
	type finding struct {
		ID, Status, Position, Message string
	}
	var got []finding
	for _, c := range r.Checks {
		if strings.HasPrefix(c.ID, "code.") {
			pos := ""
			if c.Position != nil {
				pos = c.Position.String()
			}
			got = append(got, finding{c.ID, string(c.Status), pos, c.Message})
		}
	}
	want := []finding{
		{report.CheckCodeScanned, "pass", "", `read 1 source file in "src": 2 calls of Checkout.com, checked for secret-key`},
		{report.CheckCodeUsed, "notice", "", `no call of "GET /disputes" was found in "src"`},
		{report.CheckCodeDeclared, "fail", "src/refund.js:6:23", "`cko.payments.refund(…)` calls \"POST /payments/{id}/refunds\", which is not among the declared endpoints"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("code checks (-want +got):\n%s", diff)
	}
	calls := map[string][]report.CodeCall{}
	for _, e := range r.Credentials[0].Endpoints {
		calls[e.Method+" "+e.Template+" "+e.Origin] = e.Calls
	}
	wantCalls := map[string][]report.CodeCall{
		"POST /payments declared":                {{File: "src/refund.js", Line: 10, Column: 23, Symbol: "cko.payments.request"}},
		"GET /disputes declared":                 nil,
		"POST /payments/{id}/refunds discovered": {{File: "src/refund.js", Line: 6, Column: 23, Symbol: "cko.payments.refund"}},
	}
	if diff := cmp.Diff(wantCalls, calls); diff != "" {
		t.Errorf("endpoints' calls (-want +got):\n%s", diff)
	}
}

// TestDiscoverReadsNothing: discover paths that hold no code fail rather
// than leave discovery silently checking nothing.
func TestDiscoverReadsNothing(t *testing.T) {
	t.Parallel()
	for name, files := range map[string]map[string]string{
		"missing directory":  {"README.md": "# docs\n"},
		"no source file":     {"src/README.md": "# docs\n"},
		"only vendored code": {"src/node_modules/x/index.js": refundService},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, simulator.Options{})
			for k, v := range files {
				h.files[k] = []byte(v)
			}
			h.env["CKO_SECRET_KEY"] = keyFull
			if code := h.run(append(h.simArgs(), "--discover", "src", "--endpoints", "POST /payments")...); code != ExitFailed {
				t.Errorf("exit code = %d, want %d\n%s", code, ExitFailed, h.stdout.String())
			}
			if !strings.Contains(h.stdout.String(), "[code.scanned]") {
				t.Errorf("no code.scanned finding:\n%s", h.stdout.String())
			}
		})
	}
}

// TestDiscoverPerCredential: in a config file, each credential reads the
// code its entry names, or the defaults' paths; the two are scanned once
// each.
func TestDiscoverPerCredential(t *testing.T) {
	t.Parallel()
	h := newHarness(t, simulator.Options{})
	h.files["payments/refund.js"] = []byte(refundService)
	h.files["disputes/bot.js"] = []byte("const { Checkout } = require('checkout-sdk-node');\nconst cko = new Checkout(process.env.K);\ncko.disputes.accept('dsp_x');\n")
	h.writeFile("preflight.yml", `version: 1
defaults:
  discover: [disputes]
credentials:
  - name: payments
    secret-key-env: KEY_A
    discover: [payments]
  - name: disputes
    secret-key-env: KEY_B
`)
	h.env["KEY_A"], h.env["KEY_B"] = keyFull, keyFull
	code := h.run(append(h.simArgs(), "--format", "json", "--config", workspace+"/preflight.yml")...)
	if code != ExitOK {
		t.Fatalf("exit code = %d\n%s", code, h.stdout.String())
	}
	got := map[string][]string{}
	for _, c := range h.report().Credentials {
		for _, e := range c.Endpoints {
			for _, call := range e.Calls {
				got[c.Name] = append(got[c.Name], e.Method+" "+e.Template+" "+call.File)
			}
		}
	}
	want := map[string][]string{
		"payments": {"POST /payments/{id}/refunds payments/refund.js", "POST /payments payments/refund.js"},
		"disputes": {"POST /disputes/{dispute_id}/accept disputes/bot.js"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("calls by credential (-want +got):\n%s", diff)
	}
}
