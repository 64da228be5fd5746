package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/checkout-preflight/checkout-preflight/preflight/command"
)

// TestRun runs the program in this process, with files standing in for
// the terminal, as main wires it.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	out, err := os.Create(filepath.Join(dir, "stdout"))
	if err != nil {
		t.Fatal(err)
	}
	errf, err := os.Create(filepath.Join(dir, "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	code := run(context.Background(), []string{"version"}, strings.NewReader(""), out, errf, func(string) string { return "" })
	out.Close()
	errf.Close()
	if code != command.ExitOK {
		t.Fatalf("exit %d", code)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "stdout"))
	if !strings.HasPrefix(string(b), "checkout-preflight ") {
		t.Errorf("stdout %q", b)
	}
	if isTerminal(out) {
		t.Error("a regular file is not a terminal")
	}
}

func TestAppendFile(t *testing.T) {
	t.Parallel()
	name := filepath.Join(t.TempDir(), "summary.md")
	for _, s := range []string{"one\n", "two\n"} {
		if err := appendFile(name, []byte(s)); err != nil {
			t.Fatal(err)
		}
	}
	if b, _ := os.ReadFile(name); string(b) != "one\ntwo\n" {
		t.Errorf("file = %q", b)
	}
	if err := appendFile(filepath.Join(name, "not-a-dir", "x"), nil); err == nil {
		t.Error("appending under a file succeeded")
	}
}

func TestStart(t *testing.T) {
	if code := start([]string{"version"}); code != command.ExitOK {
		t.Errorf("start(version) = %d", code)
	}
}
