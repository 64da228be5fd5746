package checkout

import (
	"fmt"
	"net/http"
	"time"
)

// StatusError is an HTTP answer that does not settle the probe: 429 or a
// server error after every retry, a redirect, a 407 from a proxy, another
// unexpected status, or a 2xx to a probe that should have been rejected.
type StatusError struct {
	// Host is the host name of the request URL.
	Host string
	// Method and Path are the probe's request line (no query).
	Method, Path string
	// Status is the HTTP status code of the last answer.
	Status int
	// Attempts is how many requests were sent.
	Attempts int
	// RetryAfter is the wait the last answer asked for; 0 when none.
	RetryAfter time.Duration
	// RequestID is the last answer's Cko-Request-Id; empty when none.
	RequestID string
}

func (e *StatusError) Error() string {
	answered := fmt.Sprintf("%s answered %d %s to %s %s", e.Host, e.Status, http.StatusText(e.Status), e.Method, e.Path)
	tries := ""
	if e.Attempts > 1 {
		tries = fmt.Sprintf(" after %d attempts", e.Attempts)
	}
	switch {
	case e.Status >= 200 && e.Status <= 299:
		id := ""
		if e.RequestID != "" {
			id = fmt.Sprintf(" (Cko-Request-Id %q)", e.RequestID)
		}
		return answered + id + "; the probe should have been rejected — check the account for a change made by this request and report it to checkout-preflight"
	case e.Status == http.StatusTooManyRequests:
		wait := ""
		if e.RetryAfter > 0 {
			wait = fmt.Sprintf(", asking to wait %s", e.RetryAfter)
		}
		return answered + tries + wait + "; rate limiting says nothing about the credential — rerun later or probe fewer endpoints"
	case e.Status >= 500:
		return answered + tries + "; a server error says nothing about the credential — rerun later"
	case e.Status == http.StatusProxyAuthRequired:
		return answered + "; a proxy wants credentials — put them in HTTPS_PROXY or add the host to NO_PROXY"
	case e.Status >= 300 && e.Status <= 399:
		return answered + "; Checkout.com does not redirect API calls, so a proxy or the api-url override is in the way — check them"
	}
	return answered + "; this status says nothing about the credential — check any proxy or api-url override in between"
}
