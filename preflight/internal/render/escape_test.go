package render

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestMdText(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain words", "plain words"},
		{"a|b", `a\|b`},
		{`a\b`, `a\\b`},
		{"<b>&</b>", "&lt;b&gt;&amp;&lt;/b&gt;"},
		{"line\nbreak\r\ttab", "line break  tab"},
		{"`code` *em* _u_ [l] ~s~ $m$", "\\`code\\` \\*em\\* \\_u\\_ \\[l\\] \\~s\\~ \\$m\\$"},
		{"esc\x1b[31m", `esc \[31m`},
		{"bidi\u202egnp.exe", "bidi gnp.exe"},
		{"bad\xffutf8", "bad\ufffdutf8"},
		{"sk_sbox_…k7q2", `sk\_sbox\_…k7q2`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, mdText(tt.in)); diff != "" {
				t.Errorf("mdText(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestMdCode(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		inTable bool
		want    string
	}{
		{"gateway:payment", false, "`gateway:payment`"},
		{"", false, "(empty)"},
		{"a`b", false, "``a`b``"},
		{"`", false, "`` ` ``"},
		{"a``b`", true, "``` a``b` ```"},
		{"a|b", false, "`a|b`"},
		{"a|b", true, "`a\\|b`"},
		{" lead", false, "`  lead `"},
		{"x\ny", false, "`x y`"},
		{"<script>", false, "`<script>`"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, mdCode(tt.in, tt.inTable)); diff != "" {
				t.Errorf("mdCode(%q, %v) (-want +got):\n%s", tt.in, tt.inTable, diff)
			}
		})
	}
}

func TestHTMLText(t *testing.T) {
	t.Parallel()
	got := htmlText("a<b>&\"c'\nd")
	if diff := cmp.Diff("a&lt;b&gt;&amp;&#34;c&#39; d", got); diff != "" {
		t.Errorf("htmlText (-want +got):\n%s", diff)
	}
}

func TestTermText(t *testing.T) {
	t.Parallel()
	got := termText("red\x1b[31m\nnext\u202e\x7f")
	if diff := cmp.Diff(`red\x1b[31m next\u202e\x7f`, got); diff != "" {
		t.Errorf("termText (-want +got):\n%s", diff)
	}
}

func TestCodeBlock(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"one\r\ntwo\n", "```text\none\ntwo\n```\n"},
		{"has ``` fence", "````text\nhas ``` fence\n````\n"},
		{"bell\a", "```text\nbell\\a\n```\n"},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, codeBlock(tt.in)); diff != "" {
			t.Errorf("codeBlock(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
	long := codeBlock(strings.Repeat("x", 3*maxDetailBytes))
	if len(long) > maxDetailBytes+200 || !strings.Contains(long, "the JSON report has the full text") {
		t.Errorf("a long detail was not cut short: %d bytes", len(long))
	}
}

func TestClip(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly", 7, "exactly"},
		{"abcdefgh", 6, "abc…"},
		{"ééé", 5, "é…"},
		{"abc", 2, "ab"},
		{"ééé", 1, ""},
		{"abc", 0, ""},
	}
	for _, tt := range tests {
		got := clip(tt.in, tt.n)
		if got != tt.want || len(got) > tt.n || !utf8.ValidString(got) {
			t.Errorf("clip(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

// unescapeMarkdown reverses mdText the way a Markdown reader would:
// backslash escapes and the three entities it writes.
func unescapeMarkdown(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s):
			i++
			b.WriteByte(s[i])
		case strings.HasPrefix(s[i:], "&amp;"):
			b.WriteByte('&')
			i += len("&amp;") - 1
		case strings.HasPrefix(s[i:], "&lt;"):
			b.WriteByte('<')
			i += len("&lt;") - 1
		case strings.HasPrefix(s[i:], "&gt;"):
			b.WriteByte('>')
			i += len("&gt;") - 1
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// FuzzMdText checks that an escaped value is one line with no raw HTML, no
// unescaped pipe, and reads back as the value (minus unsafe characters).
func FuzzMdText(f *testing.F) {
	for _, s := range []string{"", "a|b", "<script>", "`x`", "\\|", "&lt;", "line\nbreak", "\x1b[2J", "\u202e"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := mdText(s)
		if strings.ContainsAny(got, "\n\r<>") {
			t.Fatalf("mdText(%q) = %q holds a newline or angle bracket", s, got)
		}
		if strings.Count(got, "|") != strings.Count(got, `\|`) {
			t.Fatalf("mdText(%q) = %q holds an unescaped pipe", s, got)
		}
		if want := flatten(clip(s, maxValueBytes)); unescapeMarkdown(got) != want {
			t.Fatalf("mdText(%q) = %q reads back as %q, want %q", s, got, unescapeMarkdown(got), want)
		}
	})
}

func TestMdProblemsFindsBreakage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, md string
		broken   bool
	}{
		{"good table", "| a | b |\n|---|---|\n| x \\| y | `z \\| w` |\n", false},
		{"extra cell", "| a | b |\n|---|---|\n| x | y | z |\n", true},
		{"pipe in code", "| a | b |\n|---|---|\n| `x | y` | z |\n", true},
		{"bad delimiter", "| a | b |\n| x | y |\n", true},
		{"raw tag", "hello <img src=x>\n", true},
		{"tag in code span", "hello `<img src=x>`\n", false},
		{"tag in fence", "```text\n<img>\n```\n", false},
		{"escaped backtick is no code", "\\`<img>`\n", true},
		{"unbalanced details", "<details><summary>x</summary>\n", true},
		{"foreign heading", "### ok\n# injected\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := mdProblems(tt.md); (len(got) > 0) != tt.broken {
				t.Errorf("mdProblems(%q) = %q, want broken=%v", tt.md, got, tt.broken)
			}
		})
	}
}
