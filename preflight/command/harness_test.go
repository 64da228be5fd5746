package command

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
	"github.com/checkout-preflight/checkout-preflight/preflight/simulator"
)

// Fake credentials in the real formats, known to the test simulator.
const (
	keyFull      = "sk_sbox_testfakekeyfullaccessabcdeq"
	keyNoRefunds = "sk_sbox_testfakekeynorefundsabcdefq"
	keyRevoked   = "sk_sbox_testfakekeyrevokedabcdefghq"
	keyUnknown   = "sk_sbox_testfakekeyunknownabcdefghq"
	keyPrevious  = "sk_test_0b5e1a7e-fa4e-4e5f-8a4e-00000000beef"
	keyPublic    = "pk_sbox_testfakepublickeyabcdefghiq"
	keyPublicOld = "pk_sbox_testfakepublicrevokedabcdeq"
	keyFilesOnly = "sk_sbox_testfakekeyfilesonlyabcdefq"
	clientFull   = "ack_testfakeclientfullaccessab"
	secretFull   = "tfcs-4b1e7e0b93a2c7d1e5f60a8b2c3d4e5f"
	clientNoView = "ack_testfakeclientnoviewzzqqab"
	secretNoView = "tfcs-9d2f3a61c8e5b7a4d0c1e2f3a4b5c6d7"
)

// allSecrets lists every secret the tests use, for leak assertions.
func allSecrets() []string {
	return []string{keyFull, keyNoRefunds, keyRevoked, keyUnknown, keyPrevious, keyPublic, keyPublicOld, keyFilesOnly, clientFull, secretFull, clientNoView, secretNoView,
		"sk_sbox_testfakekeyblockedabcdefghq", "ack_testfakeclientblockedzqqab", "tfcs-7e1d2c3b4a5f60718293a4b5c6d7e8f9"}
}

func testCredentials() []simulator.Credential {
	all := []string{"gateway", "vault", "disputes", "files", "flow", "accounts", "payouts", "balances", "transfers", "reports", "fx", "sessions", "issuing", "risk", "marketplace", "financial-actions", "forward"}
	return []simulator.Credential{
		{Name: "full", SecretKey: keyFull, Scopes: all},
		{Name: "no-refunds", SecretKey: keyNoRefunds, Scopes: []string{"gateway:payment", "gateway:payment-details", "gateway:payment-captures", "disputes"}},
		{Name: "revoked", SecretKey: keyRevoked, Scopes: all, Revoked: true},
		{Name: "previous", SecretKey: keyPrevious},
		{Name: "public", SecretKey: keyPublic},
		{Name: "public-revoked", SecretKey: keyPublicOld, Revoked: true},
		{Name: "files-only", SecretKey: keyFilesOnly, Scopes: []string{"files"}},
		{Name: "oauth-full", ClientID: clientFull, ClientSecret: secretFull, Scopes: all},
		{Name: "oauth-no-view", ClientID: clientNoView, ClientSecret: secretNoView, Scopes: []string{"gateway", "disputes:accept", "disputes:provide-evidence"}},
	}
}

// harness runs the real Main against a simulator, with an in-memory
// environment and file system.
type harness struct {
	t      testing.TB
	sim    *simulator.Server
	env    map[string]string
	mu     sync.Mutex
	files  map[string][]byte
	stdout bytes.Buffer
	stderr bytes.Buffer
	code   int
}

func newHarness(t testing.TB, o simulator.Options) *harness {
	t.Helper()
	if o.Credentials == nil {
		o.Credentials = testCredentials()
	}
	sim := simulator.NewServer(o)
	t.Cleanup(sim.Close)
	return &harness{t: t, sim: sim, env: map[string]string{}, files: map[string][]byte{}}
}

// command returns the Command the harness runs.
func (h *harness) command() *Command {
	return &Command{
		Stdout: &h.stdout, Stderr: &h.stderr,
		Getenv: func(k string) string { return h.env[k] },
		ReadFile: func(dir, name string) ([]byte, error) {
			h.mu.Lock()
			defer h.mu.Unlock()
			if dir != "" && !path.IsAbs(name) {
				name = path.Join(dir, name)
			}
			if b, ok := h.files[name]; ok {
				return b, nil
			}
			return nil, &os.PathError{Op: "open", Path: name, Err: os.ErrNotExist}
		},
		WriteFile: func(dir, name string, data []byte, _ os.FileMode) error {
			if dir != "" {
				name = path.Join(dir, name)
			}
			h.mu.Lock()
			defer h.mu.Unlock()
			h.files[name] = bytes.Clone(data)
			return nil
		},
		AppendFile: func(name string, data []byte) error {
			h.mu.Lock()
			defer h.mu.Unlock()
			h.files[name] = append(h.files[name], data...)
			return nil
		},
		OpenDir:    h.openDir,
		HTTPClient: h.sim.Client(),
		Version:    "v0.0.0-test",
		Now:        time.Now,
	}
}

// simArgs points a CLI run at the simulator.
func (h *harness) simArgs() []string {
	return []string{"--api-url", h.sim.URL(), "--auth-url", h.sim.TokenURL(), "--ip-echo-urls", h.sim.EchoURL()}
}

// run runs Main with args and records the exit code; every run is checked
// for side effects and leaked secrets.
func (h *harness) run(args ...string) int {
	h.t.Helper()
	h.code = h.command().Main(context.Background(), args)
	h.assertClean()
	return h.code
}

// assertClean fails when the simulator saw a side effect or any output
// holds part of a secret or an access token.
func (h *harness) assertClean() {
	h.t.Helper()
	if fx := h.sim.SideEffects(); len(fx) > 0 {
		h.t.Errorf("simulator recorded %d side effects: %+v", len(fx), fx)
	}
	outputs := []string{withoutMasks(h.t, h.stdout.String(), h.env), h.stderr.String()}
	h.mu.Lock()
	for _, b := range h.files {
		outputs = append(outputs, string(b))
	}
	h.mu.Unlock()
	assertNoSecrets(h.t, allSecrets(), outputs...)
}

// withoutMasks drops ::add-mask:: lines (the runner consumes them; they
// are never shown) after checking that every secret input was masked
// before anything else was written.
func withoutMasks(t testing.TB, stdout string, env map[string]string) string {
	t.Helper()
	var kept []string
	masked := map[string]bool{}
	for _, line := range strings.Split(stdout, "\n") {
		if v, ok := strings.CutPrefix(line, "::add-mask::"); ok {
			masked[v] = true
			continue
		}
		if len(kept) == 0 && env["GITHUB_ACTIONS"] == "true" {
			for _, name := range []string{"INPUT_SECRET-KEY", "INPUT_CLIENT-ID", "INPUT_CLIENT-SECRET"} {
				if v := strings.TrimSpace(env[name]); v != "" && !masked[v] {
					t.Errorf("%s was not masked before the first output line %q", name, line)
				}
			}
		}
		kept = append(kept, line)
	}
	return strings.Join(kept, "\n")
}

// assertNoSecrets fails when any output holds an 8-character run of a
// secret (other than its public prefix, which fingerprints show) or
// anything shaped like a JWT access token.
func assertNoSecrets(t testing.TB, secrets []string, outputs ...string) {
	t.Helper()
	for _, out := range outputs {
		if strings.Contains(out, "eyJ") {
			t.Errorf("output holds something shaped like a JWT:\n%s", out)
		}
		for _, s := range secrets {
			prefix := publicPrefix(s)
			for i := 0; i+8 <= len(s); i++ {
				if i+8 <= len(prefix) {
					continue
				}
				if part := s[i : i+8]; strings.Contains(out, part) {
					t.Errorf("output holds %q, part of a secret:\n%s", part, out)
					return
				}
			}
		}
	}
}

func publicPrefix(s string) string {
	for _, p := range []string{"sk_sbox_", "sk_test_", "pk_sbox_", "pk_test_", "ack_", "sk_", "pk_"} {
		if strings.HasPrefix(s, p) {
			return p
		}
	}
	return ""
}

// report parses the JSON report printed on stdout.
func (h *harness) report() report.Report {
	h.t.Helper()
	var r report.Report
	if err := json.Unmarshal(h.stdout.Bytes(), &r); err != nil {
		h.t.Fatalf("stdout is not a JSON report: %v\n%s", err, h.stdout.String())
	}
	return r
}

// apiRequests counts requests that reached the simulator's API or token
// endpoint (echo requests are not counted).
func (h *harness) apiRequests() int {
	n := 0
	for _, r := range h.sim.Requests() {
		if r.Route != simulator.RouteEcho {
			n++
		}
	}
	return n
}

// endpointSummary is the part of an endpoint verdict the tests compare.
type endpointSummary struct {
	Template   string
	Status     report.EndpointStatus
	HTTPStatus int
	Missing    []string
}

func endpointsOf(c report.Credential) []endpointSummary {
	var out []endpointSummary
	for _, e := range c.Endpoints {
		out = append(out, endpointSummary{Template: e.Method + " " + e.Template, Status: e.Status, HTTPStatus: e.HTTPStatus, Missing: e.MissingScopes})
	}
	return out
}

// checkIDs lists "id status" for every check that is not a pass.
func checkIDs(r report.Report) []string {
	var out []string
	for _, c := range r.Checks {
		if c.Status != report.StatusPass {
			out = append(out, c.ID+" "+string(c.Status))
		}
	}
	return out
}

// openDir is the harness's OpenDir: the files under dir ("." for the
// relative ones), as an in-memory tree.
func (h *harness) openDir(dir string) (fs.FS, io.Closer, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	tree := fstest.MapFS{}
	for name, b := range h.files {
		rel, ok := strings.CutPrefix(name, dir+"/")
		if dir == "." {
			rel, ok = name, !path.IsAbs(name)
		}
		if ok {
			tree[rel] = &fstest.MapFile{Data: bytes.Clone(b), Mode: 0o644}
		}
	}
	return tree, io.NopCloser(nil), nil
}
