package schema

import (
	"bytes"
	"context"
	"encoding/json"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/command"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
)

func TestConfigSchemaCompiles(t *testing.T) {
	t.Parallel()
	configSchema(t) // checks it against the draft 2020-12 meta-schema
	var head struct {
		Schema string `json:"$schema"`
		ID     string `json:"$id"`
	}
	if err := json.Unmarshal(Config(), &head); err != nil {
		t.Fatal(err)
	}
	if head.ID != ConfigID || head.Schema != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("config.schema.json: $id %q, $schema %q; want %q and draft 2020-12", head.ID, head.Schema, ConfigID)
	}
}

// configExample is a config file a user may copy: where it is and what it
// says.
type configExample struct {
	where string
	data  []byte
}

// readmeConfigExamples returns the ```yaml blocks of README.md that are
// config files: those with a top-level "version:" or "credentials:" key
// (the others are workflow snippets).
func readmeConfigExamples(tb testing.TB) []configExample {
	tb.Helper()
	readme := string(readRepoFile(tb, "README.md"))
	blocks := regexp.MustCompile("(?ms)^```yaml\n(.*?)^```").FindAllStringSubmatchIndex(readme, -1)
	top := regexp.MustCompile(`(?m)^(version|credentials):`)
	var out []configExample
	for _, b := range blocks {
		body := readme[b[2]:b[3]]
		if top.MatchString(body) {
			line := strings.Count(readme[:b[2]], "\n") + 1
			out = append(out, configExample{where: "README.md:" + strconv.Itoa(line), data: []byte(body)})
		}
	}
	return out
}

// testdataConfigs returns every config file under a testdata directory of
// the repository, except the parser's invalid golden cases (testdata/errors)
// and fuzz corpora.
func testdataConfigs(tb testing.TB) []configExample {
	tb.Helper()
	names := repoFiles(tb, func(p string) bool {
		return strings.Contains(p, "/testdata/") && !strings.Contains(p, "/testdata/errors/") && !strings.Contains(p, "/testdata/fuzz/") &&
			(strings.HasSuffix(p, ".yml") || strings.HasSuffix(p, ".yaml"))
	})
	var out []configExample
	for _, n := range names {
		data := readRepoFile(tb, n)
		if regexp.MustCompile(`(?m)^(version|credentials):`).Match(data) {
			out = append(out, configExample{where: n, data: data})
		}
	}
	return out
}

// demoConfig returns the config that `checkout-preflight simulate` checks.
func demoConfig(tb testing.TB) configExample {
	tb.Helper()
	var stdout, stderr bytes.Buffer
	c := &command.Command{Stdout: &stdout, Stderr: &stderr}
	if code := c.Main(context.Background(), []string{"simulate", "--print-config"}); code != command.ExitOK {
		tb.Fatalf("simulate --print-config exited %d: %s", code, stderr.String())
	}
	return configExample{where: "checkout-preflight simulate --print-config", data: stdout.Bytes()}
}

// TestConfigExamplesValidate checks that every config a user may start
// from — README's examples, the configs under testdata, the simulator's
// demo — is accepted by the tool (its parser and allowlist) and by the schema: the
// schema must not flag what the tool accepts.
func TestConfigExamplesValidate(t *testing.T) {
	t.Parallel()
	readme := readmeConfigExamples(t)
	if len(readme) == 0 {
		t.Fatal("found no config example in README.md; is the extraction right?")
	}
	testdata := testdataConfigs(t)
	if len(testdata) < 3 {
		t.Fatalf("found %d configs under testdata, want at least preflight/schema/testdata/valid's", len(testdata))
	}
	s := configSchema(t)
	for _, ex := range append(append(readme, testdata...), demoConfig(t)) {
		t.Run(ex.where, func(t *testing.T) {
			t.Parallel()
			if err := toolRefuses(ex.data); err != nil {
				t.Fatalf("the tool refuses %s: %v", ex.where, err)
			}
			if err := validateYAML(s, ex.data); err != nil {
				t.Errorf("the schema refuses %s, which the parser accepts:\n%v", ex.where, err)
			}
		})
	}
}

// TestReadmeConfigNamesTheSchema checks that README's full config example
// starts with the line that lets editors find the schema.
func TestReadmeConfigNamesTheSchema(t *testing.T) {
	t.Parallel()
	want := "# yaml-language-server: $schema=" + ConfigID + "\n"
	for _, ex := range readmeConfigExamples(t) {
		if bytes.HasPrefix(ex.data, []byte(want)) {
			return
		}
	}
	t.Errorf("no config example in README.md starts with %q", want)
}

// TestConfigSchemaKeysMatchParser compares the keys the schema describes
// at each level with the keys the parser accepts there, as its message
// for an unknown key lists them.
func TestConfigSchemaKeysMatchParser(t *testing.T) {
	t.Parallel()
	var doc struct {
		Properties map[string]struct {
			Properties map[string]json.RawMessage
		}
		Defs struct {
			Credential struct{ Properties map[string]json.RawMessage } `json:"credential"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(Config(), &doc); err != nil {
		t.Fatal(err)
	}
	credential := "credentials:\n  - name: a\n    secret-key-env: A\n"
	tests := []struct {
		level  string
		config string
		schema []string
	}{
		{"top level", "version: 1\nzzz: 1\n" + credential, keys(doc.Properties)},
		{"defaults", "version: 1\ndefaults:\n  zzz: 1\n" + credential, keys(doc.Properties["defaults"].Properties)},
		{"credential", "version: 1\n" + credential + "    zzz: 1\n", keys(doc.Defs.Credential.Properties)},
	}
	for _, tt := range tests {
		t.Run(tt.level, func(t *testing.T) {
			t.Parallel()
			_, err := config.Parse("k.yml", []byte(tt.config))
			m := regexp.MustCompile(`(?m)unknown key "zzz".*valid keys are (.*)$`).FindStringSubmatch(errString(err))
			if m == nil {
				t.Fatalf("the parser did not list the valid keys: %v", err)
			}
			parser := strings.Split(m[1], ", ")
			slices.Sort(parser)
			if diff := cmp.Diff(parser, tt.schema); diff != "" {
				t.Errorf("keys at the %s differ (-parser +schema):\n%s", tt.level, diff)
			}
		})
	}
}

// TestConfigSchemaEnvironments compares the environments the schema
// allows with config.Environments ("" and null mean not written).
func TestConfigSchemaEnvironments(t *testing.T) {
	t.Parallel()
	var doc struct {
		Defs struct {
			Environment struct {
				AnyOf []struct {
					Pattern string `json:"pattern"`
				} `json:"anyOf"`
			} `json:"environment"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(Config(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Defs.Environment.AnyOf) == 0 {
		t.Fatal("the schema's environment has no pattern")
	}
	re, err := regexp.Compile(doc.Defs.Environment.AnyOf[0].Pattern)
	if err != nil {
		t.Fatal(err)
	}
	// Every value the parser accepts, in any case, and nothing else.
	for _, e := range config.Environments() {
		for _, v := range []string{e, strings.ToUpper(e), strings.ToUpper(e[:1]) + e[1:], " " + e + " "} {
			_, perr := config.ParseEnvironment(config.Value{Text: strings.TrimSpace(v)})
			if !re.MatchString(v) || perr != nil {
				t.Errorf("environment %q: schema %v, parser %v; want both to accept it", v, re.MatchString(v), perr)
			}
		}
	}
	for _, v := range []string{"prod", "live", "sandboxx"} {
		if re.MatchString(v) {
			t.Errorf("the schema accepts environment %q", v)
		}
	}
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
