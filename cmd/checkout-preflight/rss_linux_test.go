package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

// memoryBudget is the peak-memory budget of one run (issue 7: 30 MB).
const memoryBudget = 30 << 20

// Linux fcntl and ioctl numbers (not in package syscall).
const (
	fSetPipeSize = 1031   // F_SETPIPE_SZ
	fGetPipeSize = 1032   // F_GETPIPE_SZ
	fionread     = 0x541B // FIONREAD
)

// TestPeakMemory runs the binary on a 30-endpoint secret-key run and on a
// config file of 5 credentials × 30 endpoints, and checks the process's
// peak resident set size (VmHWM) against the budget.
//
// The exit status's rusage cannot be used: Go starts children with vfork,
// and Linux then charges the parent's peak RSS to the child's ru_maxrss.
// So the child writes its JSON report to a pipe shrunk to one page, which
// it fills and then blocks on once every request is answered and the
// report is rendered; VmHWM is read then, and the pipe drained.
func TestPeakMemory(t *testing.T) {
	bin := buildBinary(t)
	sim := perfSim(t, 100*time.Millisecond)
	dir := t.TempDir()
	config := filepath.Join(dir, "preflight.yml")
	if err := os.WriteFile(config, []byte(perfFiveCredentials()), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		creds int
		cmd   func() *exec.Cmd
	}{
		{"secret key, 30 endpoints", 1, func() *exec.Cmd { return perfRunCommand(bin, sim) }},
		{"config, 5 credentials × 30 endpoints", 5, func() *exec.Cmd {
			cmd := exec.Command(bin, "run", "--format", "json", "--config", config,
				"--api-url", sim.URL(), "--auth-url", sim.TokenURL(), "--ip-echo-urls", sim.EchoURL()+","+sim.EchoJSONURL())
			for i := 1; i <= 5; i++ {
				cmd.Env = append(cmd.Env, fmt.Sprintf("CKO_KEY_%d=%s", i, perfKey(i)))
			}
			return cmd
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			peak, out := perfPeakRSS(t, tt.cmd())
			t.Logf("peak RSS %.1f MiB (budget %d MiB), report %d bytes", float64(peak)/(1<<20), memoryBudget>>20, len(out))
			if peak > memoryBudget {
				t.Errorf("peak RSS is %d bytes, over the %d MiB budget", peak, memoryBudget>>20)
			}
			perfCheckReport(t, out, tt.creds)
		})
	}
}

// perfFiveCredentials is a config file of five secret keys, read from
// CKO_KEY_1 to CKO_KEY_5, each declaring the 30 endpoints.
func perfFiveCredentials() string {
	var b strings.Builder
	b.WriteString("version: 1\ndefaults:\n  environment: sandbox\n  allowed-ips: [203.0.113.0/24]\ncredentials:\n")
	for i := 1; i <= 5; i++ {
		fmt.Fprintf(&b, "  - name: service-%d\n    secret-key-env: CKO_KEY_%d\n    endpoints: |\n", i, i)
		for _, e := range perfEndpoints() {
			b.WriteString("      " + e + "\n")
		}
	}
	return b.String()
}

// perfPeakRSS starts cmd with its stdout on a one-page pipe, waits until the
// pipe is full (the process has finished its work and blocks writing its
// report), reads the process's VmHWM, then drains the pipe and waits.
func perfPeakRSS(t *testing.T, cmd *exec.Cmd) (int64, []byte) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, _, errno := syscall.Syscall(syscall.SYS_FCNTL, w.Fd(), fSetPipeSize, 4096); errno != 0 {
		t.Skipf("cannot shrink the pipe: %v", errno)
	}
	size, _, errno := syscall.Syscall(syscall.SYS_FCNTL, w.Fd(), fGetPipeSize, 0)
	if errno != 0 {
		t.Fatalf("F_GETPIPE_SZ: %v", errno)
	}
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = w, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var peak int64
	for {
		var n int32
		if _, _, errno := syscall.Syscall(syscall.SYS_IOCTL, r.Fd(), fionread, uintptr(unsafe.Pointer(&n))); errno != 0 {
			t.Fatalf("FIONREAD: %v", errno)
		}
		if uintptr(n) >= size {
			peak = perfVmHWM(t, cmd.Process.Pid)
			break
		}
		select {
		case err := <-exited:
			t.Fatalf("the process exited (%v) before filling a %d-byte pipe: its output is too small to hold it\n%s", err, size, stderr.String())
		case <-ctx.Done():
			_ = cmd.Process.Kill()
			t.Fatalf("the process did not fill its stdout pipe within 30s\n%s", stderr.String())
		case <-time.After(time.Millisecond):
		}
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	if err := <-exited; err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	return peak, out
}

// perfVmHWM returns the peak resident set size of process pid, in bytes.
func perfVmHWM(t *testing.T, pid int) int64 {
	t.Helper()
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if v, ok := strings.CutPrefix(s.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			if err != nil {
				t.Fatalf("VmHWM %q: %v", v, err)
			}
			return kb << 10
		}
	}
	t.Fatalf("no VmHWM in /proc/%d/status", pid)
	return 0
}
