package command

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

func TestDiscoverCommand(t *testing.T) {
	t.Parallel()
	dir, err := filepath.Abs(filepath.Join("..", "internal", "discover", "testdata", "render"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		args      []string
		code      int
		stdout    string // substring expected on stdout
		notStdout string // substring that must not be on stdout
		stderr    string
	}{
		{"text", []string{"discover", dir}, ExitOK, filepath.ToSlash(dir) + "/app.js:5:22: POST /payments/{id}/refunds  (checkout-sdk-node cko.payments.refund)  needs gateway:payment-refunds (or gateway)", "", ""},
		{"exclude", []string{"discover", "--exclude", "raw.py", dir}, ExitOK, "app.js", "raw.py", ""},
		{"file argument", []string{"discover", filepath.Join(dir, "raw.py")}, ExitOK, "raw.py:7:25: GET /disputes/{dispute_id}", "app.js", ""},
		{"help", []string{"discover", "--help"}, ExitOK, "Usage: checkout-preflight discover", "", ""},
		{"bad format", []string{"discover", "--format", "xml", dir}, ExitUsage, "", "", `unknown format "xml"`},
		{"bad flag", []string{"discover", "--nope"}, ExitUsage, "", "", "flag provided but not defined"},
		{"missing path", []string{"discover", filepath.Join(dir, "nope")}, ExitUsage, "", "", "cannot scan"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var stdout, stderr bytes.Buffer
			code := (&Command{Stdout: &stdout, Stderr: &stderr, OpenDir: OpenRoot}).Main(context.Background(), tt.args)
			if code != tt.code {
				t.Errorf("exit code = %d, want %d; stderr %q", code, tt.code, stderr.String())
			}
			if !strings.Contains(stdout.String(), tt.stdout) {
				t.Errorf("stdout %q does not contain %q", stdout.String(), tt.stdout)
			}
			if tt.notStdout != "" && strings.Contains(stdout.String(), tt.notStdout) {
				t.Errorf("stdout %q contains %q", stdout.String(), tt.notStdout)
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr %q does not contain %q", stderr.String(), tt.stderr)
			}
		})
	}
}

func TestDiscoverCommandJSON(t *testing.T) {
	t.Parallel()
	dir, err := filepath.Abs(filepath.Join("..", "internal", "discover", "testdata", "render"))
	if err != nil {
		t.Fatal(err)
	}
	var stdout bytes.Buffer
	if code := (&Command{Stdout: &stdout, OpenDir: OpenRoot}).Main(context.Background(), []string{"discover", "--format", "json", dir}); code != ExitOK {
		t.Fatalf("exit code %d", code)
	}
	var doc struct {
		Version int `json:"version"`
		Calls   []struct {
			File     string `json:"file"`
			Endpoint string `json:"endpoint"`
		} `json:"calls"`
		FilesScanned int `json:"files_scanned"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, stdout.String())
	}
	if doc.Version != 1 || doc.FilesScanned != 2 || len(doc.Calls) != 5 || !strings.HasSuffix(doc.Calls[0].File, "/app.js") {
		t.Errorf("unexpected document: %+v", doc)
	}
}

// TestDiscoverCommandReadsThroughOpenDir: the working directory is read
// through the injected OpenDir, never the process's file system.
func TestDiscoverCommandReadsThroughOpenDir(t *testing.T) {
	t.Parallel()
	var opened []string
	fsys := fstest.MapFS{"svc/refund.js": {Data: []byte("const { Checkout } = require('checkout-sdk-node');\nconst cko = new Checkout();\ncko.payments.refund('pay_1');\n")}}
	var stdout, stderr bytes.Buffer
	cmd := &Command{Stdout: &stdout, Stderr: &stderr, OpenDir: func(dir string) (fs.FS, io.Closer, error) {
		opened = append(opened, dir)
		return fsys, io.NopCloser(nil), nil
	}}
	if code := cmd.Main(context.Background(), []string{"discover", "svc"}); code != ExitOK {
		t.Fatalf("exit code %d; stderr %q", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "svc/refund.js:3:") || !strings.Contains(stdout.String(), "POST /payments/{id}/refunds") {
		t.Errorf("stdout %q, want the refund call of the injected file system", stdout.String())
	}
	if diff := cmp.Diff([]string{"."}, opened); diff != "" {
		t.Errorf("OpenDir calls (-want +got):\n%s", diff)
	}
	code := (&Command{Stdout: &stdout, Stderr: &stderr}).Main(context.Background(), []string{"discover", "svc"})
	if code != ExitUsage || !strings.Contains(stderr.String(), "cannot read files") {
		t.Errorf("without OpenDir: exit code %d, stderr %q; want a usage error", code, stderr.String())
	}
}
