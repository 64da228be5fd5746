package command

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/sethvargo/go-githubactions"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/render"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// Escapes of workflow-command properties and data, as the runner undoes
// them (actions/runner ActionCommand: escape mappings of v2 commands).
var (
	propertyEscapes = map[string]string{"%25": "%", "%0D": "\r", "%0A": "\n", "%3A": ":", "%2C": ","}
	dataEscapes     = map[string]string{"%25": "%", "%0D": "\r", "%0A": "\n"}
)

// unescape undoes escapes in s. Every '%' must start one of them, and
// none of the characters they stand for may appear raw; otherwise the
// runner would read s differently from what was meant.
func unescape(s string, escapes map[string]string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '%' {
			if i+3 > len(s) || escapes[s[i:i+3]] == "" {
				return "", fmt.Errorf("%q at byte %d is not an escape", s[i:min(i+3, len(s))], i)
			}
			b.WriteString(escapes[s[i:i+3]])
			i += 2
			continue
		}
		for _, raw := range escapes {
			if raw != "%" && raw[0] == c {
				return "", fmt.Errorf("raw %q at byte %d", c, i)
			}
		}
		b.WriteByte(c)
	}
	return b.String(), nil
}

// parseAnnotations reads the workflow commands in out back into
// annotations, and fails on anything that is not exactly one
// ::error/::warning/::notice command per line with properly escaped
// properties (title, file, line, col) and data.
func parseAnnotations(out string) ([]render.Annotation, error) {
	if !strings.HasSuffix(out, "\n") {
		return nil, fmt.Errorf("output does not end with a newline: %q", out)
	}
	var got []render.Annotation
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if strings.ContainsRune(line, '\r') {
			return nil, fmt.Errorf("line holds a carriage return, which the runner reads as a line break: %q", line)
		}
		cmdInfo, data, ok := strings.Cut(strings.TrimPrefix(line, "::"), "::")
		if !ok || !strings.HasPrefix(line, "::") {
			return nil, fmt.Errorf("line is not a workflow command: %q", line)
		}
		level, props, _ := strings.Cut(cmdInfo, " ")
		if level != render.LevelError && level != render.LevelWarning && level != render.LevelNotice {
			return nil, fmt.Errorf("command %q is not an annotation: %q", level, line)
		}
		a := render.Annotation{Level: level}
		msg, err := unescape(data, dataEscapes)
		if err != nil {
			return nil, fmt.Errorf("data of %q: %w", line, err)
		}
		a.Message = msg
		seen := map[string]bool{}
		for _, kv := range strings.Split(props, ",") {
			if props == "" {
				break
			}
			k, raw, ok := strings.Cut(kv, "=")
			if !ok || seen[k] {
				return nil, fmt.Errorf("property %q is malformed or repeated in %q", kv, line)
			}
			seen[k] = true
			v, err := unescape(raw, propertyEscapes)
			if err != nil {
				return nil, fmt.Errorf("property %s of %q: %w", k, line, err)
			}
			switch k {
			case "title":
				a.Title = v
			case "file":
				a.File = v
			case "line", "col":
				n, err := strconv.Atoi(v)
				if err != nil || n <= 0 {
					return nil, fmt.Errorf("property %s=%q is not a positive number", k, v)
				}
				if k == "line" {
					a.Line = n
				} else {
					a.Column = n
				}
			default:
				return nil, fmt.Errorf("unexpected property %q in %q", k, line)
			}
		}
		got = append(got, a)
	}
	return got, nil
}

// annotationOutput writes r's annotations the way the action does and
// returns what reached stdout.
func annotationOutput(r report.Report) string {
	var buf bytes.Buffer
	a := githubactions.New(githubactions.WithWriter(&buf), githubactions.WithGetenv(func(string) string { return "" }))
	o := &actionOutput{c: &Command{Getenv: func(string) string { return "" }}, a: a, masked: map[string]bool{}}
	o.annotate(r)
	return buf.String()
}

// FuzzAnnotationCommand feeds arbitrary titles, messages and file paths
// through the action's annotation writer and checks that each annotation
// stays one workflow command the runner reads back exactly as rendered,
// with no other command injected.
func FuzzAnnotationCommand(f *testing.F) {
	f.Add("Missing scope", "the key lacks gateway:payment-refunds\nadd it", ".github/workflows/ci.yml", uint16(12), uint16(7), uint8(0))
	f.Add("t%0A::add-mask::x", "%0A::add-mask::x", "a%0A::add-mask::x", uint16(1), uint16(0), uint8(0))
	f.Add("x\n::set-output name=x::y", "\n::set-output name=x::y", "\n::set-output name=x::y", uint16(0), uint16(0), uint8(1))
	f.Add("title,with:colons", "data,with:colons::and=equals", "dir,with:colons/f=ile.yml", uint16(3), uint16(4), uint8(2))
	f.Add("cr\rtitle", "cr\rmessage\r\n::error::injected", "cr\rfile", uint16(5), uint16(1), uint8(0))
	f.Add("ünïcödé \u2028 \u202e", "line\u2028sep \u0085 nel \u202eoverride", "ф/文件.yml", uint16(9), uint16(9), uint8(1))
	f.Add("%25%", "100% %25 %2C %3A %", "%%%", uint16(65535), uint16(65535), uint8(0))
	f.Fuzz(func(t *testing.T, title, message, file string, line, col uint16, kind uint8) {
		status := []report.Status{report.StatusFail, report.StatusWarn, report.StatusSkip}[int(kind)%3]
		r := report.Report{Checks: []report.Check{{
			ID: report.CheckEndpointAuthorized, Status: status, Title: title, Message: message,
			Position: &report.Position{File: file, Line: int(line), Column: int(col)},
		}}}
		if status == report.StatusSkip {
			r.Result = report.ResultSkipped // a skip is annotated only when the run was skipped
		}
		r.Causes = report.Causes(r.Checks)
		want := render.Annotations(r, render.RunnerAnnotationLimit)
		if len(want) != 1 {
			t.Fatalf("render.Annotations gave %d annotations, want 1", len(want))
		}
		ws := workspaceFiles{}
		if want[0].File = ws.locate(want[0].File); want[0].File == "" {
			want[0].Line, want[0].Column = 0, 0
		}
		out := annotationOutput(r)
		got, err := parseAnnotations(out)
		if err != nil {
			t.Fatalf("%v\noutput: %q", err, out)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("annotation read back differs (-rendered +read):\n%s\noutput: %q", diff, out)
		}
	})
}

// TestParseAnnotationsRejects proves the fuzz target's checks can fail:
// unescaped or injected output is refused.
func TestParseAnnotationsRejects(t *testing.T) {
	t.Parallel()
	for _, out := range []string{
		"::error title=a::x\n::add-mask::y\n",
		"::error title=a::x\n::set-output name=x::y\n",
		"::error title=a::x\r::add-mask::y\n",
		"::error title=a,b::x\n",
		"::error title=a:b::x\n",
		"::error title=100%::x\n",
		"::error::100% sure\n",
		"::error title=a,title=b::x\n",
		"::error line=0::x\n",
		"::warning::no newline",
		"plain text\n",
	} {
		if got, err := parseAnnotations(out); err == nil {
			t.Errorf("parseAnnotations(%q) = %+v, want an error", out, got)
		}
	}
}
