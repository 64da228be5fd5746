package netbench

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/egress"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/engine"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/netem"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/spec"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
	"github.com/checkout-preflight/checkout-preflight/preflight/simulator"
)

// edgeStreams is the h2 stream limit of the emulated servers: what
// Checkout.com's edge, like most CDNs, allows on one connection, so that a
// run with more requests in flight needs a second connection there too.
const edgeStreams = 100

// world is one emulated deployment for a case: the simulator served over
// TLS on four hosts of a network (the API, the balances API, the token
// endpoint, the IP echo), the test root in a file, and the case's config
// file.
type world struct {
	c      benchCase
	rtt    time.Duration
	layout layout
	net    *netem.Network
	sim    *simulator.Server
	// rec records, when started, the requests the hosts serve.
	rec                        *recorder
	api, balances, token, echo *netem.Server
	rootFile                   string
	configFile                 string
	// hostsFile maps the named hosts to their addresses, as /etc/hosts
	// does, for a process (layout.port443); empty otherwise.
	hostsFile string
}

// layout is how the program reaches a world's hosts.
type layout struct {
	// http1Only: the hosts offer http/1.1 only.
	http1Only bool
	// byName: the API and token hosts are Checkout.com's sandbox hosts
	// under their own names (api.sandbox.checkout.com, …), reached with the
	// program's default URLs: what a user's run does. In-process, the
	// network's resolver maps the names; a process resolves them through
	// hostsFile. Without, they are reached by address, set as api-url and
	// auth-url, as a gateway in front of Checkout.com would be.
	byName bool
	// port443: the named hosts listen on port 443 of their addresses, so
	// that a process, which resolves names itself, reaches them with the
	// default URLs.
	port443 bool
}

// hostName is the sandbox host of a byName world for role; "" for the
// echo host, reached by address either way (it is no Checkout.com host).
func hostName(role string) string {
	switch role {
	case "api":
		return "api.sandbox.checkout.com"
	case "balances":
		return "balances.sandbox.checkout.com"
	case "token":
		return "access.sandbox.checkout.com"
	}
	return ""
}

func newWorld(tb testing.TB, c benchCase, rtt time.Duration, l layout) *world {
	tb.Helper()
	n, err := netem.New(netem.Options{RTT: rtt})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(n.Close)
	sim := simulator.NewServer(simulator.Options{Credentials: c.simCredentials()})
	tb.Cleanup(sim.Close)
	w := &world{c: c, rtt: rtt, layout: l, net: n, sim: sim, rec: &recorder{}}
	handler := w.rec.wrap(sim)
	var hosts strings.Builder
	for role, s := range w.servers() {
		o := netem.ServerOptions{HTTP1Only: l.http1Only, MaxConcurrentStreams: edgeStreams}
		if l.byName && hostName(role) != "" {
			o.Name = hostName(role)
			if l.port443 {
				o.Port = 443
			}
		}
		if *s, err = n.NewServer(handler, o); err != nil {
			if o.Port != 0 {
				tb.Skipf("%s host: %v (a process reaches the named hosts on port 443, which needs root)", role, err)
			}
			tb.Fatal(err)
		}
		if o.Name != "" {
			fmt.Fprintf(&hosts, "%s %s\n", (*s).Host(), o.Name)
		}
	}
	dir := tb.TempDir()
	w.rootFile = filepath.Join(dir, "netem-root.pem")
	if err := n.WriteRootPEM(w.rootFile); err != nil {
		tb.Fatal(err)
	}
	if l.port443 {
		w.hostsFile = filepath.Join(dir, "hosts")
		if err := os.WriteFile(w.hostsFile, []byte(hosts.String()), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	if c.config {
		w.configFile = filepath.Join(dir, "checkout-preflight.yml")
		if err := os.WriteFile(w.configFile, []byte(c.configFile()), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return w
}

// servers are w's hosts by role, in the order the network numbers them.
func (w *world) servers() iter.Seq2[string, **netem.Server] {
	return func(yield func(string, **netem.Server) bool) {
		_ = yield("api", &w.api) && yield("balances", &w.balances) && yield("token", &w.token) && yield("echo", &w.echo)
	}
}

// args is the program's command line (without its name): the default
// URLs by name, else every API host's requests sent to the API host's
// address (api-url) and the token requests to the token host's.
func (w *world) args() []string {
	path := func(u string) string { return strings.TrimPrefix(u, w.sim.URL()) }
	args := append(w.c.flags(w.configFile),
		"--ip-echo-urls", w.echo.URL+path(w.sim.EchoURL())+","+w.echo.URL+path(w.sim.EchoJSONURL()))
	if w.layout.byName {
		return args
	}
	return append(args, "--api-url", w.api.URL, "--auth-url", w.token.URL+path(w.sim.TokenURL()))
}

// client is the client the command builds for its environment (the
// options of command.Command's own), dialling through the network's
// resolver.
func (w *world) client() *http.Client {
	env := w.env()
	return checkout.NewHTTPClient(checkout.ClientOptions{Getenv: func(k string) string { return env[k] },
		UserAgent: "checkout-preflight/netbench", DialContext: w.net.DialContext})
}

// env is the program's environment: the credentials and SSL_CERT_FILE
// naming the test root.
func (w *world) env() map[string]string {
	env := w.c.environment()
	env["SSL_CERT_FILE"] = w.rootFile
	return env
}

// stats reads the hosts' counters, by role.
func (w *world) stats() map[string]netem.Stats {
	out := map[string]netem.Stats{}
	for role, s := range w.servers() {
		out[role] = (*s).Stats()
	}
	return out
}

// sequential makes the case's checks one request at a time (the engine
// with Concurrency 1) against the simulator on plain loopback, and returns
// the verdicts every measured run must reach.
func (w *world) sequential(tb testing.TB) []string {
	tb.Helper()
	allow, err := egress.ParseEntries([]config.Value{{Text: "203.0.113.0/24"}})
	if err != nil {
		panic(err)
	}
	run := spec.Run{Credentials: w.c.credentials(w.sim), EchoURLs: []string{w.sim.EchoURL()}, Allowlist: allow, Timeout: time.Minute}
	r := engine.Run(context.Background(), run, engine.Options{Concurrency: 1, HTTPClient: w.sim.Client(), ToolVersion: "netbench"})
	w.sim.Client().CloseIdleConnections()
	w.sim.Reset()
	return verdicts(r)
}

// verdicts summarises what a report found, one line per credential and
// endpoint, plus the result and the egress verdict.
func verdicts(r report.Report) []string {
	out := []string{"result " + string(r.Result)}
	if r.Egress != nil {
		out = append(out, fmt.Sprintf("egress %s", r.Egress.IPv4))
	}
	for _, c := range r.Credentials {
		out = append(out, fmt.Sprintf("%s active=%v missing=%v", c.Name, c.Active != nil && *c.Active, c.MissingScopes))
		for _, e := range c.Endpoints {
			out = append(out, fmt.Sprintf("%s %s %s", c.Name, e.Endpoint, e.Status))
		}
	}
	return out
}

// parseVerdicts reads a JSON report.
func parseVerdicts(tb testing.TB, out []byte) []string {
	tb.Helper()
	var r report.Report
	if err := json.Unmarshal(out, &r); err != nil {
		tb.Fatalf("report: %v\n%s", err, out)
	}
	return verdicts(r)
}

// netHTTPClient is the client the program built before this benchmark
// existed (net/http's default transport with HTTP/2 attempted and 64 idle
// connections per host), trusting the system roots and the test root: the
// baseline of the "net-http" runs.
func (w *world) netHTTPClient(tb testing.TB) *http.Client {
	tb.Helper()
	pool, err := x509.SystemCertPool()
	if err != nil {
		pool = x509.NewCertPool()
	}
	if !pool.AppendCertsFromPEM(w.net.RootPEM()) {
		tb.Fatal("test root is not PEM")
	}
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.Proxy = nil
	t.DialContext = w.net.DialContext
	t.ForceAttemptHTTP2 = true
	t.MaxIdleConns, t.MaxIdleConnsPerHost = 128, 64
	t.TLSHandshakeTimeout, t.ResponseHeaderTimeout = 10*time.Second, 10*time.Second
	t.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12, RootCAs: pool}
	return &http.Client{Transport: t, Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// buildBinary builds cmd/checkout-preflight as the Dockerfile does
// (static, stripped) into a temporary directory, or returns the binary
// named by -netbench.bin.
func buildBinary(tb testing.TB) string {
	tb.Helper()
	if *binFlag != "" {
		return *binFlag
	}
	bin := filepath.Join(tb.TempDir(), "checkout-preflight")
	build := exec.Command("go", "build", "-trimpath", "-ldflags", "-s -w -X main.version=v0.0.0-netbench", "-o", bin,
		"github.com/checkout-preflight/checkout-preflight/cmd/checkout-preflight")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		tb.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}
