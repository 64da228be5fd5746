package checkout

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/transport"
)

// Environments accepted by ResolveEndpoints.
const (
	Sandbox    = "sandbox"
	Production = "production"
)

// Endpoints are the base URLs of the Checkout.com hosts one run talks to.
// Every field except Token is a base without a trailing slash, to which a
// probe's path is appended; Token is the full token URL.
type Endpoints struct {
	API                  string // host "api"
	Files                string // host "files"
	Transfers            string // host "transfers"
	Balances             string // host "balances"
	Forward              string // host "forward"
	IdentityVerification string // host "identity-verification"
	Token                string // OAuth token URL (host "access")
}

// Base returns the base URL for a catalog host ("api", "files", "transfers",
// "balances", "forward", "identity-verification", or "access", whose base
// is the scheme and host of Token). It returns "" for an unknown host.
func (e Endpoints) Base(host string) string {
	switch host {
	case "api":
		return e.API
	case "files":
		return e.Files
	case "transfers":
		return e.Transfers
	case "balances":
		return e.Balances
	case "forward":
		return e.Forward
	case "identity-verification":
		return e.IdentityVerification
	case "access":
		u, err := url.Parse(e.Token)
		if err != nil || u.Host == "" {
			return ""
		}
		return u.Scheme + "://" + u.Host
	}
	return ""
}

// ConfigError is a setting that cannot be used; it is reported before any
// request is sent.
type ConfigError struct {
	// Setting is the input's name: "environment", "prefix", "api-url" or
	// "auth-url".
	Setting string
	// Value is the offending value, with any user:password@ part of a URL
	// removed; empty when the value is empty.
	Value string
	// Problem says what is wrong, what would be accepted and the fix.
	Problem string
}

func (e *ConfigError) Error() string {
	return fmt.Sprintf("%s %s: %s", e.Setting, config.Quote(e.Value), e.Problem)
}

// validPrefix reports whether prefix is [a-z0-9]+.
func validPrefix(prefix string) bool {
	for _, r := range prefix {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') {
			return false
		}
	}
	return prefix != ""
}

// ResolveEndpoints returns the endpoints for env ("sandbox" or
// "production"; anything else, empty included, is a *ConfigError).
//
// An empty prefix means the shared hosts (api.sandbox.checkout.com); a
// prefix (the account's unique [a-z0-9]+ prefix from the Dashboard) selects
// https://{prefix}.api[.sandbox].checkout.com and
// https://{prefix}.access[.sandbox].checkout.com/connect/token.
//
// A non-empty apiURL replaces the base of every API-family host (api,
// files, transfers, balances, forward, identity-verification): a proxy or
// private link in front of Checkout.com fronts them all, so one URL serves
// every host. It may carry a path prefix. A non-empty authURL replaces the
// whole token URL. Both must be absolute https:// URLs — http:// only when
// the host is loopback (localhost, 127.0.0.0/8, ::1), since credentials are
// sent to them — without user:password@, query or fragment.
func ResolveEndpoints(env, prefix, apiURL, authURL string) (Endpoints, error) {
	var sandbox string
	switch env {
	case Sandbox:
		sandbox = ".sandbox"
	case Production:
	default:
		return Endpoints{}, &ConfigError{Setting: "environment", Value: env,
			Problem: `want "sandbox" or "production"; set the environment the credential belongs to`}
	}
	if prefix != "" && !validPrefix(prefix) {
		return Endpoints{}, &ConfigError{Setting: "prefix", Value: prefix,
			Problem: "want lower-case letters and digits only, e.g. \"vkuhvk4v\"; copy the unique account prefix from the Dashboard, without \"https://\" or \".api.checkout.com\""}
	}
	host := func(name string) string { return "https://" + name + sandbox + ".checkout.com" }
	e := Endpoints{
		API:                  host("api"),
		Files:                host("files"),
		Transfers:            host("transfers"),
		Balances:             host("balances"),
		Forward:              host("forward"),
		IdentityVerification: host("identity-verification"),
		Token:                host("access") + "/connect/token",
	}
	if prefix != "" {
		e.API = host(prefix + ".api")
		e.Token = host(prefix+".access") + "/connect/token"
	}
	if apiURL != "" {
		base, err := CheckOverride("api-url", apiURL)
		if err != nil {
			return Endpoints{}, err
		}
		base = strings.TrimRight(base, "/")
		e.API, e.Files, e.Transfers, e.Balances, e.Forward, e.IdentityVerification = base, base, base, base, base, base
	}
	if authURL != "" {
		tok, err := CheckOverride("auth-url", authURL)
		if err != nil {
			return Endpoints{}, err
		}
		e.Token = tok
	}
	return e, nil
}

// CheckOverride validates the value of an override URL setting (api-url,
// auth-url) as ResolveEndpoints does, and returns it normalised: an
// absolute https:// URL, or http:// to a loopback host, without
// user:password@, query or fragment. The error is a *ConfigError whose
// value is shownURL(raw): it never shows a password or a query.
func CheckOverride(setting, raw string) (string, error) {
	fail := func(problem string) error {
		return &ConfigError{Setting: setting, Value: shownURL(raw), Problem: problem}
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", fail("not a valid URL; want an absolute URL such as \"https://proxy.example.com\"")
	}
	if u.User != nil {
		return "", fail("a URL must not carry user:password@; credentials come only from the credential input, so remove that part")
	}
	if !u.IsAbs() || u.Host == "" || u.Hostname() == "" {
		return "", fail("want an absolute URL with a host, such as \"https://proxy.example.com\"")
	}
	if u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || u.RawFragment != "" {
		return "", fail("want a URL without ?query or #fragment; remove them")
	}
	switch strings.ToLower(u.Scheme) {
	case "https":
	case "http":
		if !transport.IsLoopback(u.Hostname()) {
			return "", fail("credentials are only sent over HTTPS; use an https:// URL (http:// is accepted only for localhost, 127.0.0.0/8 and ::1)")
		}
	default:
		return "", fail("want an https:// URL (or http:// to localhost, 127.0.0.0/8 or ::1)")
	}
	u.Scheme = strings.ToLower(u.Scheme)
	return u.String(), nil
}

// shownURL is how an override URL, valid or not, appears in a message.
// Whatever could be user:password@ (everything up to the last "@") is
// shown as "…@", and a query or fragment, which may hold a key of the
// proxy's own, as "?…". Where a "?" or "#" comes before the last "@",
// neither part can be told apart, so all after the scheme is hidden.
// The empty string is shown as itself.
func shownURL(raw string) string {
	scheme := ""
	if i := strings.Index(raw, "://"); i > 0 && isScheme(raw[:i]) {
		scheme, raw = raw[:i+3], raw[i+3:]
	}
	at, q := strings.LastIndex(raw, "@"), strings.IndexAny(raw, "?#")
	switch {
	case at >= 0 && q >= 0 && q < at:
		return scheme + "…"
	case at >= 0:
		raw = "…@" + raw[at+1:]
	}
	if q := strings.IndexAny(raw, "?#"); q >= 0 {
		raw = raw[:q] + "?…"
	}
	return scheme + raw
}

// isScheme reports whether s is a URL scheme (RFC 3986, section 3.1): a
// letter, then letters, digits, "+", "-" or ".". The empty string is not.
func isScheme(s string) bool {
	for i, c := range s {
		letter := 'a' <= c|0x20 && c|0x20 <= 'z'
		if !letter && (i == 0 || !('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	return s != ""
}
