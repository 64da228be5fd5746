package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
	"github.com/checkout-preflight/checkout-preflight/preflight/simulator"
)

// signalKey is a fake sandbox key in the real format, known to the
// simulator of TestSignalInterruptsRun.
const signalKey = "sk_sbox_signaltestfakekeyabcdefghij"

// waitFor polls cond every few milliseconds until it holds, the process
// exits (a value on exited, which is put back) or the deadline passes; it
// reports whether cond held.
func waitFor(deadline time.Time, exited chan error, cond func() bool) bool {
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		select {
		case err := <-exited:
			exited <- err
			return cond()
		case <-tick.C:
		}
	}
	return true
}

// TestSignalInterruptsRun runs the binary against a simulator whose API
// never answers, interrupts it once a probe is in flight, and checks that
// it still writes a complete, inconclusive report and exits 3.
func TestSignalInterruptsRun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary; skipped in -short mode")
	}
	if runtime.GOOS == "windows" {
		t.Skip("SIGINT and SIGTERM cannot be sent to a process on windows")
	}
	t.Parallel()
	bin := buildBinary(t) // perf_test.go: built as the Dockerfile builds it
	tests := []struct {
		name string
		sig  os.Signal
	}{
		{"SIGINT", os.Interrupt},
		{"SIGTERM", syscall.SIGTERM},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			sim := simulator.NewServer(simulator.Options{Credentials: []simulator.Credential{
				{Name: "ci", SecretKey: signalKey, Scopes: []string{"gateway"}},
			}})
			t.Cleanup(sim.Close)
			sim.AddFault(simulator.Fault{Hang: true}) // every API request hangs

			reportFile := filepath.Join(t.TempDir(), "report.json")
			cmd := exec.Command(bin, "run", "--format", "json", "--report", reportFile, "--timeout", "5m",
				"--endpoints", "GET /payments/{id}",
				"--api-url", sim.URL(), "--auth-url", sim.TokenURL(), "--ip-echo-urls", sim.EchoURL())
			cmd.Env = []string{"CKO_SECRET_KEY=" + signalKey}
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Start(); err != nil {
				t.Fatalf("start: %v", err)
			}
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			finished := false
			t.Cleanup(func() {
				if !finished {
					cmd.Process.Kill() //nolint:errcheck // best effort after a failure
					<-exited
				}
			})

			inFlight := func() bool {
				return slices.ContainsFunc(sim.Requests(), func(r simulator.Request) bool {
					return r.Route != simulator.RouteEcho && r.Route != simulator.RouteToken
				})
			}
			if !waitFor(time.Now().Add(30*time.Second), exited, inFlight) {
				select {
				case err := <-exited:
					finished = true
					t.Fatalf("the binary exited (%v) before any request reached the simulator\nstdout: %s\nstderr: %s", err, stdout.String(), stderr.String())
				default:
					t.Fatal("no request reached the simulator within 30s")
				}
			}
			if err := cmd.Process.Signal(tt.sig); err != nil {
				t.Fatalf("signal: %v", err)
			}
			var err error
			select {
			case err = <-exited:
				finished = true
			case <-time.After(30 * time.Second):
				t.Fatalf("the binary did not exit within 30s of %s", tt.name)
			}
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 3 {
				t.Errorf("exit: %v, want exit status 3\nstderr: %s", err, stderr.String())
			}

			var r report.Report
			if err := json.Unmarshal(stdout.Bytes(), &r); err != nil {
				t.Fatalf("stdout is not a complete JSON report: %v\n%s", err, stdout.String())
			}
			if r.Result != report.ResultInconclusive {
				t.Errorf("result %q, want %q", r.Result, report.ResultInconclusive)
			}
			if !slices.ContainsFunc(r.Checks, func(c report.Check) bool { return c.ID == report.CheckRunInterrupted }) {
				t.Errorf("no %q check in %+v", report.CheckRunInterrupted, r.Checks)
			}
			file, err := os.ReadFile(reportFile)
			if err != nil {
				t.Fatalf("report file: %v", err)
			}
			if !bytes.Equal(file, stdout.Bytes()) {
				t.Errorf("report file differs from stdout:\nfile: %s\nstdout: %s", file, stdout.String())
			}
			for name, out := range map[string]string{"stdout": stdout.String(), "report file": string(file), "stderr": stderr.String()} {
				for i := len("sk_sbox_"); i+8 <= len(signalKey); i++ {
					if strings.Contains(out, signalKey[i:i+8]) {
						t.Errorf("%s holds %q, part of the secret key:\n%s", name, signalKey[i:i+8], out)
						break
					}
				}
			}
			if fx := sim.SideEffects(); len(fx) > 0 {
				t.Errorf("simulator recorded side effects: %+v", fx)
			}
		})
	}
}
