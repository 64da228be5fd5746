package render

import (
	"encoding/json"
	"strings"
)

// Escapers returns every encoding this package (and the workflow commands
// written from its annotations) may apply to a value: JSON strings,
// Markdown text, HTML text, URL paths (the job summary's links to lines),
// and workflow-command data and properties. The redactor recognises a
// secret in each of these forms too.
func Escapers() []func(string) string {
	return []func(string) string{jsonString, mdText, htmlText, urlPath, workflowData, workflowProperty}
}

// jsonString is s as encoding/json writes it inside quotes, with HTML
// escaping off (as JSON does here).
func jsonString(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	out := strings.TrimSuffix(b.String(), "\n")
	return strings.TrimSuffix(strings.TrimPrefix(out, `"`), `"`)
}

// workflowData and workflowProperty escape as the runner's workflow
// commands require (and go-githubactions does).
func workflowData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func workflowProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
