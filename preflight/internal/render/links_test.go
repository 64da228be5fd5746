package render

import (
	"strings"
	"testing"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
	"github.com/google/go-cmp/cmp"
)

func TestLinkerURL(t *testing.T) {
	t.Parallel()
	gh := MarkdownOptions{ServerURL: "https://github.com", Repository: "acme/payments", SHA: "0123abc"}
	tests := []struct {
		name string
		o    MarkdownOptions
		p    report.Position
		want string
	}{
		{"line", gh, report.Position{File: ".github/x.yml", Line: 12, Column: 7}, "https://github.com/acme/payments/blob/0123abc/.github/x.yml#L12"},
		{"no line", gh, report.Position{File: "x.yml"}, "https://github.com/acme/payments/blob/0123abc/x.yml"},
		{"dot slash", gh, report.Position{File: "./x.yml", Line: 1}, "https://github.com/acme/payments/blob/0123abc/x.yml#L1"},
		{"escaped", gh, report.Position{File: "a b/(c)#[d].yml", Line: 2}, "https://github.com/acme/payments/blob/0123abc/a%20b/%28c%29%23%5Bd%5D.yml#L2"},
		{"enterprise with a path", MarkdownOptions{ServerURL: "https://ghe.example/", Repository: "o/r", SHA: "s"}, report.Position{File: "f", Line: 3},
			"https://ghe.example/o/r/blob/s/f#L3"},
		{"no file", gh, report.Position{Line: 3}, ""},
		{"absolute", gh, report.Position{File: "/etc/x.yml", Line: 3}, ""},
		{"climbs out", gh, report.Position{File: "../x.yml", Line: 3}, ""},
		{"not clean", gh, report.Position{File: "a/../../x.yml", Line: 3}, ""},
		{"backslash", gh, report.Position{File: `a\x.yml`, Line: 3}, ""},
		{"no options", MarkdownOptions{}, report.Position{File: "x.yml", Line: 3}, ""},
		{"no sha", MarkdownOptions{ServerURL: "https://github.com", Repository: "o/r"}, report.Position{File: "x.yml", Line: 3}, ""},
		{"not a URL", MarkdownOptions{ServerURL: "javascript:alert(1)", Repository: "o/r", SHA: "s"}, report.Position{File: "x.yml", Line: 3}, ""},
		{"repository without owner", MarkdownOptions{ServerURL: "https://github.com", Repository: "r", SHA: "s"}, report.Position{File: "x.yml", Line: 3}, ""},
		{"repository with a path", MarkdownOptions{ServerURL: "https://github.com", Repository: "o/r/x", SHA: "s"}, report.Position{File: "x.yml", Line: 3}, ""},
		{"hostile sha", MarkdownOptions{ServerURL: "https://github.com", Repository: "o/r", SHA: "a) [x](y"}, report.Position{File: "x.yml", Line: 3},
			"https://github.com/o/r/blob/a%29%20%5Bx%5D%28y/x.yml#L3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, newLinker(tt.o).url(tt.p)); diff != "" {
				t.Errorf("url (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMarkdownLinksPositions: with the commit named, each position of a
// cause links to its line; without, it is a plain code span.
func TestMarkdownLinksPositions(t *testing.T) {
	t.Parallel()
	r := missingScopeReport()
	o := MarkdownOptions{ServerURL: "https://github.com", Repository: "acme/payments", SHA: "0123abc"}
	md := Markdown(r, o)
	want := "  - **At** [`.checkout-preflight.yml:9:9`](https://github.com/acme/payments/blob/0123abc/.checkout-preflight.yml#L9)\n"
	if !strings.Contains(md, want) {
		t.Errorf("summary has no line %q:\n%s", want, md)
	}
	if diff := cmp.Diff([]string(nil), mdProblems(md)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if plain := Markdown(r, MarkdownOptions{}); !strings.Contains(plain, "  - **At** `.checkout-preflight.yml:9:9`\n") || strings.Contains(plain, "](") {
		t.Errorf("without options, positions are not plain code spans:\n%s", plain)
	}
}

func TestListPositions(t *testing.T) {
	t.Parallel()
	ps := func(n int) []report.Position {
		var out []report.Position
		for i := range n {
			out = append(out, report.Position{File: "f.yml", Line: 10 + i})
		}
		return out
	}
	tests := []struct {
		n    int
		want string
	}{
		{1, ""},
		{2, "also at f.yml:11"},
		{3, "also at f.yml:11 and f.yml:12"},
		{4, "also at f.yml:11, f.yml:12 and f.yml:13"},
		{7, "also at f.yml:11, f.yml:12, f.yml:13 and 3 more"},
	}
	for _, tt := range tests {
		if got := alsoAt(ps(tt.n), report.Position.String); got != tt.want {
			t.Errorf("alsoAt(%d positions) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
