//go:build live

package live

import (
	"os"
	"testing"
)

// The variables the suite reads.
const (
	envSecretKey    = "CKO_LIVE_SECRET_KEY"
	envLimitedKey   = "CKO_LIVE_LIMITED_KEY"
	envLimitedLacks = "CKO_LIVE_LIMITED_LACKS"
	envClientID     = "CKO_LIVE_CLIENT_ID"
	envClientSecret = "CKO_LIVE_CLIENT_SECRET"
	envPublicKey    = "CKO_LIVE_PUBLIC_KEY"
	envRecord       = "CKO_LIVE_RECORD" // "1" writes each answer as a fixture
)

// need returns the values of the variables names, in order, and skips the
// test, naming the first one unset, when any is empty.
func need(t *testing.T, names ...string) []string {
	t.Helper()
	values := make([]string, len(names))
	for i, name := range names {
		if values[i] = os.Getenv(name); values[i] == "" {
			t.Skipf("%s is not set", name)
		}
	}
	return values
}

// recording reports whether answers are to be written as fixtures.
func recording() bool { return os.Getenv(envRecord) == "1" }
