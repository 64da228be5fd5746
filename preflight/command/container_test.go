package command

import (
	"strings"
	"testing"

	"github.com/checkout-preflight/checkout-preflight/preflight/simulator"
)

// stepPaths checks what a later step of the job reads: every output that
// names a file, and every annotation's file, must be valid outside the
// container — relative to the workspace (the later step's working
// directory), cleaned, and naming a file the workspace has — never
// /github/workspace or /github/runner_temp, which only the container sees.
func stepPaths(t *testing.T, h *harness) {
	t.Helper()
	for name, v := range h.outputs() {
		if strings.Contains(v, "/github/") {
			t.Errorf("output %s = %q names a path only the container has", name, v)
		}
	}
	if rep := h.outputs()["report"]; rep != "" {
		if h.file(workspace+"/"+rep) == "" {
			t.Errorf("output report = %q, which is not in the workspace", rep)
		}
		if got := h.file(workspace + "/.checkout-preflight/.gitignore"); !strings.Contains(got, "*") {
			t.Errorf("the report directory's .gitignore = %q, want one that ignores it all", got)
		}
	}
	for _, line := range append(h.commands("error"), append(h.commands("warning"), h.commands("notice")...)...) {
		_, props, _ := strings.Cut(strings.SplitN(line, "::", 3)[1], " ")
		for _, p := range strings.Split(props, ",") {
			file, ok := strings.CutPrefix(p, "file=")
			if !ok {
				continue
			}
			switch {
			case strings.HasPrefix(file, "/") || strings.HasPrefix(file, "./") || strings.Contains(file, ".."):
				t.Errorf("annotation file=%q is not a clean workspace-relative path: %s", file, line)
			case h.file(workspace+"/"+file) == "":
				t.Errorf("annotation file=%q is not in the workspace: %s", file, line)
			}
		}
	}
}

func TestContainerPaths(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		inputs map[string]string
		files  map[string]string
		want   string // an annotation's file=, "" for none to check
	}{
		{"a config named with ./", map[string]string{"config": "./.github/preflight.yml"},
			map[string]string{".github/preflight.yml": "version: 1\ncredentials:\n  - name: svc\n    secret-key-env: KEY\n    endpoints: [GET /paymnts]\n"},
			"file=.github/preflight.yml"},
		{"a config named by its container path", map[string]string{"config": workspace + "/.github/preflight.yml"},
			map[string]string{".github/preflight.yml": "version: 1\ncredentials:\n  - name: svc\n    secret-key-env: KEY\n    endpoints: [GET /paymnts]\n"},
			"file=.github/preflight.yml"},
		{"the demo's built-in config", map[string]string{"simulate": "true"}, nil, ""},
		{"a refused endpoint declared in the workflow", map[string]string{"secret-key": keyNoRefunds, "endpoints": "GET /payments/{id}\nPOST /payments/{id}/refunds\n"},
			map[string]string{workflowPath: paymentsWorkflow}, "file=" + workflowPath},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, simulator.Options{})
			for k, v := range tt.files {
				h.writeFile(k, v)
			}
			h.env["KEY"] = keyFull
			h.actionEnv(tt.inputs)
			h.runAction()
			stepPaths(t, h)
			for _, out := range []string{h.file(summaryFile), h.file(workspace + "/" + h.outputs()["report"])} {
				if strings.Contains(out, "checkout-preflight.demo.yml") || strings.Contains(out, "./.github") {
					t.Errorf("a summary or report names a position the workspace lacks, or an uncleaned one:\n%.3000s", out)
				}
			}
			if tt.want != "" && !strings.Contains(strings.Join(h.commands("error"), "\n"), tt.want) {
				t.Errorf("no error annotation with %s:\n%s", tt.want, h.stdout.String())
			}
		})
	}
}

func TestWorkspaceRelative(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ dir, in, want string }{
		{"/github/workspace", "./.github/x.yml", ".github/x.yml"},
		{"/github/workspace", "/github/workspace/.github/x.yml", ".github/x.yml"},
		{"/github/workspace", ".github//x.yml", ".github/x.yml"},
		{"/github/workspace", "../outside.yml", "../outside.yml"},
		{"/github/workspace", "/etc/passwd", "/etc/passwd"},
		{"", "./x.yml", "./x.yml"},
	} {
		if got := workspaceRelative(tt.dir, tt.in); got != tt.want {
			t.Errorf("workspaceRelative(%q, %q) = %q, want %q", tt.dir, tt.in, got, tt.want)
		}
	}
}
