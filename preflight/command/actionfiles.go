package command

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/render"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// log writes the text report to the step's log between stop-commands
// markers, so that nothing in it (a value the user wrote, an answer from a
// server) can be read by the runner as a workflow command.
func (o *actionOutput) log(r report.Report) {
	token, err := randomDelimiter()
	if err != nil {
		return // no marker, no log: the summary and annotations still say it all
	}
	fmt.Fprintf(o.c.Stdout, "::stop-commands::%s\n", token)
	_ = renderFormat(o.c.Stdout, "text", r, false)
	fmt.Fprintf(o.c.Stdout, "::%s::\n", token)
}

// annotate writes the ranked annotations (at most ten of each level, as
// the runner keeps) through go-githubactions, which escapes data and
// properties per the workflow-command rules.
func (o *actionOutput) annotate(r report.Report) {
	ws := workspaceFiles{c: o.c, dir: o.c.Getenv("GITHUB_WORKSPACE")}
	defer ws.close()
	for _, an := range render.Annotations(r, render.RunnerAnnotationLimit) {
		fields := map[string]string{"title": an.Title}
		if an.File = ws.locate(an.File); an.File != "" {
			fields["file"] = an.File
			if an.Line > 0 {
				fields["line"] = strconv.Itoa(an.Line)
			}
			if an.Column > 0 {
				fields["col"] = strconv.Itoa(an.Column)
			}
		}
		a := o.a.WithFieldsMap(fields)
		switch an.Level {
		case render.LevelError:
			a.Errorf("%s", an.Message)
		case render.LevelWarning:
			a.Warningf("%s", an.Message)
		default:
			a.Noticef("%s", an.Message)
		}
	}
}

// summary appends the Markdown job summary to GITHUB_STEP_SUMMARY, its
// positions linked to the lines of the commit the job runs on.
func (o *actionOutput) summary(r report.Report) error {
	file := o.c.Getenv("GITHUB_STEP_SUMMARY")
	if file == "" {
		return nil
	}
	opts := render.MarkdownOptions{
		ServerURL: o.c.Getenv("GITHUB_SERVER_URL"), Repository: o.c.Getenv("GITHUB_REPOSITORY"), SHA: o.c.Getenv("GITHUB_SHA"),
	}
	return o.c.AppendFile(file, []byte(render.Markdown(r, opts)))
}

// outputs writes the JSON report under the workspace (see reportPath)
// and the step outputs to GITHUB_OUTPUT, each value between random
// delimiters so no value can end the heredoc early or inject another
// output.
func (o *actionOutput) outputs(r report.Report) error {
	values := outputValues(r)
	if dir, p := reportPath(o.c.Getenv); p != "" {
		if dir != "" {
			if err := o.c.WriteFile(dir, path.Join(reportDir, ".gitignore"), []byte(reportIgnore), 0o644); err != nil {
				return fmt.Errorf("cannot write the report directory's .gitignore: %w", err)
			}
		}
		if err := writeReportFile(o.c, dir, p, r); err != nil {
			return err
		}
		values[outReport] = p
	}
	file := o.c.Getenv("GITHUB_OUTPUT")
	if file == "" {
		return nil
	}
	var buf bytes.Buffer
	for _, name := range actionOutputs() {
		if err := writeOutput(&buf, name, values[name]); err != nil {
			return err
		}
	}
	return o.c.AppendFile(file, buf.Bytes())
}

// outputValues computes every output but report from r. With several
// credentials, kinds and environments are listed in credential order.
func outputValues(r report.Report) map[string]string {
	var kinds, envs, missing []string
	for _, c := range r.Credentials {
		kinds = append(kinds, c.Kind)
		envs = append(envs, orDash(c.Environment))
		for _, s := range c.MissingScopes {
			if !slices.Contains(missing, s) {
				missing = append(missing, s)
			}
		}
	}
	v := map[string]string{
		outResult: string(r.Result), outCredentialKind: strings.Join(kinds, " "),
		outEnvironment: strings.Join(envs, " "), outMissingScopes: strings.Join(missing, " "),
	}
	if r.Egress != nil {
		v[outEgressIP] = r.Egress.IPv4
		if v[outEgressIP] == "" {
			v[outEgressIP] = r.Egress.IPv6
		}
	}
	return v
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// writeOutput writes one output in the runner's heredoc form with a
// random delimiter that does not occur in the value.
func writeOutput(buf *bytes.Buffer, name, value string) error {
	for range 8 {
		delim, err := randomDelimiter()
		if err != nil {
			return err
		}
		if strings.Contains(value, delim) {
			continue
		}
		fmt.Fprintf(buf, "%s<<%s\n%s\n%s\n", name, delim, value, delim)
		return nil
	}
	return fmt.Errorf("output %q: no delimiter found that the value does not contain", name)
}

func randomDelimiter() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("cannot make an output delimiter: %w", err)
	}
	return "ghadelimiter_" + hex.EncodeToString(b[:]), nil
}
