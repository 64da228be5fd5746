package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/checkout-preflight/checkout-preflight/preflight/schema/internal/schemagen/gen"
)

func TestRun(t *testing.T) {
	t.Parallel()
	reportDir := filepath.Join("..", "..", "..", "report")
	out := filepath.Join(t.TempDir(), "report.schema.json")
	var stderr bytes.Buffer
	if code := run([]string{"-report", reportDir, "-o", out}, &stderr); code != 0 {
		t.Fatalf("run = %d, stderr %q", code, stderr.String())
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := gen.Report(reportDir)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, got) {
		t.Error("the command wrote something other than gen.Report's output")
	}
}

func TestRunErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no -report", []string{"-o", "x.json"}, 2, "-report is required"},
		{"an argument", []string{"-report", ".", "extra"}, 2, "no arguments are accepted"},
		{"an unknown flag", []string{"-nope"}, 2, "flag provided but not defined"},
		{"a directory without Go files", []string{"-report", t.TempDir(), "-o", filepath.Join(t.TempDir(), "x.json")}, 1, "no Go files in"},
		{"an unwritable output", []string{"-report", filepath.Join("..", "..", "..", "report"), "-o", filepath.Join(t.TempDir(), "missing", "x.json")}, 1, "schemagen:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var stderr bytes.Buffer
			if code := run(tt.args, &stderr); code != tt.code || !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("run(%q) = %d, stderr %q; want %d and %q", tt.args, code, stderr.String(), tt.code, tt.want)
			}
		})
	}
}
