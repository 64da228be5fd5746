package discover

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// golden compares got with testdata/golden/name, rewriting it with -update.
func golden(tb testing.TB, name string, got []byte) {
	tb.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("reading golden file (run with -update to create it): %v", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		tb.Errorf("%s mismatch (-want +got):\n%s", name, diff)
	}
}

func renderFixture(tb testing.TB) Result {
	tb.Helper()
	r, err := Scan(context.Background(), Options{FS: os.DirFS("testdata/render")})
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

func TestWriteText(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	if err := WriteText(&b, renderFixture(t)); err != nil {
		t.Fatal(err)
	}
	golden(t, "render.txt", b.Bytes())
}

func TestWriteJSON(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	if err := WriteJSON(&b, renderFixture(t)); err != nil {
		t.Fatal(err)
	}
	golden(t, "render.json", b.Bytes())
}

func TestWriteJSONEmpty(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	if err := WriteJSON(&b, Result{}); err != nil {
		t.Fatal(err)
	}
	golden(t, "empty.json", b.Bytes())
}
