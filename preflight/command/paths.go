package command

import (
	"net/http"
	"path/filepath"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
)

// httpClient returns the client for every request: the injected one, or
// one built from the environment's proxy settings.
func (c *Command) httpClient() *http.Client {
	if c.HTTPClient != nil {
		return c.HTTPClient
	}
	return checkout.NewHTTPClient(checkout.ClientOptions{Getenv: c.Getenv, UserAgent: "checkout-preflight/" + c.version()})
}

// reportPath is where the JSON report goes in Actions: RUNNER_TEMP, named
// after the step so that two steps in a job do not overwrite each other.
func reportPath(getenv func(string) string) string {
	dir := getenv("RUNNER_TEMP")
	if dir == "" {
		return ""
	}
	step := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return '_'
	}, getenv("GITHUB_ACTION"))
	if step == "" {
		step = "report"
	}
	return filepath.Join(dir, "checkout-preflight-"+step+".json")
}
