package command

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
	"github.com/checkout-preflight/checkout-preflight/preflight/simulator"
)

// echo starts a fake IP echo service answering body with status.
func echo(t testing.TB, status int, body string) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(status)
		io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// closedURL is the address of a server that is no longer listening.
func closedURL(t testing.TB) string {
	srv := httptest.NewServer(http.NotFoundHandler())
	u := srv.URL
	srv.Close()
	return u
}

type egressSummary struct {
	IPv4, IPv6 string
	Allowed    *bool
	Matched    string
}

func TestEgress(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		v6         string
		echoes     func(h *harness) []string
		allowed    string
		extra      []string
		env        map[string]string
		wantCode   int
		wantEgress egressSummary
		wantChecks []string
		wantText   string
	}{
		{
			name: "allowed by exact address", allowed: "203.0.113.10", wantCode: ExitOK,
			wantEgress: egressSummary{IPv4: "203.0.113.10", Allowed: ptr(true), Matched: "203.0.113.10"},
		},
		{
			name: "allowed by CIDR, comments and blank lines ignored", allowed: "# office\n\n198.51.100.7\n203.0.113.0/24  # NAT\n", wantCode: ExitOK,
			wantEgress: egressSummary{IPv4: "203.0.113.10", Allowed: ptr(true), Matched: "203.0.113.0/24"},
		},
		{
			name: "allowed IPv6", v6: "2001:db8::7",
			echoes:  func(h *harness) []string { return []string{h.sim.EchoURL(), h.sim.EchoIPv6URL()} },
			allowed: "203.0.113.0/24, 2001:db8::/32", wantCode: ExitOK,
			wantEgress: egressSummary{IPv4: "203.0.113.10", IPv6: "2001:db8::7", Allowed: ptr(true), Matched: "203.0.113.0/24"},
		},
		{
			name: "not allowed", allowed: "198.51.100.0/24", wantCode: ExitFailed,
			wantEgress: egressSummary{IPv4: "203.0.113.10", Allowed: ptr(false)},
			wantChecks: []string{"egress.allowed fail"},
			wantText:   "the runner leaves from 203.0.113.10, which is not on the allowlist (198.51.100.0/24)",
		},
		{
			name: "IPv6 outside the allowlist is a warning when IPv4 is allowed", v6: "2001:db8::7",
			echoes:  func(h *harness) []string { return []string{h.sim.EchoURL(), h.sim.EchoIPv6URL()} },
			allowed: "203.0.113.0/24", wantCode: ExitOK,
			wantEgress: egressSummary{IPv4: "203.0.113.10", IPv6: "2001:db8::7", Allowed: ptr(false), Matched: "203.0.113.0/24"},
			wantChecks: []string{"egress.allowed warn"},
		},
		{
			name: "services disagree",
			echoes: func(h *harness) []string {
				return []string{h.sim.EchoURL(), h.sim.EchoJSONURL(), echo(h.t, 200, "198.51.100.9\n")}
			},
			allowed: "203.0.113.0/24", wantCode: ExitOK,
			wantEgress: egressSummary{IPv4: "203.0.113.10", Allowed: ptr(true), Matched: "203.0.113.0/24"},
			wantChecks: []string{"egress.agreement warn"},
			wantText:   "198.51.100.9",
		},
		{
			name: "garbage answers are ignored and not echoed",
			echoes: func(h *harness) []string {
				return []string{echo(h.t, 200, "<html><body>"+strings.Repeat("tracking-pixel ", 100)+"</body></html>"), h.sim.EchoURL()}
			},
			allowed: "203.0.113.10", wantCode: ExitOK,
			wantEgress: egressSummary{IPv4: "203.0.113.10", Allowed: ptr(true), Matched: "203.0.113.10"},
		},
		{
			name:    "all echo services down is a warning",
			echoes:  func(h *harness) []string { return []string{closedURL(h.t), echo(h.t, 500, "oops")} },
			allowed: "203.0.113.0/24", wantCode: ExitOK,
			wantChecks: []string{"egress.discovered warn"},
		},
		{
			name:    "all echo services down fails with fail-on warning",
			echoes:  func(h *harness) []string { return []string{closedURL(h.t), echo(h.t, 500, "oops")} },
			allowed: "203.0.113.0/24", extra: []string{"--fail-on", "warning"}, wantCode: ExitFailed,
			wantChecks: []string{"egress.discovered warn"},
		},
		{
			name: "no allowlist still reports the address", wantCode: ExitOK,
			wantEgress: egressSummary{IPv4: "203.0.113.10"},
			wantChecks: []string{"egress.allowed skip"},
			wantText:   "no allowlist given; the runner leaves from 203.0.113.10",
		},
		{
			name: "hosted runner, address allowed: no advice", allowed: "203.0.113.0/24", env: map[string]string{"RUNNER_ENVIRONMENT": "github-hosted"}, wantCode: ExitOK,
			wantEgress: egressSummary{IPv4: "203.0.113.10", Allowed: ptr(true), Matched: "203.0.113.0/24"},
			wantChecks: nil,
			wantText:   "203.0.113.10 is on the allowlist",
		},
		{
			name: "hosted runner, address refused: the advice explains it", allowed: "198.51.100.0/24", env: map[string]string{"RUNNER_ENVIRONMENT": "github-hosted"}, wantCode: ExitFailed,
			wantEgress: egressSummary{IPv4: "203.0.113.10", Allowed: ptr(false)},
			wantChecks: []string{"egress.allowed fail", "egress.hosted-runner notice"},
			wantText:   "GitHub-hosted runner",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, simulator.Options{EgressIPv6: tt.v6})
			h.env["CKO_SECRET_KEY"] = keyFull
			for k, v := range tt.env {
				h.env[k] = v
			}
			echoes := []string{h.sim.EchoURL()}
			if tt.echoes != nil {
				echoes = tt.echoes(h)
			}
			args := []string{"--api-url", h.sim.URL(), "--format", "json", "--endpoints", "POST /payments", "--timeout", "5s", "--ip-echo-urls", strings.Join(echoes, ",")}
			if tt.allowed != "" {
				args = append(args, "--allowed-ips", tt.allowed)
			}
			code := h.run(append(args, tt.extra...)...)
			if code != tt.wantCode {
				t.Errorf("exit code = %d, want %d\n%s", code, tt.wantCode, h.stdout.String())
			}
			r := h.report()
			if tt.wantEgress.IPv4 != "" {
				got := egressSummary{IPv4: r.Egress.IPv4, IPv6: r.Egress.IPv6, Allowed: r.Egress.Allowed, Matched: r.Egress.Matched}
				if diff := cmp.Diff(tt.wantEgress, got); diff != "" {
					t.Errorf("egress mismatch (-want +got):\n%s", diff)
				}
			}
			if diff := cmp.Diff(tt.wantChecks, egressChecks(r)); diff != "" {
				t.Errorf("non-passing egress checks mismatch (-want +got):\n%s", diff)
			}
			if !strings.Contains(h.stdout.String(), tt.wantText) {
				t.Errorf("report does not contain %q:\n%s", tt.wantText, h.stdout.String())
			}
			if strings.Contains(h.stdout.String(), "tracking-pixel tracking-pixel") {
				t.Errorf("an echo service's answer was echoed:\n%s", h.stdout.String())
			}
		})
	}
}

func egressChecks(r report.Report) []string {
	var out []string
	for _, c := range r.Checks {
		if strings.HasPrefix(c.ID, "egress.") && c.Status != report.StatusPass {
			out = append(out, c.ID+" "+string(c.Status))
		}
	}
	return out
}

func TestEgressInvalidAllowlist(t *testing.T) {
	t.Parallel()
	h := newHarness(t, simulator.Options{})
	h.writeFile("cfg.yml", "version: 1\ndefaults:\n  allowed-ips:\n    - 203.0.113.0/24\n    - 10.0.0.0/33\n    - fe80::1%eth0\ncredentials:\n  - name: svc\n    secret-key-env: KEY\n    endpoints: [POST /payments]\n")
	h.env["KEY"] = keyFull
	code := h.run("--config", workspace+"/cfg.yml", "--api-url", h.sim.URL(), "--ip-echo-urls", h.sim.EchoURL(), "--allowed-ips", "bogus")
	if code != ExitUsage {
		t.Fatalf("exit code = %d, want %d\n%s", code, ExitUsage, h.stdout.String())
	}
	for _, want := range []string{`allowlist entry "bogus"`, `/cfg.yml:5:7: allowlist entry "10.0.0.0/33"`, `/cfg.yml:6:7: allowlist entry "fe80::1%eth0"`} {
		if !strings.Contains(h.stdout.String(), want) {
			t.Errorf("output does not contain %q:\n%s", want, h.stdout.String())
		}
	}
	if n := len(h.sim.Requests()); n != 0 {
		t.Errorf("%d requests were sent; a configuration error must send none", n)
	}
}

// TestEgressThroughProxy shows that discovery uses the same client as the
// Checkout.com calls, proxy settings included.
func TestEgressThroughProxy(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var seen []string
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, r.Method+" "+r.URL.String())
		mu.Unlock()
		io.WriteString(w, "192.0.2.44\n")
	}))
	t.Cleanup(proxy.Close)
	h := newHarness(t, simulator.Options{})
	h.env["CKO_SECRET_KEY"] = keyFull
	h.env["HTTP_PROXY"] = proxy.URL
	cmd := h.command()
	cmd.HTTPClient = nil // built from the environment, as in production
	code := cmd.Main(t.Context(), []string{"--api-url", h.sim.URL(), "--format", "json", "--endpoints", "POST /payments", "--ip-echo-urls", "http://echo.invalid/", "--allowed-ips", "192.0.2.44"})
	if code != ExitOK {
		t.Fatalf("exit code = %d, want 0\n%s", code, h.stdout.String())
	}
	h.assertClean()
	if got := h.report().Egress.IPv4; got != "192.0.2.44" {
		t.Errorf("egress IPv4 = %q, want the proxy's answer", got)
	}
	mu.Lock()
	defer mu.Unlock()
	if diff := cmp.Diff([]string{"GET http://echo.invalid/"}, seen); diff != "" {
		t.Errorf("proxy requests mismatch (-want +got):\n%s", diff)
	}
}

// TestEgressOverlapsCredentialChecks proves, without timing anything, that
// discovery runs while the credential is probed: the echo service answers
// only once a probe has arrived, and the API answers only once the echo
// request has arrived. Run one after the other, either side would wait in
// vain and the run would be inconclusive.
func TestEgressOverlapsCredentialChecks(t *testing.T) {
	t.Parallel()
	h := newHarness(t, simulator.Options{})
	echoSeen, apiSeen := make(chan struct{}), make(chan struct{})
	var echoOnce, apiOnce sync.Once
	wait := func(ch chan struct{}) bool {
		select {
		case <-ch:
			return true
		case <-time.After(5 * time.Second):
			return false
		}
	}
	echoSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		echoOnce.Do(func() { close(echoSeen) })
		if !wait(apiSeen) {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		io.WriteString(w, "203.0.113.10")
	}))
	t.Cleanup(echoSrv.Close)
	target, _ := url.Parse(h.sim.URL())
	forward := httputil.NewSingleHostReverseProxy(target)
	apiSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		apiOnce.Do(func() { close(apiSeen) })
		if !wait(echoSeen) {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		forward.ServeHTTP(w, r)
	}))
	t.Cleanup(apiSrv.Close)
	h.env["CKO_SECRET_KEY"] = keyFull
	code := h.run("--api-url", apiSrv.URL, "--format", "json", "--endpoints", "POST /payments", "--ip-echo-urls", echoSrv.URL, "--allowed-ips", "203.0.113.10", "--timeout", "20s")
	if code != ExitOK {
		t.Fatalf("exit code = %d, want 0 (discovery and probes must overlap)\n%s", code, h.stdout.String())
	}
}

// TestRestrictionCorrelation: 403s from an active credential point at an
// account-side or network restriction, with the egress address beside it.
func TestRestrictionCorrelation(t *testing.T) {
	t.Parallel()
	restricted := []string{"POST /payments/{id}/refunds", "GET /disputes"}
	creds := append(testCredentials(),
		simulator.Credential{Name: "blocked-key", SecretKey: "sk_sbox_testfakekeyblockedabcdefghq", Scopes: []string{"gateway", "disputes"}, Restricted: restricted},
		simulator.Credential{Name: "blocked-oauth", ClientID: "ack_testfakeclientblockedzqqab", ClientSecret: "tfcs-7e1d2c3b4a5f60718293a4b5c6d7e8f9", Scopes: []string{"gateway", "disputes"}, Restricted: restricted})
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"secret key refused everywhere", map[string]string{"CKO_SECRET_KEY": "sk_sbox_testfakekeyblockedabcdefghq"},
			"every endpoint answered 403 for sk_sbox_…fghq: either the key lacks the scopes, or an account-side or network restriction (such as an IP allowlist) refuses this runner, whose egress address is 203.0.113.10"},
		{"token with the scope refused", map[string]string{"CKO_CLIENT_ID": "ack_testfakeclientblockedzqqab", "CKO_CLIENT_SECRET": "tfcs-7e1d2c3b4a5f60718293a4b5c6d7e8f9"},
			"2 endpoint(s) answered 403 although the token of ack_…qqab carries a granting scope: an account-side or network restriction is the likely cause; the runner's egress address is 203.0.113.10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, simulator.Options{Credentials: creds})
			h.env = tt.env
			code := h.run(append(h.simArgs(), "--format", "json", "--environment", "sandbox", "--endpoints", strings.Join(restricted, "\n"))...)
			if code != ExitFailed {
				t.Fatalf("exit code = %d, want %d\n%s", code, ExitFailed, h.stdout.String())
			}
			var got []string
			for _, c := range h.report().Checks {
				if c.ID == report.CheckEgressRestriction {
					got = append(got, c.Message)
				}
			}
			if diff := cmp.Diff([]string{tt.want}, got); diff != "" {
				t.Errorf("restriction checks mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
