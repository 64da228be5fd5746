package command

import (
	"os"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/checkout-preflight/checkout-preflight/preflight/simulator"
)

// TestSelfTestWorkflow runs each step of .github/workflows/self-test.yml
// that uses the action (uses: ./) through the emulated runner, so the
// workflow's expectations (its outcome and result output) cannot drift
// from the code, nor its keys from the simulator's demo keys.
func TestSelfTestWorkflow(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../../.github/workflows/self-test.yml")
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		Jobs map[string]struct {
			Steps []struct {
				ID              string            `yaml:"id"`
				Uses            string            `yaml:"uses"`
				ContinueOnError bool              `yaml:"continue-on-error"`
				With            map[string]string `yaml:"with"`
				Env             map[string]string `yaml:"env"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatal(err)
	}
	demo := map[string]bool{}
	for _, c := range simulator.DemoCredentials() {
		demo[c.SecretKey] = true
	}
	results := map[string]string{}
	outputs := map[string]map[string]string{}
	outcomes := map[string]int{}
	for _, job := range wf.Jobs {
		for _, step := range job.Steps {
			if step.Uses != "./" {
				continue
			}
			if k := step.With["secret-key"]; k != "" && !demo[k] {
				t.Errorf("step %q uses secret-key %q, which is not one of the simulator's demo keys", step.ID, k)
			}
			h := newHarness(t, simulator.Options{})
			h.actionEnv(step.With)
			// The emulated runner's simulator URLs must not override the
			// step's own simulate: true.
			for _, in := range []string{"INPUT_API-URL", "INPUT_AUTH-URL", "INPUT_IP-ECHO-URLS"} {
				h.env[in] = ""
			}
			code := h.runAction()
			outcomes[step.ID] = code
			outputs[step.ID] = h.outputs()
			results[step.ID] = outputs[step.ID]["result"]
			if code != ExitOK && !step.ContinueOnError {
				t.Errorf("step %q fails (exit %d) without continue-on-error: the workflow would stop\n%s", step.ID, code, h.stdout.String())
			}
		}
	}
	// The expectations the workflow's last step checks.
	want := map[string]string{"pass": "pass", "fail": "fail", "demo": "fail"}
	for id, result := range want {
		if results[id] != result {
			t.Errorf("step %q: result output = %q, want %q (as the workflow checks)", id, results[id], result)
		}
	}
	if got := outputs["pass"]["credential-kind"] + " " + outputs["pass"]["egress-ip"]; got != "secret_key 203.0.113.10" {
		t.Errorf("step \"pass\": credential-kind and egress-ip = %q, want \"secret_key 203.0.113.10\"", got)
	}
	if got := outputs["fail"]["missing-scopes"]; got != "gateway:payment-refunds" {
		t.Errorf("step \"fail\": missing-scopes = %q, want gateway:payment-refunds", got)
	}
	if outcomes["fail"] != ExitFailed {
		t.Errorf("step \"fail\" exits %d, want %d", outcomes["fail"], ExitFailed)
	}
	if !strings.Contains(string(data), "test \"$FAIL_MISSING\" = gateway:payment-refunds") {
		t.Error("the workflow no longer checks the missing-scopes output")
	}
}
