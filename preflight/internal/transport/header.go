package transport

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// maxRetryAfter caps what RetryAfter returns: a server asking for more
// than a day is asking for nothing a run can honour.
const maxRetryAfter = 24 * time.Hour

// RetryAfter parses a Retry-After header value (RFC 9110 §10.2.3): a number
// of seconds, or an HTTP date taken relative to now. It returns 0 for an
// absent, zero, past or unreadable value, and at most 24 hours.
func RetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		switch {
		case secs <= 0:
			return 0
		case secs > int64(maxRetryAfter/time.Second):
			return maxRetryAfter
		}
		return time.Duration(secs) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return min(t.Sub(now), maxRetryAfter)
	}
	return 0
}
