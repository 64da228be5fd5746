package release

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// goreleaserConfig is the part of .goreleaser.yaml the release relies on.
type goreleaserConfig struct {
	ProjectName string `yaml:"project_name"`
	Builds      []struct {
		ID, Main, Binary string
		Env, Flags       []string
		Ldflags          []string
		Goos, Goarch     []string
	}
	Archives []struct {
		Formats         []string
		FormatOverrides []struct {
			Goos    string
			Formats []string
		} `yaml:"format_overrides"`
		NameTemplate string `yaml:"name_template"`
		Files        []struct{ Src string }
	}
	Checksum struct {
		NameTemplate string `yaml:"name_template"`
		Algorithm    string
	}
	Release struct{ Disable bool }
}

// platforms are the GOOS/GOARCH pairs a release ships, in sorted order.
func platforms() []string {
	return []string{"darwin/amd64", "darwin/arm64", "linux/amd64", "linux/arm64", "windows/amd64", "windows/arm64"}
}

// TestGoReleaserBuildsLikeTheDockerfile keeps the CLI archives and the
// image's binary one build: the Dockerfile's go build line and
// .goreleaser.yaml must agree on CGO_ENABLED=0, -trimpath and the ldflags,
// with the Dockerfile's $VERSION (the tag, "v1.2.3") being GoReleaser's
// "v{{ .Version }}".
func TestGoReleaserBuildsLikeTheDockerfile(t *testing.T) {
	t.Parallel()
	var cfg goreleaserConfig
	decodeRepoYAML(t, ".goreleaser.yaml", &cfg)
	if len(cfg.Builds) != 1 {
		t.Fatalf(".goreleaser.yaml has %d builds, want 1", len(cfg.Builds))
	}
	b := cfg.Builds[0]

	run := regexp.MustCompile(`(?m)^RUN (CGO_ENABLED=0 .*go build (.*))$`).FindStringSubmatch(string(readRepoFile(t, "Dockerfile")))
	if run == nil {
		t.Fatal("no `RUN CGO_ENABLED=0 … go build` line in the Dockerfile")
	}
	ldflags := regexp.MustCompile(`-ldflags "([^"]*)"`).FindStringSubmatch(run[2])
	if ldflags == nil {
		t.Fatalf("the Dockerfile's build line has no -ldflags \"…\": %s", run[1])
	}
	wantLdflags := []string{strings.ReplaceAll(ldflags[1], "$VERSION", "v{{ .Version }}")}
	if diff := cmp.Diff(wantLdflags, b.Ldflags); diff != "" {
		t.Errorf("ldflags differ from the Dockerfile's (-want +got):\n%s", diff)
	}
	if !strings.Contains(run[2], "-trimpath") || !slices.Contains(b.Flags, "-trimpath") {
		t.Errorf("both builds must use -trimpath: Dockerfile %q, .goreleaser.yaml flags %q", run[2], b.Flags)
	}
	if !slices.Contains(b.Env, "CGO_ENABLED=0") {
		t.Errorf(".goreleaser.yaml env %q lacks CGO_ENABLED=0: the binaries must be static", b.Env)
	}
	if b.Main != "./cmd/checkout-preflight" || b.Binary != "checkout-preflight" {
		t.Errorf("build main %q binary %q, want ./cmd/checkout-preflight and checkout-preflight", b.Main, b.Binary)
	}
	var got []string
	for _, goos := range b.Goos {
		for _, goarch := range b.Goarch {
			got = append(got, goos+"/"+goarch)
		}
	}
	slices.Sort(got)
	if diff := cmp.Diff(platforms(), got); diff != "" {
		t.Errorf("platforms mismatch (-want +got):\n%s", diff)
	}
}

// TestGoReleaserArchives checks the archive and checksum settings that
// users (README "Install") and the release workflow rely on.
func TestGoReleaserArchives(t *testing.T) {
	t.Parallel()
	var cfg goreleaserConfig
	decodeRepoYAML(t, ".goreleaser.yaml", &cfg)
	if len(cfg.Archives) != 1 {
		t.Fatalf(".goreleaser.yaml has %d archives, want 1", len(cfg.Archives))
	}
	a := cfg.Archives[0]
	type archives struct {
		Project, Name, Checksums, Algorithm string
		Formats, WindowsFormats, Files      []string
		ReleaseDisabled                     bool
	}
	got := archives{
		Project: cfg.ProjectName, Name: a.NameTemplate, Checksums: cfg.Checksum.NameTemplate,
		Algorithm: cfg.Checksum.Algorithm, Formats: a.Formats, ReleaseDisabled: cfg.Release.Disable,
	}
	for _, o := range a.FormatOverrides {
		if o.Goos == "windows" {
			got.WindowsFormats = o.Formats
		}
	}
	for _, f := range a.Files {
		got.Files = append(got.Files, f.Src)
	}
	want := archives{
		Project:   "checkout-preflight",
		Name:      "{{ .ProjectName }}_{{ .Version }}_{{ .Os }}_{{ .Arch }}",
		Checksums: "{{ .ProjectName }}_{{ .Version }}_checksums.txt", // release.yml attests dist/checkout-preflight_X.Y.Z_checksums.txt
		Algorithm: "sha256",
		Formats:   []string{"tar.gz"}, WindowsFormats: []string{"zip"},
		Files: []string{"README.md", "LICENSE"},
		// The workflow publishes, after attesting; GoReleaser never does.
		ReleaseDisabled: true,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf(".goreleaser.yaml archives mismatch (-want +got):\n%s", diff)
	}
}
