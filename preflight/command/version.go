package command

import (
	"crypto/x509"
	"flag"
	"fmt"
	"runtime"
	"runtime/debug"

	"golang.org/x/crypto/x509roots/fallback/bundle"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
)

const usageVersion = `Usage: checkout-preflight version [--verbose]

Prints the version. With --verbose, also the Go version and whether TLS
root certificates load (from the system, or from the bundle built into the
binary when the system has none, as in the action's container image).
`

func (c *Command) versionCmd(args []string) int {
	fs := flag.NewFlagSet("version", flag.ContinueOnError)
	verbose := fs.Bool("verbose", false, "")
	rest, code := c.parse(fs, usageVersion, args)
	if code != proceed {
		return code
	}
	if len(rest) > 0 {
		return c.usageError("version", fmt.Sprintf("unexpected argument %s", quoteArg(rest[0])))
	}
	fmt.Fprintln(c.Stdout, "checkout-preflight", c.version())
	if *verbose {
		fmt.Fprintf(c.Stdout, "go: %s %s/%s\ntls roots: %s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH, tlsRoots())
	}
	return ExitOK
}

// version returns the version this program reports (in `version`, the
// User-Agent and the report's tool_version): see resolveVersion.
func (c *Command) version() string { return resolveVersion(c.Version, debug.ReadBuildInfo) }

// resolveVersion returns stamped when it is set (release binaries and the
// image are built with -ldflags "-X main.version=vX.Y.Z"); else the main
// module's version from the build information, which `go install
// …/cmd/checkout-preflight@vX.Y.Z` records as "vX.Y.Z" (and a build from a
// checkout may record as a pseudo-version); else "dev", for a build that
// knows no version ("(devel)", empty, or no build information at all).
// readBuildInfo is debug.ReadBuildInfo outside tests.
func resolveVersion(stamped string, readBuildInfo func() (*debug.BuildInfo, bool)) string {
	if stamped != "" {
		return stamped
	}
	if bi, ok := readBuildInfo(); ok && bi != nil && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// tlsRoots reports whether certificates can be verified: a root from the
// embedded bundle must verify against the roots Go would use for TLS.
func tlsRoots() string {
	checkout.InstallFallbackRoots()
	var last error
	for r := range bundle.Roots() {
		if r.Constraint != nil {
			continue
		}
		cert, err := x509.ParseCertificate(r.Certificate)
		if err != nil {
			continue
		}
		if _, err := cert.Verify(x509.VerifyOptions{}); err != nil {
			last = err
			continue
		}
		return "loaded"
	}
	return fmt.Sprintf("unavailable (%v)", last)
}
