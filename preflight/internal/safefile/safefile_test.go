package safefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

const limit = 1 << 20

// workspace makes a directory with a regular file, a symbolic link out of
// it, and returns both it and a directory outside it.
func workspace(t *testing.T) (ws, outside string) {
	t.Helper()
	base := t.TempDir()
	ws, outside = filepath.Join(base, "ws"), filepath.Join(base, "outside")
	for _, d := range []string{filepath.Join(ws, ".github"), outside} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p, s string) {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(ws, ".github", "ok.yml"), "version: 1\n")
	write(filepath.Join(outside, "secret.yml"), "outside\n")
	if err := os.Symlink(filepath.Join(outside, "secret.yml"), filepath.Join(ws, "out.yml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(ws, "zero.yml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(".github/ok.yml", filepath.Join(ws, "inside.yml")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(ws, "fifo.yml"), 0o644); err != nil {
		t.Fatal(err)
	}
	big, err := os.Create(filepath.Join(ws, "big.yml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := big.Truncate(200 << 20); err != nil { // 200 MB, sparse
		t.Fatal(err)
	}
	big.Close()
	return ws, outside
}

func TestRead(t *testing.T) {
	t.Parallel()
	ws, outside := workspace(t)
	tests := []struct {
		name, dir, path string
		want            string // contents, or part of the error
		ok              bool
	}{
		{"a file in the workspace", ws, ".github/ok.yml", "version: 1\n", true},
		{"an absolute path inside", ws, filepath.Join(ws, ".github/ok.yml"), "version: 1\n", true},
		{"a link that stays inside", ws, "inside.yml", "version: 1\n", true},
		{"a link out of the workspace", ws, "out.yml", "outside the workspace", false},
		{"a link to /dev/zero", ws, "zero.yml", "outside the workspace", false},
		{"dot-dot out", ws, "../outside/secret.yml", "outside the workspace", false},
		{"an absolute path outside", ws, filepath.Join(outside, "secret.yml"), "outside the workspace", false},
		{"a FIFO", ws, "fifo.yml", "is a named pipe, not a regular file", false},
		{"a directory", ws, ".github", "is a directory, not a regular file", false},
		{"200 MB", ws, "big.yml", "is 209715200 bytes, more than the limit of 1048576", false},
		{"missing", ws, "none.yml", "does not exist", false},
		{"/dev/zero, unconfined", "", "/dev/zero", "is a device, not a regular file", false},
		{"a FIFO, unconfined", "", filepath.Join(ws, "fifo.yml"), "named pipe", false},
		{"a file, unconfined", "", filepath.Join(outside, "secret.yml"), "outside\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			done := make(chan struct{})
			var data []byte
			var err error
			go func() { data, err = Read(tt.dir, tt.path, limit); close(done) }()
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				t.Fatal("Read hangs")
			}
			if tt.ok {
				if err != nil || string(data) != tt.want {
					t.Fatalf("Read = %q, %v; want %q", data, err, tt.want)
				}
				return
			}
			var fe *Error
			if err == nil || !errors.As(err, &fe) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Read = %q, %v; want an *Error containing %q", data, err, tt.want)
			}
			if strings.Contains(err.Error(), "outside\n") {
				t.Error("the error quotes the file")
			}
		})
	}
	if _, err := Read(ws, "none.yml", limit); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file must unwrap to fs.ErrNotExist: %v", err)
	}
}

func TestWriteReplacesAPlantedLink(t *testing.T) {
	t.Parallel()
	ws, outside := workspace(t)
	victim := filepath.Join(outside, "secret.yml")
	report := filepath.Join(ws, "report.json")
	if err := os.Symlink(victim, report); err != nil {
		t.Fatal(err)
	}
	if err := Write(report, []byte(`{"ok":true}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(victim); string(b) != "outside\n" {
		t.Errorf("the link's target was written: %q", b)
	}
	info, err := os.Lstat(report)
	if err != nil || !info.Mode().IsRegular() {
		t.Fatalf("report is %v, %v; want a regular file", info, err)
	}
	if b, _ := os.ReadFile(report); string(b) != `{"ok":true}` {
		t.Errorf("report = %q", b)
	}
	entries, _ := os.ReadDir(ws)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file %q left behind", e.Name())
		}
	}
}

func TestWriteErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := Write(filepath.Join(dir, "missing", "r.json"), nil, 0o644); err == nil || !strings.Contains(err.Error(), "its directory cannot be opened") {
		t.Errorf("Write into a missing directory: %v", err)
	}
	if err := os.Mkdir(filepath.Join(dir, "taken"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Write(filepath.Join(dir, "taken"), []byte("x"), 0o644); err == nil || !strings.Contains(err.Error(), "cannot be moved into place") {
		t.Errorf("Write over a directory: %v", err)
	}
	if err := Write("relative-in-cwd.json", []byte("x"), 0o644); err != nil {
		t.Errorf("Write in the working directory: %v", err)
	}
	os.Remove("relative-in-cwd.json")
}
