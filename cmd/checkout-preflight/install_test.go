package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// modulePath is this repository's module, as users name it in go install.
const modulePath = "github.com/checkout-preflight/checkout-preflight"

// TestGoInstallReportsModuleVersion installs the command the way README
// "Install" tells users to, go install …/cmd/checkout-preflight@VERSION,
// and checks that `checkout-preflight version` then reports VERSION,
// although nothing stamped it. The module is served at VERSION from this
// working tree by a module proxy on disk, and every dependency from the
// local module cache's download directory, so nothing leaves the machine.
func TestGoInstallReportsModuleVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary with go install; skipped in -short mode")
	}
	t.Parallel()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command on PATH: %v", err)
	}
	const version = "v1.99.0-installtest"
	tmp := t.TempDir()
	proxy := filepath.Join(tmp, "proxy")
	writeModuleProxy(t, proxy, "../..", version)
	download := strings.TrimSpace(goEnv(t, goTool, "GOMODCACHE")) + "/cache/download"

	bin := filepath.Join(tmp, "bin")
	install := exec.Command(goTool, "install", "-trimpath", modulePath+"/cmd/checkout-preflight@"+version)
	install.Dir = tmp // outside any module, as a user's shell would be
	install.Env = append(os.Environ(),
		"GOPROXY=file://"+filepath.ToSlash(proxy)+",file://"+filepath.ToSlash(download),
		"GOSUMDB=off", "GOFLAGS=-modcacherw", "GOWORK=off", "GOTOOLCHAIN=local",
		"GOMODCACHE="+filepath.Join(tmp, "modcache"), "GOBIN="+bin, "CGO_ENABLED=0")
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("go install …@%s failed: %v\n%s", version, err, out)
	}
	out, err := exec.Command(filepath.Join(bin, "checkout-preflight"+exeSuffix()), "version").CombinedOutput()
	if err != nil {
		t.Fatalf("the installed binary failed: %v\n%s", err, out)
	}
	if got, want := string(out), "checkout-preflight "+version+"\n"; got != want {
		t.Errorf("version printed %q, want %q", got, want)
	}
}

// writeModuleProxy lays out, under dir, a GOPROXY=file:// tree serving the
// module in root at version: list, .info, .mod and .zip as the module proxy
// protocol names them. The zip holds the files git would commit (tracked
// and untracked but not ignored), as a published version would.
func writeModuleProxy(tb testing.TB, dir, root, version string) {
	tb.Helper()
	ls := exec.Command("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	ls.Dir = root
	listed, err := ls.Output()
	if err != nil {
		tb.Skipf("git cannot list the module's files (%v); this test needs a git checkout", err)
	}
	names := strings.Split(strings.TrimRight(string(listed), "\x00"), "\x00")
	// As the module zip does, leave out directories that are modules of
	// their own (they hold a go.mod), and list each file once.
	var nested []string
	for _, name := range names {
		if dir, ok := strings.CutSuffix(name, "/go.mod"); ok {
			nested = append(nested, dir+"/")
		}
	}
	seen := map[string]bool{}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range names {
		if seen[name] || slices.ContainsFunc(nested, func(d string) bool { return strings.HasPrefix(name, d) }) {
			continue
		}
		seen[name] = true
		data, err := os.ReadFile(filepath.Join(root, name))
		if os.IsNotExist(err) {
			continue // deleted in the working tree, not yet in the index
		}
		if err != nil {
			tb.Fatal(err)
		}
		w, err := zw.Create(modulePath + "@" + version + "/" + name)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	goMod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		tb.Fatal(err)
	}
	at := filepath.Join(dir, filepath.FromSlash(modulePath), "@v")
	if err := os.MkdirAll(at, 0o755); err != nil {
		tb.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"list":            []byte(version + "\n"),
		version + ".info": fmt.Appendf(nil, `{"Version":%q,"Time":"2026-01-01T00:00:00Z"}`, version),
		version + ".mod":  goMod,
		version + ".zip":  buf.Bytes(),
	} {
		if err := os.WriteFile(filepath.Join(at, name), data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// goEnv returns `go env name`.
func goEnv(tb testing.TB, goTool, name string) string {
	tb.Helper()
	out, err := exec.Command(goTool, "env", name).Output()
	if err != nil {
		tb.Fatalf("go env %s: %v", name, err)
	}
	return string(out)
}

// exeSuffix is ".exe" on Windows, where executables need it.
func exeSuffix() string {
	if runtime.GOOS == "windows" {
		return ".exe"
	}
	return ""
}
