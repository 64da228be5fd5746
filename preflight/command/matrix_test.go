package command

import (
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
	"github.com/checkout-preflight/checkout-preflight/preflight/simulator"
)

// matrixRow is one row of the failure-behaviour table in README.md: a bad
// input or a fault, and what the tool must do about it.
type matrixRow struct {
	name       string                    // as in the README table
	setup      func(h *harness) []string // prepares the harness; returns extra arguments
	wantCode   int
	wantResult report.Result
	wantText   string // a phrase the report or stderr must hold; "@file:line…: message" means a check positioned there
}

func withKey(key string) func(h *harness) []string {
	return func(h *harness) []string { h.env["CKO_SECRET_KEY"] = key; return nil }
}

func withEnv(kv ...string) func(h *harness) []string {
	return func(h *harness) []string {
		for i := 0; i+1 < len(kv); i += 2 {
			h.env[kv[i]] = kv[i+1]
		}
		return nil
	}
}

func withArgs(key string, args ...string) func(h *harness) []string {
	return func(h *harness) []string { h.env["CKO_SECRET_KEY"] = key; return args }
}

func withFault(f simulator.Fault, args ...string) func(h *harness) []string {
	return func(h *harness) []string { h.sim.AddFault(f); h.env["CKO_SECRET_KEY"] = keyFull; return args }
}

func withConfig(content string) func(h *harness) []string {
	return func(h *harness) []string {
		h.writeFile("preflight.yml", content)
		h.env["KEY"] = keyFull
		return []string{"--config", workspace + "/preflight.yml"}
	}
}

func withAPI(url func(h *harness) string) func(h *harness) []string {
	return func(h *harness) []string {
		h.env["CKO_SECRET_KEY"] = keyFull
		return []string{"--api-url", url(h)}
	}
}

const goodConfigCredential = "credentials:\n  - name: svc\n    secret-key-env: KEY\n    endpoints: [POST /payments]\n"

func matrix() []matrixRow {
	return []matrixRow{
		// Credentials.
		{"credential empty", nil, ExitFailed, report.ResultFail, "no credential to check"},
		{"credential only whitespace", withKey(" \n\t "), ExitFailed, report.ResultFail, "no credential to check"},
		{"credential with a trailing newline", withKey(keyFull + "\n"), ExitOK, report.ResultPass, "the value had a trailing newline; it was trimmed"},
		{"public key as secret-key", withKey(keyPublic), ExitFailed, report.ResultFail, "is a public key (pk_sbox_…)"},
		{"OAuth client id as secret-key", withKey(clientFull), ExitFailed, report.ResultFail, "is an OAuth client id (ack_…), not a secret key"},
		{"secret key as client-id", withEnv("CKO_CLIENT_ID", keyFull, "CKO_CLIENT_SECRET", secretFull), ExitFailed, report.ResultFail, "is a secret key, not an OAuth client id"},
		{"client id without a secret", withEnv("CKO_CLIENT_ID", clientFull), ExitFailed, report.ResultFail, "client-secret: the value is empty"},
		{"secret key and OAuth both given", withEnv("CKO_SECRET_KEY", keyFull, "CKO_CLIENT_ID", clientFull, "CKO_CLIENT_SECRET", secretFull), ExitOK, report.ResultPass, `"name": "client-id"`},
		{"a 10 MB value", withKey(strings.Repeat("k", 10<<20)), ExitFailed, report.ResultFail, "far longer than any Checkout.com credential"},
		{"control characters or invalid UTF-8", withKey("sk_sbox_testfake\x00\xffkeyabc"), ExitFailed, report.ResultFail, "control characters or invalid UTF-8"},
		{"environment contradicts the key", withArgs(keyFull, "--environment", "production"), ExitUsage, report.ResultFail, `"production" contradicts`},
		// Endpoints, scopes, allowlist.
		{"endpoint without a space", withArgs(keyFull, "--endpoints", "POST/payments"), ExitUsage, report.ResultFail, `POST /payments`},
		{"unknown method", withArgs(keyFull, "--endpoints", "FETCH /payments"), ExitUsage, report.ResultFail, `"FETCH"`},
		{"path without a method", withArgs(keyFull, "--endpoints", "/payments"), ExitUsage, report.ResultFail, "method"},
		{"empty lines, duplicates, tabs and CRLF", withArgs(keyFull, "--endpoints", "POST\t/payments\r\n\r\nGET /payments/{id}\r\npost /payments\r\n"), ExitOK, report.ResultPass, "is declared 3 times"},
		{"unknown path", withArgs(keyFull, "--endpoints", "GET /paymnts/{id}"), ExitUsage, report.ResultFail, "closest known: GET /payments/{id}"},
		{"the secret pasted into endpoints", withArgs(keyFull, "--endpoints", keyFull), ExitUsage, report.ResultFail, "(a value that looks like a credential; not shown)"},
		{"unknown scope name", withArgs(keyFull, "--scopes", "gateway:paymnt"), ExitOK, report.ResultPass, `scope "gateway:paymnt" is not in the catalog; did you mean gateway:payment?`},
		{"invalid CIDR", withArgs(keyFull, "--allowed-ips", "203.0.113.0/33"), ExitUsage, report.ResultFail, `allowlist entry "203.0.113.0/33"`},
		{"IPv6 zone", withArgs(keyFull, "--allowed-ips", "fe80::1%eth0"), ExitUsage, report.ResultFail, `allowlist entry "fe80::1%eth0"`},
		{"hundreds of entries", withArgs(keyFull, "--allowed-ips", manyAllowlistEntries(300), "--endpoints", manyEndpoints()), ExitOK, report.ResultPass, "203.0.113.10 is on the allowlist"},
		// Config file.
		{"config file missing", func(h *harness) []string {
			h.env["KEY"] = keyFull
			return []string{"--config", workspace + "/none.yml"}
		}, ExitUsage, report.ResultFail, "none.yml"},
		{"config file unreadable", func(h *harness) []string {
			return []string{"--config", workspace + "/locked.yml"}
		}, ExitUsage, report.ResultFail, "locked.yml"},
		{"config file invalid YAML", withConfig("version: 1\ncredentials: [\n"), ExitUsage, report.ResultFail, "@preflight.yml:3: invalid YAML"},
		{"config file unknown key", withConfig("version: 1\nenviroment: sandbox\n" + goodConfigCredential), ExitUsage, report.ResultFail, `@preflight.yml:2:1: unknown key "enviroment"`},
		{"config file wrong type", withConfig("version: 1\ncredentials:\n  - name: svc\n    secret-key-env: KEY\n    endpoints: {POST: /payments}\n"), ExitUsage, report.ResultFail, `@preflight.yml:5:16: "endpoints" must be a list`},
		{"config file duplicate names", withConfig("version: 1\n" + goodConfigCredential + "  - name: svc\n    secret-key-env: KEY\n"), ExitUsage, report.ResultFail, `@preflight.yml:6:11: credential name "svc" is already used on line 3`},
		{"config names an unset variable", withConfig("version: 1\ncredentials:\n  - name: svc\n    secret-key-env: UNSET_KEY\n"), ExitFailed, report.ResultFail, "UNSET_KEY"},
		// URLs.
		{"http:// to a remote host", withArgs(keyFull, "--api-url", "http://api.example.com"), ExitUsage, report.ResultFail, "HTTPS"},
		{"malformed URL", withArgs(keyFull, "--api-url", "https://exa mple.com/%zz"), ExitUsage, report.ResultFail, "api-url"},
		{"prefix with bad characters", withArgs(keyFull, "--prefix", "Acme_Corp"), ExitUsage, report.ResultFail, "prefix"},
		// Network.
		{"DNS failure", withAPI(func(*harness) string { return "https://api.nonexistent.invalid" }), ExitInconclusive, report.ResultInconclusive, "api.nonexistent.invalid"},
		{"connection refused", withAPI(func(h *harness) string { return closedURL(h.t) }), ExitInconclusive, report.ResultInconclusive, "refused"},
		{"TLS failure (self-signed server)", withAPI(func(h *harness) string {
			srv := httptest.NewTLSServer(http.NotFoundHandler())
			h.t.Cleanup(srv.Close)
			return srv.URL
		}), ExitInconclusive, report.ResultInconclusive, "TLS"},
		{"server hangs", withFault(simulator.Fault{Hang: true}, "--timeout", "1s"), ExitInconclusive, report.ResultInconclusive, "run.deadline"},
		{"server closes mid-response", withFault(simulator.Fault{CloseMidResponse: true}), ExitInconclusive, report.ResultInconclusive, "inconclusive"},
		{"200 with a non-JSON body", withFault(simulator.Fault{Status: 200, Body: "<html>maintenance</html>"}), ExitFailed, report.ResultFail, "probe.safety"},
		{"429 with Retry-After", withFault(simulator.Fault{Route: "POST /payments", Authorization: "Bearer " + keyFull, Status: 429, RetryAfter: "1", Times: 1}), ExitOK, report.ResultPass, `"attempts": 2`},
		{"429 without Retry-After", withFault(simulator.Fault{Route: "POST /payments", Authorization: "Bearer " + keyFull, Status: 429, Times: 2}), ExitOK, report.ResultPass, `"attempts": 3`},
		{"429 with a huge Retry-After", withFault(simulator.Fault{Status: 429, RetryAfter: "100000"}, "--timeout", "20s"), ExitInconclusive, report.ResultInconclusive, "429"},
		{"500 persistently", withFault(simulator.Fault{Status: 500}), ExitInconclusive, report.ResultInconclusive, "500"},
		{"502 persistently", withFault(simulator.Fault{Status: 502}), ExitInconclusive, report.ResultInconclusive, "502"},
		{"503 persistently", withFault(simulator.Fault{Status: 503}), ExitInconclusive, report.ResultInconclusive, "503"},
		{"504 persistently", withFault(simulator.Fault{Status: 504}), ExitInconclusive, report.ResultInconclusive, "504"},
		{"OAuth endpoint returns a malformed token", func(h *harness) []string {
			h.sim.AddFault(simulator.Fault{Route: simulator.RouteToken, Status: 200, Body: `{"token_type":"Bearer"}`})
			h.env["CKO_CLIENT_ID"], h.env["CKO_CLIENT_SECRET"] = clientFull, secretFull
			return []string{"--environment", "sandbox"}
		}, ExitInconclusive, report.ResultInconclusive, "invalid_response"},
	}
}

func manyAllowlistEntries(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString("198.51." + strconv.Itoa(i/250) + "." + strconv.Itoa(i%250) + "\n")
	}
	b.WriteString("203.0.113.0/24\n")
	return b.String()
}

func manyEndpoints() string {
	eps := []string{"POST /payments", "GET /payments/{id}", "POST /payments/{id}/captures", "POST /payments/{id}/refunds", "POST /payments/{id}/voids"}
	var all []string
	for range 60 {
		all = append(all, eps...)
	}
	return strings.Join(all, "\n")
}

// TestFailureMatrix runs every row through the real Main against the
// simulator. Each run must produce a complete report (stdout and the
// --report file), send nothing on a configuration error, never call a
// network fault a bad key, and leak no secret (checked by h.run).
func TestFailureMatrix(t *testing.T) {
	t.Parallel()
	for _, tt := range matrix() {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, simulator.Options{})
			h.files[workspace+"/locked.yml"] = nil
			readFile := h.command().ReadFile
			var extra []string
			if tt.setup != nil {
				extra = tt.setup(h)
			}
			args := []string{"--format", "json", "--report", "/tmp/report.json", "--timeout", "10s", "--endpoints", "POST /payments"}
			args = append(args, h.simArgs()...)
			args = append(args, extra...)
			cmd := h.command()
			cmd.ReadFile = func(dir, name string) ([]byte, error) {
				if strings.HasSuffix(name, "/locked.yml") {
					return nil, &os.PathError{Op: "open", Path: name, Err: os.ErrPermission}
				}
				return readFile(dir, name)
			}
			h.code = cmd.Main(t.Context(), args)
			h.assertClean()
			if h.code != tt.wantCode {
				t.Errorf("exit code = %d, want %d\nstdout: %.3000s\nstderr: %s", h.code, tt.wantCode, h.stdout.String(), h.stderr.String())
			}
			r := h.report()
			if r.Result != tt.wantResult {
				t.Errorf("result = %q, want %q", r.Result, tt.wantResult)
			}
			if h.file("/tmp/report.json") == "" {
				t.Error("no report file was written")
			}
			all := strings.ReplaceAll(h.stdout.String()+h.stderr.String(), `\"`, `"`)
			for _, c := range r.Checks {
				if c.Position != nil {
					all += "\n@" + c.Position.String() + ": " + c.Message
				}
			}
			if !strings.Contains(strings.ReplaceAll(all, "@"+workspace+"/", "@"), tt.wantText) {
				t.Errorf("output does not contain %q:\n%.3000s", tt.wantText, all)
			}
			if *showMatrix {
				t.Logf("| %s | %d | %s | %s |", tt.name, h.code, r.Result, firstFinding(r))
			}
			if tt.wantCode == ExitUsage && h.apiRequests() != 0 {
				t.Errorf("%d requests were sent despite a configuration error", h.apiRequests())
			}
			if tt.wantCode == ExitInconclusive {
				for _, c := range r.Credentials {
					if c.Active != nil && !*c.Active {
						t.Errorf("a fault made credential %q inactive: a network fault is never the key's fault", c.Name)
					}
				}
			}
		})
	}
}

var showMatrix = flag.Bool("show-matrix", false, "log each matrix row as a README table row")

// firstFinding is the message of the first check that did not pass.
func firstFinding(r report.Report) string {
	for _, c := range r.Checks {
		if c.Status != report.StatusPass && c.Status != report.StatusSkip {
			if c.Position != nil {
				return c.Position.String() + ": " + c.Message
			}
			return c.Message
		}
	}
	return ""
}

// TestFailureMatrixMatchesREADME keeps README.md's "Failure behaviour"
// table and this test's matrix the same: same rows, same exit codes and
// results.
func TestFailureMatrixMatchesREADME(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(b), "## Failure behaviour")
	if !ok {
		t.Fatal(`README.md has no "## Failure behaviour" section`)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	row := regexp.MustCompile(`(?m)^\| ([^|]+?) \| (\d) \| (\w+) \|`)
	readme := map[string]string{}
	for _, m := range row.FindAllStringSubmatch(section, -1) {
		readme[m[1]] = m[2] + " " + m[3]
	}
	for _, tt := range matrix() {
		want := strconv.Itoa(tt.wantCode) + " " + string(tt.wantResult)
		if got, ok := readme[tt.name]; !ok {
			t.Errorf("README.md lacks the row %q (exit %s)", tt.name, want)
		} else if got != want {
			t.Errorf("README.md row %q says %q, the test asserts %q", tt.name, got, want)
		}
		delete(readme, tt.name)
	}
	for name := range readme {
		t.Errorf("README.md row %q is not tested", name)
	}
}
