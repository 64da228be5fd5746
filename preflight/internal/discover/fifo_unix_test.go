//go:build unix

package discover

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestScanSkipsFIFOs: a FIFO named like source code, or a link to one,
// is never opened (opening it would wait for a writer forever).
func TestScanSkipsFIFOs(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.ts"), 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	if err := os.Symlink("pipe.ts", filepath.Join(dir, "link.ts")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "pay.ts"), []byte("fetch('https://api.checkout.com/payments', {method: 'POST'})\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	type scanned struct {
		r   Result
		err error
	}
	done := make(chan scanned, 1)
	go func() {
		r, err := Scan(context.Background(), Options{FS: root.FS()})
		done <- scanned{r, err}
	}()
	var r Result
	select {
	case s := <-done:
		if s.err != nil {
			t.Fatal(s.err)
		}
		r = s.r
	case <-time.After(10 * time.Second):
		t.Fatal("Scan is blocked opening a FIFO")
	}
	if r.FilesScanned != 1 || len(r.Calls) != 1 {
		t.Errorf("scanned %d files, %d calls; want the one regular file and its call", r.FilesScanned, len(r.Calls))
	}
}
