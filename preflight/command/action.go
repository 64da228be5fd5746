package command

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/sethvargo/go-githubactions"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/spec"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// Output names, as declared in action.yml (action_test.go checks both).
const (
	outResult         = "result"
	outCredentialKind = "credential-kind"
	outEnvironment    = "environment"
	outEgressIP       = "egress-ip"
	outMissingScopes  = "missing-scopes"
	outReport         = "report"
)

func actionOutputs() []string {
	return []string{outResult, outCredentialKind, outEnvironment, outEgressIP, outMissingScopes, outReport}
}

// runAction runs as a GitHub Action: settings come from INPUT_* variables
// (read through go-githubactions), results go to the runner's files.
func (c *Command) runAction(ctx context.Context) int {
	w := &lockedWriter{w: c.Stdout}
	a := githubactions.New(githubactions.WithWriter(w), githubactions.WithGetenv(c.Getenv))
	r := &actionInputsReader{c: c, a: a}
	out := &actionOutput{c: c, a: a, masked: map[string]bool{}}
	// Masks before anything else is written, whatever happens next.
	var secrets []string
	for _, s := range config.Settings() {
		if s.Secret {
			secrets = append(secrets, r.raw(s.Name))
		}
	}
	out.mask(secrets)
	in := r.inputs()
	// Files named in inputs are relative to the workspace; positions in
	// annotations keep the relative form, which is what GitHub expects.
	ws := *c
	ws.confine = c.Getenv("GITHUB_WORKSPACE")
	return ws.execute(ctx, in, out, c.Getenv("RUNNER_DEBUG") == "1")
}

// inputs reads every setting's input.
func (r *actionInputsReader) inputs() spec.Inputs {
	in := spec.Inputs{}
	for _, s := range config.Settings() {
		switch {
		case s.Secret:
			in.Set(s.Name, r.raw(s.Name), r.keyPosition(s.Name))
		case s.List:
			if values := r.list(s.Name); len(values) > 0 {
				in[s.Name] = values
			}
		default:
			in.Set(s.Name, r.a.GetInput(s.Name), r.keyPosition(s.Name))
		}
	}
	return in
}

// actionInputsReader reads inputs, with positions in the workflow file
// when the workspace holds it.
type actionInputsReader struct {
	c        *Command
	a        *githubactions.Action
	workflow *workflowFile
}

type workflowFile struct {
	path string
	data []byte
}

// raw reads a secret input untrimmed (go-githubactions trims), so that a
// stray newline in a stored secret can be reported.
func (r *actionInputsReader) raw(name string) string {
	return r.c.Getenv("INPUT_" + strings.ToUpper(name))
}

// list reads a multi-line input. When the workflow file is in the
// workspace and holds the value literally, each item carries its line
// there, so annotations land on the right line of the pull request.
func (r *actionInputsReader) list(name string) []config.Value {
	text := r.a.GetInput(name)
	values := lines(text)
	if len(values) == 0 {
		return nil
	}
	wf := r.workflowFile()
	if wf == nil {
		return values
	}
	found, ok := config.FindInput(wf.path, wf.data, name)
	if !ok {
		return values
	}
	positioned := found.Values()
	if !sameTexts(values, positioned) {
		for i := range values {
			values[i].Pos = found.Key
		}
		return values
	}
	return positioned
}

func sameTexts(a, b []config.Value) bool {
	return slices.EqualFunc(a, b, func(x, y config.Value) bool { return x.Text == y.Text })
}

// keyPosition is where an input's key is written in the workflow, for
// findings about the setting; the zero Position when unknown.
func (r *actionInputsReader) keyPosition(name string) report.Position {
	wf := r.workflowFile()
	if wf == nil {
		return report.Position{}
	}
	found, ok := config.FindInput(wf.path, wf.data, name)
	if !ok {
		return report.Position{}
	}
	return found.Key
}

// workflowFile loads the running workflow from the workspace, once; nil
// when it cannot be found.
func (r *actionInputsReader) workflowFile() *workflowFile {
	if r.workflow != nil {
		return r.workflow
	}
	rel := config.WorkflowFile(r.c.Getenv("GITHUB_WORKFLOW_REF"))
	if rel == "" {
		return nil
	}
	data, err := r.c.ReadFile(r.c.Getenv("GITHUB_WORKSPACE"), rel)
	if err != nil {
		return nil
	}
	r.workflow = &workflowFile{path: rel, data: data}
	return r.workflow
}

// actionOutput writes masks, annotations, the job summary, outputs and the
// JSON report for the runner.
type actionOutput struct {
	c      *Command
	a      *githubactions.Action
	mu     sync.Mutex
	masked map[string]bool // values already masked
}

func (o *actionOutput) inAction() bool { return true }

// mask records each value with the redactor and registers it, and each of
// its lines (a mask is one line), with the runner, unredacted and before
// any line that could hold it. Values that cannot be secrets are neither
// (see sink.addSecret).
func (o *actionOutput) mask(values []string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, v := range values {
		for _, part := range o.c.sink.addSecret(v) {
			if !o.masked[part] {
				o.masked[part] = true
				_ = o.c.sink.stdout.WriteRaw([]byte("::add-mask::" + part + "\n"))
			}
		}
	}
}

func (o *actionOutput) debug(line string) { o.a.Debugf("%s", line) }

func (o *actionOutput) finish(r report.Report, code int) int {
	ws := workspaceFiles{c: o.c, dir: o.c.Getenv("GITHUB_WORKSPACE")}
	r = ws.positions(r)
	ws.close()
	o.log(r)
	o.annotate(r)
	if err := o.summary(r); err != nil {
		o.a.Warningf("cannot write the job summary: %v", err)
	}
	if err := o.outputs(r); err != nil {
		o.a.Errorf("cannot write the step outputs: %v", err)
		return max(code, ExitFailed)
	}
	return code
}
