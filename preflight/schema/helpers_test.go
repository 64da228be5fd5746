package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

// repoRoot is the repository's root, relative to this package.
const repoRoot = "../.."

// compile compiles a schema document published at id, checking it against
// its meta-schema, with formats asserted.
func compile(tb testing.TB, id string, doc []byte) *jsonschema.Schema {
	tb.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		tb.Fatalf("%s is not JSON: %v", id, err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	if err := c.AddResource(id, v); err != nil {
		tb.Fatalf("adding %s: %v", id, err)
	}
	s, err := c.Compile(id)
	if err != nil {
		tb.Fatalf("compiling %s: %v", id, err)
	}
	return s
}

// configSchema and reportSchema compile the embedded schemas.
func configSchema(tb testing.TB) *jsonschema.Schema { return compile(tb, ConfigID, Config()) }
func reportSchema(tb testing.TB) *jsonschema.Schema { return compile(tb, ReportID, Report()) }

// yamlData returns the first YAML document of data as the JSON value an
// editor's YAML language server validates: mappings become objects, and
// aliases and merge keys are resolved. It fails where YAML itself does
// (syntax, a repeated key).
func yamlData(data []byte) (any, error) {
	var v any
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&v); err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	b, err := json.Marshal(jsonCompatible(v))
	if err != nil {
		return nil, err
	}
	return jsonschema.UnmarshalJSON(bytes.NewReader(b))
}

// jsonCompatible turns decoded YAML into values encoding/json can write.
func jsonCompatible(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range v {
			out[k] = jsonCompatible(e)
		}
		return out
	case map[any]any:
		out := map[string]any{}
		for k, e := range v {
			out[fmt.Sprint(k)] = jsonCompatible(e)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = jsonCompatible(e)
		}
		return out
	case time.Time:
		return v.Format(time.RFC3339Nano)
	}
	return v
}

// validateYAML validates a YAML document against s; the error says why it
// is not valid, or why it is not YAML.
func validateYAML(s *jsonschema.Schema, data []byte) error {
	v, err := yamlData(data)
	if err != nil {
		return fmt.Errorf("not YAML a schema can see: %w", err)
	}
	return s.Validate(v)
}

// repoFiles returns the repository's files (slash-separated paths from the
// root) for which keep returns true, skipping .git and build output.
func repoFiles(tb testing.TB, keep func(path string) bool) []string {
	tb.Helper()
	var out []string
	err := filepath.WalkDir(repoRoot, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(repoRoot, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel == ".git" || rel == "dist" || rel == "shared" || strings.HasPrefix(d.Name(), ".") && rel != "." && rel != ".github" {
				return filepath.SkipDir
			}
			return nil
		}
		if keep(rel) {
			out = append(out, rel)
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

func readRepoFile(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, filepath.FromSlash(name)))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}
