package discover

import (
	"context"
	"fmt"
	"testing"
	"testing/fstest"
)

// scanShapes scans an in-memory tree and returns each call as
// "file:line METHOD /path" with parameters written {}.
func scanShapes(tb testing.TB, files map[string]string, o Options) []string {
	tb.Helper()
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	o.FS = fsys
	r, err := Scan(context.Background(), o)
	if err != nil {
		tb.Fatalf("Scan: %v", err)
	}
	var out []string
	for _, c := range r.Calls {
		out = append(out, fmt.Sprintf("%s:%d %s", c.File, c.Line, normalShape(c.Endpoint())))
	}
	return out
}
