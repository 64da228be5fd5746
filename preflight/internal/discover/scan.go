package discover

import (
	"cmp"
	"context"
	"fmt"
	"io/fs"
	"runtime"
	"slices"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
)

// Options configure a scan. The zero value scans nothing (FS is nil).
type Options struct {
	// FS is the root of the tree to scan; nil scans nothing.
	FS fs.FS
	// Paths are files, directories or glob patterns (fs.Glob syntax)
	// under the root, slash-separated; empty means the whole tree.
	Paths []string
	// IncludeTests also scans test files (see the package documentation
	// for what counts as one); by default they are skipped.
	IncludeTests bool
	// Exclude are glob patterns of paths to skip, matched like .gitignore
	// lines against every file and directory ("docs/", "*.min.js",
	// "legacy/**"); empty excludes nothing.
	Exclude []string
	// Catalog matches calls to endpoints; nil means catalog.Default().
	Catalog *catalog.Catalog
	// Concurrency is the number of files read and analysed at once; 0
	// means GOMAXPROCS.
	Concurrency int
	// MaxFileSize is the size above which a file is skipped (and counted);
	// 0 means 1 MiB.
	MaxFileSize int64
}

// Call is one place where the scanned code makes a Checkout.com API
// request.
type Call struct {
	// File is the slash path relative to the root; Line and Column are
	// 1-based (Column counts characters) and point at the called method's
	// name, the first token of an OAuth builder or constructor, or the
	// start of the URL or path literal of a raw HTTP request.
	File         string
	Line, Column int
	// Method is the HTTP method, upper-case.
	Method string
	// Path is the endpoint's path template as the catalog spells it
	// ("/payments/{id}/refunds") when the endpoint is known, else the
	// SDK's or the literal's path with parameters written "{}".
	Path string
	// Host is the first label of the endpoint's host: "api", "files",
	// "access", "transfers", "balances", "forward",
	// "identity-verification".
	Host string
	// Platform is "nas" (the current platform) or "abc" (the previous
	// one).
	Platform string
	// Language is the source language: "javascript", "typescript",
	// "python", "php", "csharp", "java", "kotlin", "go" or "ruby".
	Language string
	// Via is "sdk" for a call through an official SDK, "http" for a raw
	// HTTP request.
	Via string
	// SDK is the official SDK's name ("node", "python", "php", "dotnet",
	// "java", "go", "ruby") for Via "sdk"; empty for raw HTTP.
	SDK string
	// Symbol is what was called: "cko.payments.refund",
	// "api.paymentsClient().refundPayment", "requests.post".
	Symbol string
	// Scopes are the OAuth scopes that grant the endpoint, from the
	// catalog (any one suffices); nil when unknown or for the previous
	// platform, which has no scopes; empty for an endpoint no scope
	// grants.
	Scopes []string
	// Confidence is "high" when the receiver or URL was resolved in the
	// same file from the SDK's own entry points, types or a literal URL;
	// "medium" when it was resolved through another file, a base URL
	// joined with a path, or a request helper; "low" when the host or the
	// HTTP method was inferred (from a setting's name, or from the only
	// method the catalog knows for the path).
	Confidence string
	// Known is true when the endpoint is in the catalog or among the
	// previous platform's operations.
	Known bool
	// Test is true when the file is a test file (only with IncludeTests).
	Test bool
	// How says in a few words how the call was recognised.
	How string
}

// Endpoint returns "METHOD /path".
func (c Call) Endpoint() string { return c.Method + " " + c.Path }

// Skipped is a file the scan did not read, or read but did not analyse.
type Skipped struct {
	File   string
	Reason string
}

// Reasons a file is skipped.
const (
	SkipTooLarge   = "too-large"    // over Options.MaxFileSize
	SkipBinary     = "binary"       // holds a NUL byte
	SkipUnreadable = "unreadable"   // could not be read
	SkipSDKSource  = "sdk-source"   // a committed copy of an official SDK's own sources
	SkipVendored   = "vendored"     // under node_modules/, vendor/, site-packages/, …
	SkipBuild      = "build-output" // under dist/, build/, target/, obj/, …
	SkipIgnored    = "gitignored"   // matched by a .gitignore file
	SkipExcluded   = "excluded"     // matched by Options.Exclude
	SkipTest       = "test"         // a test file, without IncludeTests
)

// Result is what a scan found.
type Result struct {
	// Calls are sorted by file, line, column, then endpoint.
	Calls []Call
	// FilesScanned counts the source files read.
	FilesScanned int
	// Skipped lists the files skipped one by one (too large, binary,
	// unreadable, SDK sources), sorted by file.
	Skipped []Skipped
	// SkippedCounts counts every skipped file by reason, including those
	// under skipped directories; nil when nothing was skipped.
	SkippedCounts map[string]int
}

// Scan finds the Checkout.com API calls in the source files of o.FS. It
// stops early with ctx's error when ctx is done; other errors are a bad
// pattern in o.Paths or o.Exclude, or a path that does not exist.
func Scan(ctx context.Context, o Options) (Result, error) {
	if o.FS == nil {
		return Result{}, nil
	}
	if o.Catalog == nil {
		o.Catalog = catalog.Default()
	}
	if o.Concurrency <= 0 {
		o.Concurrency = runtime.GOMAXPROCS(0)
	}
	if o.MaxFileSize <= 0 {
		o.MaxFileSize = 1 << 20
	}
	excl, err := newExcluder(o.Exclude)
	if err != nil {
		return Result{}, err
	}
	tree, err := walk(ctx, o, excl)
	if err != nil {
		return Result{}, err
	}
	s := &scan{o: o, ix: newSDKIndex(), tree: tree}
	if err := s.run(ctx); err != nil {
		return Result{}, err
	}
	return s.result(), nil
}

// sortCalls orders calls by file, line, column and endpoint.
func sortCalls(calls []Call) {
	slices.SortFunc(calls, func(a, b Call) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column),
			cmp.Compare(a.Path, b.Path), cmp.Compare(a.Method, b.Method), cmp.Compare(a.Host, b.Host))
	})
}

// errPattern wraps a bad glob.
func errPattern(kind, p string, err error) error {
	return fmt.Errorf("bad %s pattern %q: %w", kind, p, err)
}
