package command

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// Input names: the action's inputs and the CLI's flags, one list for both
// (action_test.go checks it against action.yml).
const (
	inSecretKey    = "secret-key"
	inClientID     = "client-id"
	inClientSecret = "client-secret"
	inEnvironment  = "environment"
	inEndpoints    = "endpoints"
	inScopes       = "scopes"
	inAllowedIPs   = "allowed-ips"
	inConfig       = "config"
	inPrefix       = "prefix"
	inAPIURL       = "api-url"
	inAuthURL      = "auth-url"
	inIPEchoURLs   = "ip-echo-urls"
	inTimeout      = "timeout"
	inFailOn       = "fail-on"
	inOnMissing    = "on-missing-credentials"
	inSimulate     = "simulate"
)

// defaultTimeout is the timeout input's and flag's default.
const defaultTimeout = "30s"

// actionInputs lists every input the action reads, in action.yml order.
func actionInputs() []string {
	return []string{inSecretKey, inClientID, inClientSecret, inEnvironment, inEndpoints, inScopes,
		inAllowedIPs, inConfig, inPrefix, inAPIURL, inAuthURL, inIPEchoURLs, inTimeout, inFailOn, inOnMissing, inSimulate}
}

// settings is what the user asked for, from flags or action inputs, before
// it is checked. Lists keep their positions when they came from a file.
type settings struct {
	secretKey, clientID, clientSecret string
	environment                       string
	endpoints, scopes, allowedIPs     []config.Value
	configPath                        string
	prefix, apiURL, authURL           string
	echoURLs                          []string // nil: defaults; empty non-nil: discovery off
	timeout, failOn, onMissing        string
	simulate                          bool // run against the embedded simulator
	// secretKeyPos and clientIDPos are where the secret-key and client-id
	// inputs are written in the workflow; nil when unknown.
	secretKeyPos, clientIDPos *report.Position
}

// echoURLsFrom reads ip-echo-urls: empty means the defaults and "none"
// turns discovery off.
func echoURLsFrom(values []config.Value) []string {
	if len(values) == 0 {
		return nil
	}
	urls := []string{}
	for _, v := range values {
		if strings.EqualFold(v.Text, "none") {
			return []string{}
		}
		urls = append(urls, v.Text)
	}
	return urls
}

// parseTimeout accepts Go durations ("30s", "1m30s") and plain seconds
// ("45"); empty means the default.
func parseTimeout(s string) (time.Duration, error) {
	if s == "" {
		return 0, nil
	}
	if n, err := strconv.Atoi(s); err == nil && n > 0 {
		return time.Duration(n) * time.Second, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 || d > 10*time.Minute {
		return 0, fmt.Errorf("timeout: %q is not a duration between 1s and 10m; write it like 30s or 2m", s)
	}
	return d, nil
}

// oneOf checks a setting against its accepted values; empty means def.
func oneOf(name, v, def string, accepted ...string) (string, error) {
	if v == "" {
		return def, nil
	}
	for _, a := range accepted {
		if strings.EqualFold(v, a) {
			return a, nil
		}
	}
	return "", fmt.Errorf("%s: %q is not accepted; use %s", name, v, strings.Join(accepted, " or "))
}

// lines splits a multi-line setting that has no position.
func lines(text string) []config.Value { return config.SplitList(text, report.Position{}) }
