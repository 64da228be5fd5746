package command

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/checkout-preflight/checkout-preflight/preflight/simulator"
)

// debugEntry is what a debug line says about one request.
type debugEntry struct {
	Method, Host, Path string
	Status             int
	RequestID          string
}

// debugLine is checkout.RequestLog.String of an answered request:
// `GET 127.0.0.1:4242/payments/pay_… attempt 1: 404 in 3ms (cko-request-id "…")`.
var debugLine = regexp.MustCompile(`^([A-Z]+) ([^/\s]+)(/\S*) attempt [1-9]\d*: (\d{3}) in (\S+) \(cko-request-id "([^"]+)"\)$`)

// debugEntries reads every line of out that starts with prefix as a debug
// line, failing on any that does not carry method, host, path, status,
// timing and request id.
func debugEntries(tb testing.TB, out, prefix string) []debugEntry {
	tb.Helper()
	var got []debugEntry
	for _, line := range strings.Split(out, "\n") {
		rest, ok := strings.CutPrefix(line, prefix)
		if !ok {
			continue
		}
		m := debugLine.FindStringSubmatch(rest)
		if m == nil {
			tb.Errorf("debug line %q lacks method, host, path, status, timing or request id", line)
			continue
		}
		if _, err := time.ParseDuration(m[5]); err != nil {
			tb.Errorf("debug line %q: timing %q is not a duration", line, m[5])
		}
		status, _ := strconv.Atoi(m[4])
		got = append(got, debugEntry{Method: m[1], Host: m[2], Path: m[3], Status: status, RequestID: m[6]})
	}
	return got
}

// apiEntries is what the simulator recorded of every request (API
// routes, the token endpoint and the IP echo), as debug lines should show
// them.
func (h *harness) apiEntries() []debugEntry {
	h.t.Helper()
	u, err := url.Parse(h.sim.URL())
	if err != nil {
		h.t.Fatal(err)
	}
	var out []debugEntry
	for _, r := range h.sim.Requests() {
		out = append(out, debugEntry{Method: r.Method, Host: u.Host, Path: r.Path, Status: r.Status, RequestID: r.RequestID})
	}
	return out
}

// TestDebugLogsRequests checks that --debug (CLI) and RUNNER_DEBUG=1
// (action) log one line per request — probes, token requests and IP echo
// lookups — matching what the simulator received, and nothing without
// them. h.run also checks that no output holds part of a secret or a JWT.
func TestDebugLogsRequests(t *testing.T) {
	t.Parallel()
	oauthEnv := map[string]string{"CKO_CLIENT_ID": clientFull, "CKO_CLIENT_SECRET": secretFull}
	keyEnv := map[string]string{"CKO_SECRET_KEY": keyFull}
	tests := []struct {
		name   string
		action map[string]string // action inputs; nil runs the CLI
		env    map[string]string // CLI environment, or extra action environment
		debug  bool
	}{
		{name: "cli secret key --debug", env: keyEnv, debug: true},
		{name: "cli oauth --debug", env: oauthEnv, debug: true},
		{name: "cli without --debug", env: keyEnv},
		{name: "action secret key RUNNER_DEBUG=1", action: map[string]string{"secret-key": keyFull}, env: map[string]string{"RUNNER_DEBUG": "1"}, debug: true},
		{name: "action oauth RUNNER_DEBUG=1", action: map[string]string{"client-id": clientFull, "client-secret": secretFull}, env: map[string]string{"RUNNER_DEBUG": "1"}, debug: true},
		{name: "action without RUNNER_DEBUG", action: map[string]string{"secret-key": keyFull}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, simulator.Options{})
			var code int
			var got []debugEntry
			if tt.action != nil {
				tt.action["endpoints"] = refundsEndpoints
				h.actionEnv(tt.action)
				for k, v := range tt.env {
					h.env[k] = v
				}
				code = h.runAction()
				got = debugEntries(t, h.stdout.String(), "::debug::")
				if n := len(debugEntries(t, h.stderr.String(), "debug: ")); n > 0 {
					t.Errorf("action mode wrote %d CLI debug lines to stderr", n)
				}
			} else {
				for k, v := range tt.env {
					h.env[k] = v
				}
				args := append(h.simArgs(), "--endpoints", refundsEndpoints)
				if tt.debug {
					args = append(args, "--debug")
				}
				code = h.run(args...)
				got = debugEntries(t, h.stderr.String(), "debug: ")
				if strings.Contains(h.stdout.String(), "::debug::") {
					t.Error("the CLI wrote ::debug:: commands")
				}
			}
			if code != ExitOK {
				t.Errorf("exit code = %d, want %d\nstdout: %s\nstderr: %s", code, ExitOK, h.stdout.String(), h.stderr.String())
			}
			want := h.apiEntries()
			if len(want) == 0 {
				t.Fatal("no request reached the simulator's API")
			}
			if !tt.debug {
				want = nil
			}
			sortEntries := cmpopts.SortSlices(func(a, b debugEntry) bool {
				return a.Method+a.Path+a.RequestID < b.Method+b.Path+b.RequestID
			})
			if diff := cmp.Diff(want, got, sortEntries, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("debug lines do not match the simulator's records (-want +got):\n%s\nstdout: %s\nstderr: %s", diff, h.stdout.String(), h.stderr.String())
			}
		})
	}
}
