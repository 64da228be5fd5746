package render

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t testing.TB, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatalf("write golden file: %v", err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run go test -update to create it): %v", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got), run go test -update if intended:\n%s", path, diff)
	}
}

func TestGolden(t *testing.T) {
	t.Parallel()
	for _, f := range append(fixtures(), engineRuns(t)...) {
		t.Run(f.name, func(t *testing.T) {
			t.Parallel()
			var plain, color, js bytes.Buffer
			if err := Text(&plain, f.report, TextOptions{}); err != nil {
				t.Fatalf("Text: %v", err)
			}
			if err := Text(&color, f.report, TextOptions{Color: true}); err != nil {
				t.Fatalf("Text with colour: %v", err)
			}
			if err := JSON(&js, f.report); err != nil {
				t.Fatalf("JSON: %v", err)
			}
			ann, err := json.MarshalIndent(Annotations(f.report, RunnerAnnotationLimit), "", "  ")
			if err != nil {
				t.Fatalf("marshal annotations: %v", err)
			}
			golden(t, f.name+".txt.golden", plain.String())
			golden(t, f.name+".color.golden", color.String())
			golden(t, f.name+".json.golden", js.String())
			golden(t, f.name+".md.golden", Markdown(f.report, MarkdownOptions{}))
			golden(t, f.name+".annotations.golden", string(ann)+"\n")
		})
	}
}

// TestGoldenFilesUsed fails on golden files no fixture writes, so renamed
// fixtures do not leave stale files behind.
func TestGoldenFilesUsed(t *testing.T) {
	t.Parallel()
	used := map[string]bool{}
	for _, f := range append(fixtures(), engineRuns(t)...) {
		for _, ext := range []string{".txt", ".color", ".json", ".md", ".annotations"} {
			used[f.name+ext+".golden"] = true
		}
	}
	files, err := filepath.Glob(filepath.Join("testdata", "*.golden"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if !used[filepath.Base(f)] {
			t.Errorf("golden file %q belongs to no fixture; delete it", f)
		}
	}
}
