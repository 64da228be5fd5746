package release

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"
)

// TestActionsPinnedByCommit checks every `uses:` of every workflow: a
// third-party action is pinned by a full commit SHA followed by the
// release it is, "# vX.Y.Z", and one action at one release has one SHA
// everywhere. Local actions (./) and images by digest pass as they are.
func TestActionsPinnedByCommit(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob(filepath.Join(repoRoot, ".github", "workflows", "*.yml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no workflows found: %v", err)
	}
	uses := regexp.MustCompile(`^\s*(?:-\s+)?uses:\s*(\S+)\s*(?:#\s*(.*))?$`)
	pinned := regexp.MustCompile(`^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@([0-9a-f]{40})$`)
	release := regexp.MustCompile(`^v\d+\.\d+\.\d+$`)
	seen := map[string]string{} // action@release → SHA
	for _, file := range files {
		name := ".github/workflows/" + filepath.Base(file)
		for i, line := range strings.Split(string(readRepoFile(t, name)), "\n") {
			m := uses.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			ref, comment := m[1], strings.TrimSpace(m[2])
			at := fmt.Sprintf("%s:%d", name, i+1)
			switch {
			case strings.HasPrefix(ref, "./"):
				continue
			case strings.HasPrefix(ref, "docker://"):
				if !regexp.MustCompile(`@sha256:[0-9a-f]{64}$`).MatchString(ref) {
					t.Errorf("%s: image %q is not pinned by digest", at, ref)
				}
				continue
			}
			p := pinned.FindStringSubmatch(ref)
			if p == nil {
				t.Errorf("%s: %q is not pinned by a full commit SHA; write owner/repo@<40 hex digits> # vX.Y.Z", at, ref)
				continue
			}
			if !release.MatchString(comment) {
				t.Errorf("%s: %q lacks the release it pins; end the line with \"# vX.Y.Z\", not %q", at, ref, comment)
				continue
			}
			action, _, _ := strings.Cut(ref, "@")
			key := action + "@" + comment
			if sha, ok := seen[key]; ok && sha != p[1] {
				t.Errorf("%s: %s is pinned to %s here and %s elsewhere", at, key, p[1], sha)
			}
			seen[key] = p[1]
		}
	}
	if len(seen) == 0 {
		t.Error("no third-party action found in the workflows; is the pattern right?")
	}
}

// releaseWorkflow is the part of release.yml these tests read.
type releaseWorkflow struct {
	On          map[string]yaml.Node
	Permissions yaml.Node
	Jobs        map[string]struct {
		Permissions map[string]string
		Steps       []struct{ Name, Uses, Run string }
	}
}

// TestReleaseWorkflowTrigger pins the one-tag design: the workflow starts
// only when someone dispatches it with a version, never on a push of a
// tag (the tag is what it makes).
func TestReleaseWorkflowTrigger(t *testing.T) {
	t.Parallel()
	var wf releaseWorkflow
	decodeRepoYAML(t, ".github/workflows/release.yml", &wf)
	var triggers []string
	for name := range wf.On {
		triggers = append(triggers, name)
	}
	if diff := cmp.Diff([]string{"workflow_dispatch"}, triggers); diff != "" {
		t.Fatalf("release.yml triggers mismatch (-want +got):\n%s", diff)
	}
	var dispatch struct {
		Inputs map[string]struct {
			Required bool
			Type     string
		}
	}
	node := wf.On["workflow_dispatch"]
	if err := node.Decode(&dispatch); err != nil {
		t.Fatal(err)
	}
	if in, ok := dispatch.Inputs["version"]; !ok || !in.Required || in.Type != "string" || len(dispatch.Inputs) != 1 {
		t.Errorf("workflow_dispatch inputs = %+v, want one required string input \"version\"", dispatch.Inputs)
	}
}

// TestReleaseWorkflowPermissions pins each job's permissions, so that any
// widening is a deliberate change of this test; the workflow grants none
// by default.
func TestReleaseWorkflowPermissions(t *testing.T) {
	t.Parallel()
	var wf releaseWorkflow
	decodeRepoYAML(t, ".github/workflows/release.yml", &wf)
	if wf.Permissions.Kind != yaml.MappingNode || len(wf.Permissions.Content) != 0 {
		t.Errorf("release.yml's top-level permissions must be {}, so that each job names its own")
	}
	got := map[string]map[string]string{}
	for name, job := range wf.Jobs {
		got[name] = job.Permissions
	}
	want := map[string]map[string]string{
		"prepare": {"contents": "read"},
		"image":   {"contents": "read", "packages": "write", "id-token": "write", "attestations": "write"},
		"release": {"contents": "write", "id-token": "write", "attestations": "write"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("release.yml job permissions mismatch (-want +got):\n%s", diff)
	}
}

// TestOneGoReleaser checks that CI's snapshot and the release use the same
// GoReleaser.
func TestOneGoReleaser(t *testing.T) {
	t.Parallel()
	pin := regexp.MustCompile(`github\.com/goreleaser/goreleaser/v2@v\d+\.\d+\.\d+`)
	var got []string
	for _, name := range []string{".ci/release-check", ".github/workflows/release.yml", ".goreleaser.yaml"} {
		for _, m := range pin.FindAllString(string(readRepoFile(t, name)), -1) {
			got = append(got, name+": "+m)
		}
	}
	want := []string{
		".ci/release-check: github.com/goreleaser/goreleaser/v2@v2.15.1",
		".github/workflows/release.yml: github.com/goreleaser/goreleaser/v2@v2.15.1",
		".goreleaser.yaml: github.com/goreleaser/goreleaser/v2@v2.15.1",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("GoReleaser versions mismatch (-want +got):\n%s", diff)
	}
}

// TestReadmeFollowsTheReleaseWorkflow keeps README "Releasing" a faithful
// account of release.yml: it names every job and every named step, as
// `job` and `step name`, in the workflow's order.
func TestReadmeFollowsTheReleaseWorkflow(t *testing.T) {
	t.Parallel()
	readme := string(readRepoFile(t, "README.md"))
	start := strings.Index(readme, "\n## Releasing\n")
	if start < 0 {
		t.Fatal(`README.md has no "## Releasing" section`)
	}
	section := readme[start+1:]
	if end := strings.Index(section[1:], "\n## "); end >= 0 {
		section = section[:end+1]
	}
	var order struct {
		Jobs yaml.Node
	}
	decodeRepoYAML(t, ".github/workflows/release.yml", &order)
	var wf releaseWorkflow
	decodeRepoYAML(t, ".github/workflows/release.yml", &wf)
	rest := strings.Join(strings.Fields(section), " ") // a code span may wrap
	for i := 0; i+1 < len(order.Jobs.Content); i += 2 {
		job := order.Jobs.Content[i].Value
		names := []string{job}
		for _, s := range wf.Jobs[job].Steps {
			if s.Name != "" {
				names = append(names, s.Name)
			}
		}
		for _, n := range names {
			at := strings.Index(rest, "`"+n+"`")
			if at < 0 {
				t.Errorf("README \"Releasing\" does not name `%s` (job %s) after the steps before it", n, job)
				continue
			}
			rest = rest[at+len(n)+2:]
		}
	}
}
