package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog/internal/cataloggen/gen"
)

func TestRun(t *testing.T) {
	t.Parallel()
	td := filepath.Join("gen", "testdata")
	out := filepath.Join(t.TempDir(), "zz_catalog.go")
	args := []string{"-spec", filepath.Join(td, "spec.json"), "-ops", filepath.Join(td, "operations.json"), "-scopes", filepath.Join(td, "scopes.json"), "-o", out}
	var stderr bytes.Buffer
	if code := run(args, &stderr); code != 0 {
		t.Fatalf("run = %d, stderr %q", code, stderr.String())
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var in gen.Inputs
	for _, f := range []struct {
		dst  *[]byte
		name string
	}{{&in.Spec, "spec.json"}, {&in.Operations, "operations.json"}, {&in.Scopes, "scopes.json"}} {
		if *f.dst, err = os.ReadFile(filepath.Join(td, f.name)); err != nil {
			t.Fatal(err)
		}
	}
	want, err := gen.Generate(in)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, got) {
		t.Error("the command wrote something other than gen.Generate's output")
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
		{"no spec", nil, 2, "-spec is required"},
		{"extra argument", []string{"-spec", "x.json", "extra"}, 2, "no arguments are accepted"},
		{"unknown flag", []string{"-nope"}, 2, "flag provided but not defined"},
		{"missing spec file", []string{"-spec", filepath.Join("testdata", "absent.json"), "-o", filepath.Join(t.TempDir(), "out.go")}, 1, "absent.json"},
		{"bad spec", []string{"-spec", filepath.Join("gen", "testdata", "scopes.json"), "-o", filepath.Join(t.TempDir(), "out.go")}, 1, "cataloggen: reading the OpenAPI document"},
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
