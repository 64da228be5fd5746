package release

import (
	"bytes"
	"crypto/sha256"
	"debug/buildinfo"
	"debug/elf"
	"encoding/hex"
	"encoding/json"
	"errors"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestReleaseArtifacts checks a GoReleaser run's output in $RELEASE_DIST:
// for each platform a static binary built as .goreleaser.yaml says, which
// prints the release's version where this machine can run it; an archive
// holding exactly that binary, README.md and LICENSE; and a checksums file
// naming every archive with its SHA-256. .ci/release-check runs it after a
// snapshot build, the release workflow after the real one.
func TestReleaseArtifacts(t *testing.T) {
	dist := os.Getenv("RELEASE_DIST")
	if dist == "" {
		t.Skip("RELEASE_DIST is not set; bash .ci/release-check builds a snapshot and runs this test on it")
	}
	var meta struct{ Version, Tag string }
	if err := json.Unmarshal(readFile(t, filepath.Join(dist, "metadata.json")), &meta); err != nil {
		t.Fatalf("metadata.json: %v", err)
	}
	if !strings.Contains(meta.Version, "-snapshot.") && "v"+meta.Version != meta.Tag {
		t.Errorf("metadata.json: version %q is not tag %q without its v", meta.Version, meta.Tag)
	}
	version := "v" + meta.Version
	t.Logf("checking the %s artifacts in %s", version, dist)

	sums := map[string]string{}
	for _, p := range platforms() {
		goos, goarch, _ := strings.Cut(p, "/")
		exe := "checkout-preflight"
		if goos == "windows" {
			exe += ".exe"
		}
		dirs, _ := filepath.Glob(filepath.Join(dist, "checkout-preflight_"+goos+"_"+goarch+"*"))
		if len(dirs) != 1 {
			t.Errorf("%s: want one build directory dist/checkout-preflight_%s_%s*, found %q", p, goos, goarch, dirs)
			continue
		}
		bin := filepath.Join(dirs[0], exe)
		checkBinary(t, bin, goos, goarch, version)

		ext := ".tar.gz"
		if goos == "windows" {
			ext = ".zip"
		}
		archive := "checkout-preflight_" + meta.Version + "_" + goos + "_" + goarch + ext
		data := readFile(t, filepath.Join(dist, archive))
		sum := sha256.Sum256(data)
		sums[archive] = hex.EncodeToString(sum[:])
		files, err := archiveFiles(archive, data)
		if err != nil {
			t.Errorf("%s: %v", archive, err)
			continue
		}
		want := map[string][]byte{exe: readFile(t, bin), "README.md": readRepoFile(t, "README.md"), "LICENSE": readRepoFile(t, "LICENSE")}
		if diff := cmp.Diff(slices.Sorted(maps.Keys(want)), slices.Sorted(maps.Keys(files))); diff != "" {
			t.Errorf("%s: files mismatch (-want +got):\n%s", archive, diff)
		}
		for name, b := range want {
			if got, ok := files[name]; ok && !bytes.Equal(got, b) {
				t.Errorf("%s: %s differs from the one built or committed", archive, name)
			}
		}
	}

	checksums := "checkout-preflight_" + meta.Version + "_checksums.txt"
	got := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(readFile(t, filepath.Join(dist, checksums)))), "\n") {
		sum, name, ok := strings.Cut(line, "  ")
		if !ok {
			t.Errorf("%s: line %q is not \"SHA256  NAME\"", checksums, line)
		}
		got[name] = sum
	}
	if diff := cmp.Diff(sums, got); diff != "" {
		t.Errorf("%s does not match the archives (-want +got):\n%s", checksums, diff)
	}
}

// checkBinary checks that bin was built for goos/goarch as
// .goreleaser.yaml says, is static, and prints version when this machine
// can run it.
func checkBinary(tb testing.TB, bin, goos, goarch, version string) {
	tb.Helper()
	info, err := buildinfo.ReadFile(bin)
	if err != nil {
		tb.Errorf("%s: no Go build information: %v", bin, err)
		return
	}
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	got := map[string]string{"path": info.Path, "GOOS": settings["GOOS"], "GOARCH": settings["GOARCH"],
		"CGO_ENABLED": settings["CGO_ENABLED"], "-trimpath": settings["-trimpath"]}
	want := map[string]string{"path": modulePath + "/cmd/checkout-preflight", "GOOS": goos, "GOARCH": goarch,
		"CGO_ENABLED": "0", "-trimpath": "true"}
	if diff := cmp.Diff(want, got); diff != "" {
		tb.Errorf("%s: build settings mismatch (-want +got):\n%s", bin, diff)
	}
	if goos == "linux" {
		if f, err := elf.Open(bin); err != nil {
			tb.Errorf("%s: not an ELF binary: %v", bin, err)
		} else {
			defer f.Close()
			for _, p := range f.Progs {
				if p.Type == elf.PT_INTERP {
					tb.Errorf("%s is dynamically linked (has PT_INTERP)", bin)
				}
			}
		}
	}
	if goos != runtime.GOOS {
		tb.Logf("%s/%s: not run, this machine is %s", goos, goarch, runtime.GOOS)
		return
	}
	out, err := exec.Command(bin, "version").CombinedOutput()
	if errors.Is(err, syscall.ENOEXEC) {
		tb.Logf("%s/%s: not run, this %s machine cannot execute it (%v)", goos, goarch, runtime.GOARCH, err)
		return
	}
	if err != nil {
		tb.Errorf("%s version: %v\n%s", bin, err, out)
		return
	}
	if got, want := string(out), "checkout-preflight "+version+"\n"; got != want {
		tb.Errorf("%s/%s binary printed %q, want %q", goos, goarch, got, want)
	} else {
		tb.Logf("%s/%s: %s", goos, goarch, strings.TrimSpace(got))
	}
}

// modulePath is this repository's module.
const modulePath = "github.com/checkout-preflight/checkout-preflight"

func readFile(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}
