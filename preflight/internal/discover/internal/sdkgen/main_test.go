package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "-dir is required"},
		{[]string{"-dir", t.TempDir()}, 1, "sdkgen: reading"},
		{[]string{"-nope"}, 2, "flag provided but not defined"},
	}
	for _, tt := range tests {
		var stderr bytes.Buffer
		if code := run(tt.args, &stderr); code != tt.code || !strings.Contains(stderr.String(), tt.want) {
			t.Errorf("run(%q) = %d, %q; want %d and %q", tt.args, code, stderr.String(), tt.code, tt.want)
		}
	}
}

func TestRunWrites(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("..", "..", "..", "..", "..", "..", "shared", "checkout-api")
	if _, err := os.Stat(filepath.Join(dir, "sdk-methods")); err != nil {
		t.Skipf("reference data not found at %s", dir)
	}
	out := filepath.Join(t.TempDir(), "zz_sdk.go")
	var stderr bytes.Buffer
	if code := run([]string{"-dir", dir, "-o", out}, &stderr); code != 0 {
		t.Fatalf("run = %d: %s", code, stderr.String())
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "zz_sdk.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("sdkgen wrote something other than the committed zz_sdk.go")
	}
}
