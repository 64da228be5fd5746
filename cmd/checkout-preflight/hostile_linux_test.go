package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// hostileBudget is the memory one run may use, whatever the workspace
// holds (issue 11: 64 MB); hostileTimeout the run's deadline, which every
// case must keep to within a second.
const (
	hostileBudget  = 64 << 20
	hostileTimeout = 3 * time.Second
	// hostileReport is where the action writes its report, relative to
	// the workspace.
	hostileReport = ".checkout-preflight/report-preflight.json"
)

// hostileCase is a workspace or runner directory planted to make a run
// hang, exhaust memory, read outside the workspace or overwrite a file.
type hostileCase struct {
	name   string
	inputs map[string]string
	// plant prepares the workspace ws, the runner's temporary directory
	// tmp and a directory outside both.
	plant func(t *testing.T, ws, tmp, outside string)
	// wantCode is the exit code; wantMessage a phrase of a failing check.
	wantCode    int
	wantMessage string
	// check runs after the run, for cases that plant a victim.
	check func(t *testing.T, ws, tmp, outside string)
	// noReport is true when the report cannot be written (its directory
	// leads out of the workspace).
	noReport bool
}

func hostileCases() []hostileCase {
	config := map[string]string{"config": ".github/preflight.yml"}
	link := func(target string) func(t *testing.T, ws, tmp, outside string) {
		return func(t *testing.T, ws, tmp, outside string) {
			target := strings.ReplaceAll(target, "OUTSIDE", outside)
			if err := os.Symlink(target, filepath.Join(ws, ".github", "preflight.yml")); err != nil {
				t.Fatal(err)
			}
		}
	}
	// A config file just under its 1 MiB limit whose endpoints are one
	// line of about a megabyte (inputs that long cannot be passed in the
	// environment at all).
	listFile := func(line string) func(t *testing.T, ws, _, _ string) {
		return func(t *testing.T, ws, _, _ string) {
			yml := "version: 1\ncredentials:\n  - name: svc\n    secret-key-env: CKO_KEY\n    endpoints: " + line + "\n"
			if err := os.WriteFile(filepath.Join(ws, ".github", "preflight.yml"), []byte(yml), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	const lineBytes = 1<<20 - 200
	sameLine := strings.Repeat("GET /payments/{id}, ", lineBytes/20)
	var distinct strings.Builder
	for i := 0; distinct.Len() < lineBytes-20; i++ {
		fmt.Fprintf(&distinct, "FETCH /x%d, ", i)
	}
	return []hostileCase{
		{name: "a symbolic link to /dev/zero", inputs: config, plant: link("/dev/zero"), wantCode: 2, wantMessage: "outside the workspace"},
		{name: "a FIFO", inputs: config, wantCode: 2, wantMessage: "is a named pipe, not a regular file",
			plant: func(t *testing.T, ws, _, _ string) {
				if err := syscall.Mkfifo(filepath.Join(ws, ".github", "preflight.yml"), 0o644); err != nil {
					t.Fatal(err)
				}
			}},
		{name: "a 200 MB file", inputs: config, wantCode: 2, wantMessage: "is 209715200 bytes, more than the limit of 1048576",
			plant: func(t *testing.T, ws, _, _ string) {
				f, err := os.Create(filepath.Join(ws, ".github", "preflight.yml"))
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				if err := f.Truncate(200 << 20); err != nil {
					t.Fatal(err)
				}
			}},
		{name: "a link out of the workspace", inputs: config, plant: link("OUTSIDE/secret.yml"), wantCode: 2, wantMessage: "outside the workspace"},
		{name: "a path that climbs out", inputs: map[string]string{"config": "../outside/secret.yml"}, wantCode: 2, wantMessage: "outside the workspace"},
		{name: "an absolute path outside", inputs: map[string]string{"config": "/etc/passwd"}, wantCode: 2, wantMessage: "outside the workspace"},
		{name: "a symbolic link planted at the report's path", inputs: map[string]string{"config": "missing.yml"}, wantCode: 2, wantMessage: "does not exist",
			plant: func(t *testing.T, ws, _, outside string) {
				if err := os.MkdirAll(filepath.Join(ws, ".checkout-preflight"), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.Symlink(filepath.Join(outside, "victim"), filepath.Join(ws, hostileReport)); err != nil {
					t.Fatal(err)
				}
			},
			check: func(t *testing.T, ws, _, outside string) {
				if b, _ := os.ReadFile(filepath.Join(outside, "victim")); string(b) != "do not overwrite\n" {
					t.Errorf("the link's target was written: %q", b)
				}
				if info, err := os.Lstat(filepath.Join(ws, hostileReport)); err != nil || !info.Mode().IsRegular() {
					t.Errorf("the report is %v, %v; want a regular file in place of the link", info, err)
				}
			}},
		{name: "the report's directory a link out of the workspace", inputs: map[string]string{"config": "missing.yml"}, wantCode: 2, noReport: true,
			plant: func(t *testing.T, ws, _, outside string) {
				if err := os.Symlink(outside, filepath.Join(ws, ".checkout-preflight")); err != nil {
					t.Fatal(err)
				}
			},
			check: func(t *testing.T, _, _, outside string) {
				entries, _ := os.ReadDir(outside)
				for _, e := range entries {
					if e.Name() != "victim" && e.Name() != "secret.yml" {
						t.Errorf("%s was written outside the workspace", e.Name())
					}
				}
			}},
		{name: "a 1 MB one-line list of one endpoint", wantCode: 3, wantMessage: "is declared 52418 times",
			plant: listFile(sameLine), inputs: map[string]string{"config": ".github/preflight.yml", "api-url": "http://127.0.0.1:1", "ip-echo-urls": "none"}},
		{name: "a 1 MB one-line list of bad endpoints", wantCode: 2, wantMessage: "more findings like the ones above are not listed",
			plant: listFile(distinct.String()), inputs: map[string]string{"config": ".github/preflight.yml"}},
	}
}

// TestHostileFiles runs the program as the action's container does, one
// process per case, against planted files, and checks that each run ends
// within its deadline plus a second, under the memory budget, with a
// complete report and a clear error.
func TestHostileFiles(t *testing.T) {
	if os.Getenv("CKO_HOSTILE_HELPER") != "" {
		t.Skip("inside the helper process")
	}
	for _, tc := range hostileCases() {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			base := t.TempDir()
			ws, tmp, outside := filepath.Join(base, "ws"), filepath.Join(base, "tmp"), filepath.Join(base, "outside")
			for _, d := range []string{filepath.Join(ws, ".github"), tmp, outside} {
				if err := os.MkdirAll(d, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.WriteFile(filepath.Join(outside, "secret.yml"), []byte("version: 1\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(outside, "victim"), []byte("do not overwrite\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if tc.plant != nil {
				tc.plant(t, ws, tmp, outside)
			}
			result := filepath.Join(base, "result")
			cmd := exec.Command(os.Args[0], "-test.run=^TestHostileHelper$")
			cmd.Env = []string{"CKO_HOSTILE_HELPER=" + result, "GITHUB_ACTIONS=true", "GITHUB_WORKSPACE=" + ws, "RUNNER_TEMP=" + tmp,
				"GITHUB_ACTION=preflight", "GITHUB_OUTPUT=" + filepath.Join(base, "output"), "GITHUB_STEP_SUMMARY=" + filepath.Join(base, "summary"),
				"INPUT_TIMEOUT=" + hostileTimeout.String(), "CKO_KEY=sk_sbox_hostilefilekeyaaaabbbbccccq"}
			for k, v := range tc.inputs {
				cmd.Env = append(cmd.Env, "INPUT_"+strings.ToUpper(k)+"="+v)
			}
			start := time.Now()
			out, err := cmd.CombinedOutput()
			elapsed := time.Since(start)
			if err != nil {
				t.Fatalf("helper: %v\n%.2000s", err, out)
			}
			code, peak := readHelperResult(t, result)
			t.Logf("exit %d in %v, peak RSS %.1f MiB", code, elapsed.Round(time.Millisecond), float64(peak)/(1<<20))
			if raceDetector {
				t.Log("the race detector is on: time and memory budgets are not asserted")
			}
			if !raceDetector && elapsed > hostileTimeout+time.Second {
				t.Errorf("the run took %v, more than its %v deadline plus a second", elapsed, hostileTimeout)
			}
			if !raceDetector && peak > hostileBudget {
				t.Errorf("peak RSS %d bytes, over the %d MiB budget", peak, hostileBudget>>20)
			}
			if code != tc.wantCode {
				t.Errorf("exit code %d, want %d", code, tc.wantCode)
			}
			if tc.check != nil {
				tc.check(t, ws, tmp, outside)
			}
			if tc.noReport {
				return
			}
			b, err := os.ReadFile(filepath.Join(ws, hostileReport))
			if err != nil {
				t.Fatalf("no report: %v", err)
			}
			var r report.Report
			if err := json.Unmarshal(b, &r); err != nil || r.SchemaVersion != report.SchemaVersion {
				t.Fatalf("the report is incomplete: %v\n%.500s", err, b)
			}
			if !strings.Contains(string(b), tc.wantMessage) {
				t.Errorf("the report does not say %q:\n%.1500s", tc.wantMessage, b)
			}
		})
	}
}

// TestHostileHelper is the process TestHostileFiles starts: the program
// run in-process as main runs it, then its exit code and peak RSS written
// to the file CKO_HOSTILE_HELPER names.
func TestHostileHelper(t *testing.T) {
	result := os.Getenv("CKO_HOSTILE_HELPER")
	if result == "" {
		t.Skip("started by TestHostileFiles only")
	}
	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer devnull.Close()
	code := run(context.Background(), nil, strings.NewReader(""), devnull, devnull, os.Getenv)
	peak := selfVmHWM(t)
	if err := os.WriteFile(result, fmt.Appendf(nil, "%d %d\n", code, peak), 0o644); err != nil {
		t.Fatal(err)
	}
}

// selfVmHWM is this process's peak resident set size, in bytes.
func selfVmHWM(t *testing.T) int64 {
	t.Helper()
	f, err := os.Open("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if v, ok := strings.CutPrefix(s.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb << 10
		}
	}
	t.Fatal("no VmHWM in /proc/self/status")
	return 0
}

func readHelperResult(t *testing.T, path string) (code int, peak int64) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("the helper wrote no result: %v", err)
	}
	if _, err := fmt.Sscan(string(b), &code, &peak); err != nil {
		t.Fatalf("result %q: %v", b, err)
	}
	return code, peak
}
