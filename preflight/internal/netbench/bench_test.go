package netbench

// BenchmarkNetwork runs the program over the emulated network. Each
// sub-benchmark is named rtt=…/server=…/case/run:
//
//	server=h2     the hosts offer h2 and http/1.1 (ALPN), as Checkout.com
//	              does; the program reaches the API and token hosts by
//	              Checkout.com's names (api.sandbox.checkout.com, …) with its
//	              default URLs, except in the -override runs
//	server=http1  the hosts offer http/1.1 only: a gateway without h2, set
//	              as api-url and auth-url, reached by address
//
//	run=in-process        command.Command{…}.Main with the client the
//	                      command builds (the same options; SSL_CERT_FILE
//	                      names the test root), dialling through the
//	                      network's resolver; a new client, so new
//	                      connections, each iteration (process-wide caches
//	                      such as the parsed system roots and the catalog
//	                      are warm after a first, untimed run)
//	run=net-http          in-process with the client the program built
//	                      before the transport of preflight/internal/checkout
//	                      (net/http's default transport, HTTP/2 attempted):
//	                      the baseline
//	run=override          (server=h2) in-process, the hosts reached by
//	                      address, set as api-url and auth-url: hosts that
//	                      are not Checkout.com's, whose protocol the client
//	                      cannot know in advance
//	run=process           the built binary started as a process each
//	                      iteration, fully cold; the hosts' names resolved
//	                      through a hosts file the process sees as
//	                      /etc/hosts (startWithHosts: Linux, root), the
//	                      hosts listening on port 443 (-netbench.bin=FILE
//	                      measures another binary)
//	run=process-override  (server=h2) the process, the hosts by address
//
// Every run must reach exactly the verdicts of a sequential run of the same
// checks (the engine with Concurrency 1 on plain loopback), and its exit
// code. Metrics, per run:
//
//	rtt/op          wall time of the run ÷ the round-trip time
//	api-conns/op    TCP connections to the API host (balances-, token-,
//	                echo- likewise)
//	api-tls/op      TLS handshakes the API host answered
//	api-h2/op       of which negotiated h2
//	requests/op     HTTP requests served, all hosts
//	cpu-ms/op       CPU time: of the process for the process runs; of the whole
//	                benchmark process (client, emulated network and servers)
//	                otherwise
//
// The physical limits, in round trips: a secret key 3 (TCP, TLS, one
// exchange); an access key 4 (TCP, TLS, token; the API connection opened
// meanwhile; one exchange); with invalid_scope 4 too, the unscoped token
// being asked for beside the scoped one.
//
// Full set (about eight minutes):
//
//	go test -run '^$' -bench . -benchtime 5x ./preflight/internal/netbench/
//
// CI (5 ms, in-process runs only, a few seconds):
//
//	go test -run '^$' -bench . -benchtime 1x -short ./preflight/internal/netbench/

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"net/http"
	"os/exec"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/command"
)

var binFlag = flag.String("netbench.bin", "", "binary to measure in run=process instead of building cmd/checkout-preflight")

// outcome is what one run of the program produced.
type outcome struct {
	stdout, stderr []byte
	code           int
	wall, cpu      time.Duration
}

// runFunc runs the program once in w.
type runFunc func(tb testing.TB, w *world) outcome

// inProcess runs command.Command.Main; client builds its HTTP client.
func inProcess(client func(w *world) *http.Client) runFunc {
	return func(tb testing.TB, w *world) outcome {
		env := w.env()
		var stdout, stderr bytes.Buffer
		cmd := &command.Command{
			Stdout: &stdout, Stderr: &stderr,
			Getenv:   func(k string) string { return env[k] },
			ReadFile: command.ReadRegularFile,
			Version:  "netbench",
		}
		cmd.HTTPClient = client(w)
		cpu0, start := processCPU(), time.Now()
		code := cmd.Main(context.Background(), w.args())
		o := outcome{stdout: stdout.Bytes(), stderr: stderr.Bytes(), code: code, wall: time.Since(start), cpu: processCPU() - cpu0}
		cmd.HTTPClient.CloseIdleConnections()
		return o
	}
}

// asProcess starts bin, with the world's hosts file as its /etc/hosts
// when it has one.
func asProcess(bin string) runFunc {
	return func(tb testing.TB, w *world) outcome {
		var stdout, stderr bytes.Buffer
		cmd := exec.Command(bin, w.args()...)
		for k, v := range w.env() {
			cmd.Env = append(cmd.Env, k+"="+v)
		}
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		start := time.Now()
		err := startProcess(cmd, w.hostsFile)
		if err == nil {
			err = cmd.Wait()
		}
		o := outcome{stdout: stdout.Bytes(), stderr: stderr.Bytes(), wall: time.Since(start)}
		if cmd.ProcessState == nil {
			tb.Fatalf("start %s: %v", bin, err)
		}
		o.code = cmd.ProcessState.ExitCode()
		o.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		return o
	}
}

// startProcess starts cmd, with hosts as its /etc/hosts unless empty.
func startProcess(cmd *exec.Cmd, hosts string) error {
	if hosts == "" {
		return cmd.Start()
	}
	return startWithHosts(cmd, hosts)
}

// resolvesNames skips tb unless a process can be started with w's hosts
// file as its /etc/hosts (see startWithHosts).
func resolvesNames(tb testing.TB, w *world) {
	tb.Helper()
	probe := exec.Command("true")
	if err := startWithHosts(probe, w.hostsFile); err != nil {
		tb.Skipf("a process cannot be given the hosts' names: %v", err)
	}
	if err := probe.Wait(); err != nil {
		tb.Skipf("a process cannot be given the hosts' names: %v", err)
	}
}

// check fails unless o has the case's exit code and the verdicts want.
func check(tb testing.TB, w *world, want []string, o outcome) {
	tb.Helper()
	if o.code != w.c.wantCode {
		tb.Fatalf("exit code %d, want %d\n%s", o.code, w.c.wantCode, o.stderr)
	}
	if diff := cmp.Diff(want, parseVerdicts(tb, o.stdout)); diff != "" {
		tb.Fatalf("verdicts differ from the sequential run's (-sequential +measured):\n%s", diff)
	}
}

// measure runs run in b.Loop after one untimed run, checks every outcome
// and reports the metrics.
func measure(b *testing.B, w *world, want []string, run runFunc, warmUp bool) {
	if warmUp {
		check(b, w, want, run(b, w))
	}
	w.sim.Reset()
	before := w.stats()
	var wall, cpu time.Duration
	for b.Loop() {
		o := run(b, w)
		check(b, w, want, o)
		wall += o.wall
		cpu += o.cpu
		w.sim.Reset() // bounds the simulator's records
	}
	after := w.stats()
	n := float64(b.N)
	b.ReportMetric(float64(wall)/n/float64(w.rtt), "rtt/op")
	b.ReportMetric(float64(cpu.Microseconds())/1e3/n, "cpu-ms/op")
	requests := int64(0)
	for host := range w.servers() {
		d := after[host].Sub(before[host])
		requests += d.Requests
		b.ReportMetric(float64(d.Conns)/n, host+"-conns/op")
		if host != "echo" {
			b.ReportMetric(float64(d.Handshakes)/n, host+"-tls/op")
			b.ReportMetric(float64(d.H2)/n, host+"-h2/op")
		}
	}
	b.ReportMetric(float64(requests)/n, "requests/op")
}

// rtts are the round-trip times the benchmarks measure: 50 and 100 ms, a
// runner near and far from Checkout.com; 5 ms with -short (CI).
func rtts() []time.Duration {
	if testing.Short() {
		return []time.Duration{5 * time.Millisecond}
	}
	return []time.Duration{50 * time.Millisecond, 100 * time.Millisecond}
}

func BenchmarkNetwork(b *testing.B) {
	// run is one way of running the program; byName and port443 are its
	// world's layout (see layout), h2Only skips it for http1 servers, whose
	// runs are all by address.
	type run struct {
		name                    string
		run                     func(b *testing.B) runFunc
		warmUp                  bool
		byName, port443, h2Only bool
	}
	client := func(*testing.B) runFunc { return inProcess((*world).client) }
	runs := []run{
		{name: "in-process", run: client, warmUp: true, byName: true},
		{name: "net-http", run: func(b *testing.B) runFunc {
			return inProcess(func(w *world) *http.Client { return w.netHTTPClient(b) })
		}, warmUp: true, byName: true},
		{name: "override", run: client, warmUp: true, h2Only: true},
	}
	if !testing.Short() {
		bin := buildBinary(b)
		process := func(*testing.B) runFunc { return asProcess(bin) }
		runs = append(runs,
			run{name: "process", run: process, byName: true, port443: true},
			run{name: "process-override", run: process, h2Only: true})
	}
	for _, rtt := range rtts() {
		for _, server := range []string{"h2", "http1"} {
			http1 := server == "http1"
			for _, c := range cases() {
				b.Run(fmt.Sprintf("rtt=%s/server=%s/%s", rtt, server, c.name), func(b *testing.B) {
					for _, r := range runs {
						if http1 && r.h2Only {
							continue
						}
						b.Run(r.name, func(b *testing.B) {
							l := layout{http1Only: http1, byName: r.byName && !http1, port443: r.port443 && !http1}
							w := newWorld(b, c, rtt, l)
							if w.hostsFile != "" {
								resolvesNames(b, w)
							}
							measure(b, w, w.sequential(b), r.run(b), r.warmUp)
						})
					}
				})
			}
		}
	}
}
