package oauth

import (
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/transport"
)

// Checkout.com's token endpoints.
const (
	SandboxTokenURL    = "https://access.sandbox.checkout.com/connect/token"
	ProductionTokenURL = "https://access.checkout.com/connect/token"
)

// DefaultRetryWait is the wait before the one retry after a 429 or 5xx
// answer when the server sent no Retry-After.
const DefaultRetryWait = time.Second

// maxRetryWait is the longest wait Exchange accepts before its retry; a
// longer Retry-After is left to the caller.
const maxRetryWait = 10 * time.Second

// Config says where and how to exchange access keys for tokens. Its zero
// value is not usable: TokenURL and HTTPClient are required.
type Config struct {
	// TokenURL is the full token endpoint URL, usually SandboxTokenURL or
	// ProductionTokenURL. It must be https (http only to a loopback host,
	// for tests and the simulator) and carry no userinfo. Empty is an error.
	TokenURL string
	// HTTPClient sends the requests; its Transport, Timeout and Jar are
	// used as they are, but redirects are never followed (a token endpoint
	// that redirects is reported, not obeyed, so the Basic credentials
	// cannot travel elsewhere). nil is an error: there is no silent
	// http.DefaultClient.
	HTTPClient *http.Client
	// Now is the clock used for Token.Expiry and Retry-After dates; nil
	// means time.Now.
	Now func() time.Time
	// RetryWait is the wait before Exchange asks once more after an HTTP
	// 429 or 5xx answer (a Retry-After from the server takes precedence).
	// Zero means DefaultRetryWait; negative disables the retry. Exchange
	// never retries when the wait is over 10s or would pass the context's
	// deadline, nor after transport failures.
	RetryWait time.Duration
	// Mask is called with every access token issued, before Exchange logs
	// or returns it; nil means none. A token that cannot be real (see
	// credential.Plausible) is refused as invalid_response instead, so it
	// is never masked.
	Mask func(string)
	// Debug receives one line per token request (method, host, path,
	// status, request id, timing; never a header or body), written after
	// the token is masked; nil means none.
	Debug func(string)
}

// now returns the current time from the configured clock.
func (c Config) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

// check validates the configuration and returns the parsed token URL.
func (c Config) check() (*url.URL, error) {
	if c.HTTPClient == nil {
		return nil, fmt.Errorf("oauth: no HTTP client configured; set Config.HTTPClient")
	}
	if c.TokenURL == "" {
		return nil, fmt.Errorf("oauth: no token URL configured; use %q or %q", SandboxTokenURL, ProductionTokenURL)
	}
	// The URL is quoted in messages only once it is known to hold no
	// userinfo, which may be a password.
	u, err := url.Parse(c.TokenURL)
	if err != nil {
		return nil, fmt.Errorf("oauth: the token URL is not a valid URL; use %q or %q", SandboxTokenURL, ProductionTokenURL)
	}
	if u.User != nil {
		return nil, fmt.Errorf("oauth: the token URL for host %q carries userinfo; remove it, the client id and secret are sent separately", u.Host)
	}
	if u.Host == "" || u.Opaque != "" {
		return nil, fmt.Errorf("oauth: token URL %q is not an absolute URL; use %q or %q", c.TokenURL, SandboxTokenURL, ProductionTokenURL)
	}
	switch {
	case u.Scheme == "https":
	case u.Scheme == "http" && transport.IsLoopback(u.Hostname()):
	default:
		return nil, fmt.Errorf("oauth: token URL %q is not https; use https (http is accepted only for loopback hosts)", c.TokenURL)
	}
	if u.Fragment != "" {
		return nil, fmt.Errorf("oauth: token URL %q has a fragment; remove it", c.TokenURL)
	}
	return u, nil
}

// requestScopes checks the requested scopes and returns them once each, in
// order; nil for none.
func requestScopes(scopes []string) ([]string, error) {
	var out []string
	seen := make(map[string]bool, len(scopes))
	for _, s := range scopes {
		if !catalog.ValidScopeName(s) {
			return nil, fmt.Errorf("oauth: scope %q is not a valid scope; give each scope as its own item, "+
				"lower-case letters, digits and \"-\" joined by \":\", e.g. \"gateway:payment\"", s)
		}
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out, nil
}
