package main

import (
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// The test machines run no Docker engine, so this test checks the
// Dockerfile's rules and runs its build recipe as written: the same go
// build line, then the binary with an empty environment and no CA files,
// as in the distroless image.

func readDockerfile(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestDockerfileRules(t *testing.T) {
	t.Parallel()
	df := readDockerfile(t)
	froms := regexp.MustCompile(`(?m)^FROM\s+(?:--platform=\S+\s+)?(\S+)`).FindAllStringSubmatch(df, -1)
	if len(froms) < 2 {
		t.Fatalf("want a multi-stage build, found %d FROM lines", len(froms))
	}
	for _, f := range froms {
		if !regexp.MustCompile(`@sha256:[0-9a-f]{64}$`).MatchString(f[1]) {
			t.Errorf("base image %q is not pinned by digest", f[1])
		}
	}
	if regexp.MustCompile(`(?m)^USER\b`).MatchString(df) {
		t.Error("Dockerfile sets USER: Docker actions must run as root to write the runner's files")
	}
	if !regexp.MustCompile(`(?m)^ENTRYPOINT \["/checkout-preflight"\]$`).MatchString(df) {
		t.Error(`want an exec-form ENTRYPOINT ["/checkout-preflight"]`)
	}
	last := froms[len(froms)-1][1]
	if !strings.HasPrefix(last, "gcr.io/distroless/static-debian12") && !strings.HasPrefix(last, "scratch") {
		t.Errorf("final image %q is neither distroless/static nor scratch", last)
	}
}

func TestDockerfileRecipe(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; skipped in -short mode")
	}
	t.Parallel()
	line := regexp.MustCompile(`(?m)^RUN (CGO_ENABLED=0 .*go build .*)$`).FindStringSubmatch(readDockerfile(t))
	if line == nil {
		t.Fatal("no `RUN CGO_ENABLED=0 … go build` line in the Dockerfile")
	}
	for _, flag := range []string{"-trimpath", `-ldflags "-s -w`, "-X main.version=$VERSION"} {
		if !strings.Contains(line[1], flag) {
			t.Errorf("the build line lacks %s", flag)
		}
	}
	out := t.TempDir()
	recipe := strings.ReplaceAll(line[1], "/out/", out+"/")
	build := exec.Command("sh", "-c", recipe)
	build.Dir = "../.."
	build.Env = append(os.Environ(), "TARGETOS="+runtime.GOOS, "TARGETARCH="+runtime.GOARCH, "VERSION=v0.0.0-dockerfile")
	if b, err := build.CombinedOutput(); err != nil {
		t.Fatalf("the Dockerfile's build line failed: %v\n%s", err, b)
	}
	bin := filepath.Join(out, "checkout-preflight")
	assertStatic(t, bin)
	if fi, err := os.Stat(bin); err == nil {
		t.Logf("stripped static binary: %.1f MB", float64(fi.Size())/1e6)
		if fi.Size() > 15<<20 {
			t.Errorf("binary is %d bytes, over the 15 MB budget", fi.Size())
		}
	}
	run := exec.Command(bin, "version", "--verbose")
	run.Env = []string{"SSL_CERT_FILE=/nonexistent/cert.pem", "SSL_CERT_DIR=/nonexistent"}
	b, err := run.CombinedOutput()
	if err != nil {
		t.Fatalf("the binary did not start with an empty environment: %v\n%s", err, b)
	}
	for _, want := range []string{"checkout-preflight v0.0.0-dockerfile\n", "tls roots: loaded\n"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("output lacks %q:\n%s", want, b)
		}
	}
}

// assertStatic fails when the binary asks for a dynamic loader.
func assertStatic(t *testing.T, path string) {
	t.Helper()
	f, err := elf.Open(path)
	if err != nil {
		t.Skipf("not an ELF binary on %s: %v", runtime.GOOS, err)
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			t.Error("the binary is dynamically linked (has PT_INTERP)")
		}
	}
}
