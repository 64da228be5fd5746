package config

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// WorkflowFile returns the workflow's path in its repository from the value
// of GITHUB_WORKFLOW_REF, "owner/repo/.github/workflows/ci.yml@refs/heads/main"
// giving ".github/workflows/ci.yml". It returns "" when ref does not have
// that shape.
func WorkflowFile(ref string) string {
	const dir = ".github/workflows/"
	owner, rest, ok1 := strings.Cut(ref, "/")
	repo, rest, ok2 := strings.Cut(rest, "/")
	path, at, ok3 := strings.Cut(rest, "@")
	if !ok1 || !ok2 || !ok3 || owner == "" || repo == "" || at == "" ||
		!strings.HasPrefix(path, dir) || len(path) == len(dir) || strings.Contains(path, "..") {
		return ""
	}
	return path
}

// Input is the value of one "with:" input of the step that runs the
// action, as written in the workflow.
type Input struct {
	// Name is the input's key as written ("endpoints").
	Name string
	// Key is the position of the key.
	Key report.Position
	// Text is the value as YAML reads it. When it differs from the value
	// the action received (because it holds a ${{ }} expression, say),
	// positions inside it do not apply; point at Key instead.
	Text string
	// Origin is the position of Text's first character, to pass to
	// SplitList as its origin. For a block of lines ("|") it is the first
	// line after the "|", at the block's indentation.
	Origin report.Position
	// Exact reports whether SplitList(Text, Origin) gives every item its
	// exact position; it is false for folded blocks (">") and values spread
	// over several lines, where Values gives every item the value's
	// position instead.
	Exact bool
}

// Values splits Text with SplitList, each item positioned in the workflow
// (see Exact). It returns nil when Text holds no item.
func (in Input) Values() []Value {
	if in.Exact {
		return SplitList(in.Text, in.Origin)
	}
	values := SplitList(in.Text, report.Position{})
	for i := range values {
		values[i].Pos = in.Origin
	}
	return values
}

// FindInput finds, in the workflow file data (path is used in positions
// only), the first step whose "uses:" mentions "checkout-preflight" or is
// the local action "./", that has the input under "with:", and returns
// that input. Input names match regardless of case, as in GitHub Actions.
// It returns false when there is no such step or the workflow does not
// parse.
func FindInput(path string, data []byte, input string) (Input, bool) {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return Input{}, false
	}
	s := newSource(path, data)
	jobs := lookup(doc.Content[0], "jobs")
	if jobs == nil || jobs.Kind != yaml.MappingNode {
		return Input{}, false
	}
	for i := 1; i < len(jobs.Content); i += 2 {
		steps := lookup(jobs.Content[i], "steps")
		if steps == nil || steps.Kind != yaml.SequenceNode {
			continue
		}
		for _, step := range steps.Content {
			if uses := lookup(step, "uses"); uses == nil || uses.Kind != yaml.ScalarNode || !isThisAction(uses.Value) {
				continue
			}
			with := lookup(step, "with")
			if with == nil || with.Kind != yaml.MappingNode {
				continue
			}
			for j := 0; j+1 < len(with.Content); j += 2 {
				key, val := with.Content[j], with.Content[j+1]
				if key.Kind != yaml.ScalarNode || !strings.EqualFold(key.Value, input) || val.Kind != yaml.ScalarNode {
					continue
				}
				in := Input{Name: key.Value, Key: s.pos(key)}
				if !isNull(val) {
					in.Text = val.Value
				}
				in.Origin, in.Exact = s.origin(val)
				return in, true
			}
		}
	}
	return Input{}, false
}

// isThisAction reports whether a "uses:" value refers to this action.
func isThisAction(uses string) bool {
	uses = strings.TrimSpace(uses)
	return uses == "./" || uses == "." || strings.Contains(strings.ToLower(uses), "checkout-preflight")
}

// lookup returns the value of key in the mapping n, or nil.
func lookup(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Kind == yaml.ScalarNode && n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}
