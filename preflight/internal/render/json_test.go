package render

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
	"github.com/google/go-cmp/cmp"
)

func TestJSONWritesEmptyListsNotNull(t *testing.T) {
	t.Parallel()
	r := report.Report{
		Credentials: []report.Credential{{Name: "default", Endpoints: []report.Endpoint{{Endpoint: "POST /payments"}}}},
		Egress:      &report.Egress{},
	}
	var buf bytes.Buffer
	if err := JSON(&buf, r); err != nil {
		t.Fatalf("JSON: %v", err)
	}
	var got struct {
		Checks      []json.RawMessage `json:"checks"`
		Credentials []struct {
			MissingScopes json.RawMessage `json:"missing_scopes"`
			Endpoints     []struct {
				MissingScopes json.RawMessage `json:"missing_scopes"`
				Scopes        json.RawMessage `json:"scopes"`
			} `json:"endpoints"`
		} `json:"credentials"`
		Egress struct {
			Sources json.RawMessage `json:"sources"`
		} `json:"egress"`
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("decode: %v", err)
	}
	for name, raw := range map[string]json.RawMessage{
		"credentials[0].missing_scopes":              got.Credentials[0].MissingScopes,
		"credentials[0].endpoints[0].missing_scopes": got.Credentials[0].Endpoints[0].MissingScopes,
		"egress.sources":                             got.Egress.Sources,
	} {
		if string(raw) != "[]" {
			t.Errorf("%s = %s, want []", name, raw)
		}
	}
	if got.Checks == nil || len(got.Checks) != 0 {
		t.Errorf("checks = %v, want []", got.Checks)
	}
	if s := string(got.Credentials[0].Endpoints[0].Scopes); s != "null" {
		t.Errorf("unknown endpoint scopes = %s, want null", s)
	}
	if !strings.HasSuffix(buf.String(), "}\n") || !strings.HasPrefix(buf.String(), "{\n  \"version\"") {
		t.Errorf("JSON is not indented with a trailing newline:\n%s", buf.String())
	}
}

func TestJSONEmptyReport(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := JSON(&buf, report.Report{}); err != nil {
		t.Fatalf("JSON: %v", err)
	}
	for _, want := range []string{`"checks": []`, `"credentials": []`, `"egress": null`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("JSON of an empty report lacks %s:\n%s", want, buf.String())
		}
	}
}

func TestJSONDoesNotChangeTheReport(t *testing.T) {
	t.Parallel()
	for _, f := range fixtures() {
		t.Run(f.name, func(t *testing.T) {
			t.Parallel()
			r := f.report
			if err := JSON(&bytes.Buffer{}, r); err != nil {
				t.Fatalf("JSON: %v", err)
			}
			if diff := cmp.Diff(fixtureByName(t, f.name), r); diff != "" {
				t.Errorf("JSON changed the report (-want +got):\n%s", diff)
			}
		})
	}
}

func TestJSONRoundTrips(t *testing.T) {
	t.Parallel()
	for _, f := range fixtures() {
		t.Run(f.name, func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			if err := JSON(&buf, f.report); err != nil {
				t.Fatalf("JSON: %v", err)
			}
			var got report.Report
			if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
				t.Fatalf("decode: %v", err)
			}
			if diff := cmp.Diff(normalise(f.report), got); diff != "" {
				t.Errorf("round trip (-want +got):\n%s", diff)
			}
		})
	}
}

func fixtureByName(t testing.TB, name string) report.Report {
	t.Helper()
	for _, f := range fixtures() {
		if f.name == name {
			return f.report
		}
	}
	t.Fatalf("no fixture %q", name)
	return report.Report{}
}

// failingWriter fails every write.
type failingWriter struct{}

var errWrite = errors.New("disk full")

func (failingWriter) Write([]byte) (int, error) { return 0, errWrite }

func TestWriteErrorsAreWrapped(t *testing.T) {
	t.Parallel()
	r := missingScopeReport()
	for name, err := range map[string]error{
		"JSON": JSON(failingWriter{}, r),
		"Text": Text(failingWriter{}, r, TextOptions{}),
	} {
		if !errors.Is(err, errWrite) {
			t.Errorf("%s error = %v, want it to wrap %v", name, err, errWrite)
		}
	}
}
