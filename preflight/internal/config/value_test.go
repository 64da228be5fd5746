package config

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

func TestSplitList(t *testing.T) {
	t.Parallel()
	origin := at("f.yml", 10, 5)
	tests := []struct {
		name   string
		text   string
		origin report.Position
		want   []Value
	}{
		{name: "empty", text: "", origin: origin, want: nil},
		{name: "only separators and comments", text: " , \n# all comment\n,,\t\n", origin: origin, want: nil},
		{
			name: "lines", text: "POST /payments\nGET /disputes\n", origin: origin,
			want: []Value{{"POST /payments", at("f.yml", 10, 5)}, {"GET /disputes", at("f.yml", 11, 5)}},
		},
		{
			name: "commas on one line", text: "a, b,c ,  d", origin: origin,
			want: []Value{{"a", at("f.yml", 10, 5)}, {"b", at("f.yml", 10, 8)}, {"c", at("f.yml", 10, 10)}, {"d", at("f.yml", 10, 15)}},
		},
		{
			name: "CRLF", text: "a\r\nb\r\n\r\nc", origin: origin,
			want: []Value{{"a", at("f.yml", 10, 5)}, {"b", at("f.yml", 11, 5)}, {"c", at("f.yml", 13, 5)}},
		},
		{
			name: "CR alone", text: "a\rb\r\rc", origin: origin,
			want: []Value{{"a", at("f.yml", 10, 5)}, {"b", at("f.yml", 11, 5)}, {"c", at("f.yml", 13, 5)}},
		},
		{
			name: "comments", text: "# header\n  a # trailing, not split\nb#c\n#,d", origin: origin,
			want: []Value{{"a", at("f.yml", 11, 7)}, {"b", at("f.yml", 12, 5)}},
		},
		{
			name: "tabs trimmed outside, kept inside", text: "\tPOST\t/payments\t\n", origin: origin,
			want: []Value{{"POST\t/payments", at("f.yml", 10, 6)}},
		},
		{
			name: "columns count characters", text: "é, ü,x", origin: origin,
			want: []Value{{"é", at("f.yml", 10, 5)}, {"ü", at("f.yml", 10, 8)}, {"x", at("f.yml", 10, 10)}},
		},
		{
			name: "zero origin keeps zero positions", text: "a\nb, c", origin: report.Position{},
			want: []Value{{Text: "a"}, {Text: "b"}, {Text: "c"}},
		},
		{
			name: "file without line", text: "a\nb", origin: report.Position{File: "f.yml"},
			want: []Value{{"a", report.Position{File: "f.yml"}}, {"b", report.Position{File: "f.yml"}}},
		},
		{
			name: "line without column", text: "a, b\nc", origin: report.Position{File: "f.yml", Line: 3},
			want: []Value{{"a", at("f.yml", 3, 0)}, {"b", at("f.yml", 3, 0)}, {"c", at("f.yml", 4, 0)}},
		},
		{
			name: "not UTF-8 is kept and counted a byte a column", text: "\xff\xfe, x", origin: origin,
			want: []Value{{"\xff\xfe", at("f.yml", 10, 5)}, {"x", at("f.yml", 10, 9)}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := SplitList(tt.text, tt.origin)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("SplitList(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestSplitListHundreds(t *testing.T) {
	t.Parallel()
	// Even items take one CRLF line at column 1; odd ones are indented by
	// two, followed by a comma, a comment and a blank line.
	var b strings.Builder
	var want []Value
	line := 1
	for i := range 500 {
		item := fmt.Sprintf("GET /items/%d", i)
		if i%2 == 0 {
			fmt.Fprintf(&b, "%s\r\n", item)
			want = append(want, Value{item, at("w.yml", line, 1)})
			line++
		} else {
			fmt.Fprintf(&b, "  %s , # odd\n\n", item)
			want = append(want, Value{item, at("w.yml", line, 3)})
			line += 2
		}
	}
	got := SplitList(b.String(), at("w.yml", 1, 1))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("SplitList mismatch (-want +got):\n%s", diff)
	}
}
