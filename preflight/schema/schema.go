package schema

import "embed"

// The schemas' $id: where each is published, on the main branch.
const (
	ConfigID = "https://raw.githubusercontent.com/checkout-preflight/checkout-preflight/main/preflight/schema/config.schema.json"
	ReportID = "https://raw.githubusercontent.com/checkout-preflight/checkout-preflight/main/preflight/schema/report.schema.json"
)

//go:embed config.schema.json report.schema.json
var files embed.FS

// Config returns the JSON Schema of the config file
// (.github/checkout-preflight.yml), as a new copy on every call.
func Config() []byte { return read("config.schema.json") }

// Report returns the JSON Schema of the JSON report, schema version
// report.SchemaVersion, as a new copy on every call.
func Report() []byte { return read("report.schema.json") }

func read(name string) []byte {
	b, err := files.ReadFile(name)
	if err != nil {
		panic("schema: " + name + " is not embedded: " + err.Error()) // cannot happen: go:embed checked it at build time
	}
	return b
}
