package engine_test

import (
	"context"
	"errors"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/engine"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/spec"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// refundJS calls refund (line 3) and request (line 4) through the Node.js
// SDK.
const refundJS = "const { Checkout } = require('checkout-sdk-node');\nconst cko = new Checkout(process.env.K);\ncko.payments.refund('pay_x');\ncko.payments.request({});\n"

func codeRun(t *testing.T, creds ...spec.Credential) spec.Run {
	t.Helper()
	return spec.Run{Credentials: creds, Timeout: 10 * time.Second, EchoURLs: []string{}}
}

func withCode(name, key string, paths ...string) spec.Credential {
	var values []config.Value
	for _, p := range paths {
		values = append(values, config.Value{Text: p})
	}
	code, err := config.ParseDiscover(values)
	if err != nil {
		panic(err)
	}
	return spec.Credential{Name: name, SecretKey: key, Setting: name, Environment: "auto", Code: code}
}

// TestRunReadsTheCode: each credential's calls come from its own paths,
// each distinct set of paths is read once, and the calls are checked like
// declared endpoints.
func TestRunReadsTheCode(t *testing.T) {
	t.Parallel()
	sim := runSim(t)
	tree := fstest.MapFS{
		"pay/refund.js":  {Data: []byte(refundJS)},
		"other/noop.js":  {Data: []byte("console.log('checkout')\n")},
		"pay/legacy.js":  {Data: []byte(refundJS)},
		"docs/readme.md": {Data: []byte("# cko\n")},
	}
	a, b := withCode("a", runKeyNoRefund, "pay", "!pay/legacy.js"), withCode("b", runKeyFull, "pay", "!pay/legacy.js")
	c := withCode("c", runKeyFull, "other")
	for _, cr := range []*spec.Credential{&a, &b, &c} {
		cr.APIURL = sim.URL()
	}
	r := engine.Run(context.Background(), codeRun(t, a, b, c), engine.Options{HTTPClient: sim.Client(), Workspace: tree})
	type scanned struct{ ID, Status, Message string }
	var got []scanned
	for _, ch := range r.Checks {
		if ch.ID == report.CheckCodeScanned {
			got = append(got, scanned{ch.ID, string(ch.Status), ch.Message})
		}
	}
	want := []scanned{
		{report.CheckCodeScanned, "pass", `read 1 source file in "pay": 2 calls of Checkout.com, checked for a, b`},
		{report.CheckCodeScanned, "pass", `read 1 source file in "other": 0 calls of Checkout.com, checked for c`},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("scans (-want +got):\n%s", diff)
	}
	statuses := map[string][]string{}
	for _, cr := range r.Credentials {
		for _, e := range cr.Endpoints {
			statuses[cr.Name] = append(statuses[cr.Name], e.Method+" "+e.Template+" "+string(e.Status))
		}
	}
	wantStatuses := map[string][]string{
		"a": {"POST /payments/{id}/refunds forbidden", "POST /payments authorized"},
		"b": {"POST /payments/{id}/refunds authorized", "POST /payments authorized"},
	}
	if diff := cmp.Diff(wantStatuses, statuses); diff != "" {
		t.Errorf("endpoints (-want +got):\n%s", diff)
	}
	if fx := sim.SideEffects(); len(fx) > 0 {
		t.Errorf("side effects: %+v", fx)
	}
}

// TestRunWithoutAWorkspace: discovery on with no tree to read fails
// code.scanned rather than checking nothing.
func TestRunWithoutAWorkspace(t *testing.T) {
	t.Parallel()
	sim := runSim(t)
	c := withCode("a", runKeyFull, ".")
	c.APIURL = sim.URL()
	r := engine.Run(context.Background(), codeRun(t, c), engine.Options{HTTPClient: sim.Client()})
	if r.Result != report.ResultFail || r.Checks[0].ID != report.CheckCodeScanned || r.Checks[0].Status != report.StatusFail {
		t.Errorf("result %s, first check %+v", r.Result, r.Checks[0])
	}
}

// TestInvalid: a run whose settings are unusable is a report of failing
// config.valid checks, one per error.
func TestInvalid(t *testing.T) {
	t.Parallel()
	r := engine.Invalid(errors.Join(&config.Error{Message: "a"}, &config.Error{Message: "b", Title: "Invalid scope"}), engine.Options{ToolVersion: "v1"})
	var titles []string
	for _, c := range r.Checks {
		titles = append(titles, string(c.Status)+" "+c.Title)
	}
	if diff := cmp.Diff([]string{"fail Invalid configuration", "fail Invalid scope"}, titles); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if r.Result != report.ResultFail || r.ToolVersion != "v1" || len(r.Causes) != 2 {
		t.Errorf("result %s, version %q, %d causes", r.Result, r.ToolVersion, len(r.Causes))
	}
}
