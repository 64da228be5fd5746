package command

import (
	"bufio"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
)

var update = flag.Bool("update", false, "rewrite golden files")

const (
	workspace    = "/github/workspace"
	runnerTemp   = "/github/runner_temp"
	outputFile   = "/github/file_commands/set_output"
	summaryFile  = "/github/file_commands/step_summary"
	workflowPath = ".github/workflows/payments.yml"
)

// actionEnv emulates the runner's environment for a Docker action step;
// inputs are set with INPUT_<NAME>, the name upper-cased, hyphens kept.
func (h *harness) actionEnv(inputs map[string]string) {
	h.env["GITHUB_ACTIONS"] = "true"
	h.env["GITHUB_WORKSPACE"] = workspace
	h.env["RUNNER_TEMP"] = runnerTemp
	h.env["GITHUB_OUTPUT"] = outputFile
	h.env["GITHUB_STEP_SUMMARY"] = summaryFile
	h.env["GITHUB_ACTION"] = "preflight"
	h.env["GITHUB_WORKFLOW_REF"] = "acme/payments/" + workflowPath + "@refs/heads/main"
	h.env["GITHUB_SERVER_URL"], h.env["GITHUB_REPOSITORY"], h.env["GITHUB_SHA"] = "https://github.com", "acme/payments", "0123456789abcdef0123456789abcdef01234567"
	// The runner sets every input declared in action.yml, to its default
	// when the workflow leaves it out; action.yml declares none.
	for _, name := range actionInputs() {
		h.env["INPUT_"+strings.ToUpper(name)] = ""
	}
	h.env["INPUT_API-URL"], h.env["INPUT_AUTH-URL"], h.env["INPUT_IP-ECHO-URLS"] = h.sim.URL(), h.sim.TokenURL(), h.sim.EchoURL()
	for k, v := range inputs {
		h.env["INPUT_"+strings.ToUpper(k)] = v
	}
}

// writeFile puts a file in the emulated workspace.
func (h *harness) writeFile(rel, content string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.files[filepath.Join(workspace, rel)] = []byte(content)
}

func (h *harness) file(name string) string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return string(h.files[name])
}

// runAction runs Main with no arguments, as the action's container does.
func (h *harness) runAction() int {
	h.t.Helper()
	return h.run()
}

// outputs parses GITHUB_OUTPUT's heredoc records into a map.
func (h *harness) outputs() map[string]string {
	h.t.Helper()
	out := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(h.file(outputFile)))
	for sc.Scan() {
		name, delim, ok := strings.Cut(sc.Text(), "<<")
		if !ok {
			h.t.Fatalf("GITHUB_OUTPUT line %q is not a heredoc start", sc.Text())
		}
		var lines []string
		for sc.Scan() && sc.Text() != delim {
			lines = append(lines, sc.Text())
		}
		out[name] = strings.Join(lines, "\n")
	}
	return out
}

// commands returns stdout's workflow-command lines, "::" stripped, with
// the simulator's port normalised.
func (h *harness) commands(prefix string) []string {
	var out []string
	for _, line := range strings.Split(h.stdout.String(), "\n") {
		if strings.HasPrefix(line, "::"+prefix) {
			out = append(out, normalise(line))
		}
	}
	return out
}

var (
	portPattern     = regexp.MustCompile(`127\.0\.0\.1(%3A|:)\d+`)
	durationPattern = regexp.MustCompile(`\b\d+(\.\d+)?(ms|µs|s)\b`)
	requestIDs      = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)
	timestamps      = regexp.MustCompile(`\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC`)
)

// normalise replaces what changes from run to run (ports, durations,
// request ids) with placeholders.
func normalise(s string) string {
	s = portPattern.ReplaceAllString(s, "127.0.0.1${1}PORT")
	s = durationPattern.ReplaceAllString(s, "DURATION")
	s = timestamps.ReplaceAllString(s, "TIMESTAMP")
	return requestIDs.ReplaceAllString(s, "REQUEST-ID")
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t testing.TB, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("missing golden file (run go test -update): %v", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got; go test -update rewrites it):\n%s", path, diff)
	}
}

// actionInputs lists every input the action reads, in action.yml order:
// the settings of config.Settings (action_test.go checks it against
// action.yml).
func actionInputs() []string {
	var out []string
	for _, s := range config.Settings() {
		out = append(out, s.Name)
	}
	return out
}
