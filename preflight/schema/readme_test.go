package schema

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestREADMEListsEveryEnumValue: the README's JSON report section names
// every check id and status the schema allows, so a new one cannot go
// undocumented.
func TestREADMEListsEveryEnumValue(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(b), "## JSON report")
	if !ok {
		t.Fatal(`README.md has no "## JSON report" section`)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	section = regexp.MustCompile(`\s+`).ReplaceAllString(section, " ")
	var doc struct {
		Defs struct {
			Check struct {
				Properties struct {
					ID struct {
						Enum []string `json:"enum"`
					} `json:"id"`
				} `json:"properties"`
			}
			Status, EndpointStatus, Result struct {
				Enum []string `json:"enum"`
			}
		} `json:"$defs"`
	}
	if err := json.Unmarshal(Report(), &doc); err != nil {
		t.Fatal(err)
	}
	d := doc.Defs
	for what, values := range map[string][]string{
		"check id": d.Check.Properties.ID.Enum, "check status": d.Status.Enum,
		"endpoint status": d.EndpointStatus.Enum, "result": d.Result.Enum,
	} {
		if len(values) == 0 {
			t.Fatalf("the report schema has no %s enum", what)
		}
		for _, v := range values {
			if !strings.Contains(section, "`"+v+"`") {
				t.Errorf("README.md's JSON report section does not name the %s `%s`", what, v)
			}
		}
	}
}
