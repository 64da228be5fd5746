package config

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

func TestParseDiscover(t *testing.T) {
	t.Parallel()
	at := report.Position{File: "f.yml", Line: 4, Column: 7}
	tests := []struct {
		name    string
		values  []string
		want    CodePaths
		wantErr string
	}{
		{"nothing is off", nil, CodePaths{}, ""},
		{"blank entries are off", []string{"", "  "}, CodePaths{}, ""},
		{"the whole workspace", []string{"."}, CodePaths{On: true, Pos: at}, ""},
		{"paths cleaned", []string{"./src/", "services/*/api", " lib "}, CodePaths{On: true, Paths: []string{"src", "services/*/api", "lib"}, Pos: at}, ""},
		{"excludes alone scan everything else", []string{"!legacy/", "!*.gen.ts"}, CodePaths{On: true, Exclude: []string{"legacy/", "*.gen.ts"}, Pos: at}, ""},
		{"absolute", []string{"/etc"}, CodePaths{On: true, Pos: at}, `f.yml:4:7: discover entry "/etc" is an absolute path; write it relative to the workspace, like "src" or "."`},
		{"outside", []string{"src/../../x"}, CodePaths{On: true, Pos: at}, `f.yml:4:7: discover entry "src/../../x" leaves the workspace; only code under the workspace is read`},
		{"backslash", []string{`src\api`}, CodePaths{On: true, Pos: at}, `f.yml:4:7: discover entry "src\\api" uses \; write paths with /, like "src/api"`},
		{"bad glob", []string{"src/[a"}, CodePaths{On: true, Pos: at}, `f.yml:4:7: discover entry "src/[a" is not a valid glob: check its "[" and "]"`},
		{"excluding everything", []string{"!."}, CodePaths{On: true, Pos: at}, `f.yml:4:7: discover entry "!." leaves out the whole workspace; remove it, or remove discover to turn discovery off`},
		{"a pasted key is not shown", []string{"sk_sbox_testfakekeyfullaccessabcdeq[a"}, CodePaths{On: true, Pos: at}, `f.yml:4:7: discover entry (a value that looks like a credential; not shown) is not a valid glob: check its "[" and "]"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var values []Value
			for _, v := range tt.values {
				values = append(values, Value{Text: v, Pos: at})
			}
			got, err := ParseDiscover(values)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if errText(err) != tt.wantErr {
				t.Errorf("error = %q, want %q", errText(err), tt.wantErr)
			}
		})
	}
}

func FuzzParseDiscover(f *testing.F) {
	for _, s := range []string{".", "!legacy/", "src/*/api", "../x", "[", `a\b`, "!.//0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDiscover([]Value{{Text: s}})
		if err != nil {
			return
		}
		for _, p := range append(append([]string{}, d.Paths...), d.Exclude...) {
			if len(p) > 0 && p[0] == '/' || p == ".." || len(p) > 2 && p[:3] == "../" {
				t.Errorf("ParseDiscover(%q) kept %q, outside the workspace", s, p)
			}
		}
	})
}
