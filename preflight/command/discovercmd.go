package command

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/discover"
)

const usageDiscover = `Usage: checkout-preflight discover [--format text|json] [--include-tests] [--exclude GLOB]... [PATH...]

Finds the places in the source tree where the service calls the
Checkout.com API — through an official SDK (Node.js, Python, PHP, .NET,
Java/Kotlin, Go, Ruby) or raw HTTP — and prints, for each, the endpoint and
the OAuth scopes it needs. PATH is a file, a directory or a glob (default:
the current directory). .gitignore files, vendored code (node_modules/,
vendor/, …) and build output are skipped; test files too unless asked.

Exit codes: 0 scanned (whatever was found), 2 usage error or unreadable path.

Flags:
  --format text|json   output format (default text)
  --include-tests      also scan test files (*_test.go, *.spec.ts, tests/, …)
  --exclude GLOB       skip paths matching GLOB (.gitignore syntax); repeatable
`

// globList collects a repeatable string flag.
type globList []string

func (g *globList) String() string     { return strings.Join(*g, ",") }
func (g *globList) Set(v string) error { *g = append(*g, v); return nil }

func (c *Command) discover(ctx context.Context, args []string) int {
	fset := flag.NewFlagSet("discover", flag.ContinueOnError)
	format := fset.String("format", "text", "")
	includeTests := fset.Bool("include-tests", false, "")
	var excludes globList
	fset.Var(&excludes, "exclude", "")
	paths, code := c.parse(fset, usageDiscover, args)
	if code != proceed {
		return code
	}
	if *format != "text" && *format != "json" {
		return c.usageError("discover", fmt.Sprintf("unknown format %q; use text or json", *format))
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	roots, err := discoverRoots(paths)
	if err != nil {
		return c.usageError("discover", err.Error())
	}
	var all discover.Result
	for _, sc := range roots {
		r, err := discover.Scan(ctx, discover.Options{
			FS: sc.fsys, Paths: sc.paths, IncludeTests: *includeTests, Exclude: excludes, Catalog: catalog.Default(),
		})
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			fmt.Fprintf(c.Stderr, "checkout-preflight discover: %v\n", err)
			return ExitInconclusive
		}
		if err != nil {
			return c.usageError("discover", err.Error())
		}
		mergeDiscovered(&all, r, sc.prefix)
	}
	if *format == "json" {
		err = discover.WriteJSON(c.Stdout, all)
	} else {
		err = discover.WriteText(c.Stdout, all)
	}
	if err != nil {
		fmt.Fprintf(c.Stderr, "checkout-preflight discover: %v\n", err)
	}
	return ExitOK
}

// discoverRoot is one file system to scan: the working directory for
// paths below it, else the path itself, whose results are reported under
// prefix.
type discoverRoot struct {
	fsys   fs.FS
	paths  []string
	prefix string
}

// discoverRoots groups PATH arguments: those under the working directory
// are scanned together from "."; an absolute path or one above the
// working directory is scanned from itself.
func discoverRoots(args []string) ([]discoverRoot, error) {
	var local []string
	var out []discoverRoot
	for _, p := range args {
		clean := filepath.Clean(p)
		if filepath.IsLocal(clean) || clean == "." {
			local = append(local, filepath.ToSlash(clean))
			continue
		}
		info, err := os.Stat(clean)
		if err != nil {
			return nil, fmt.Errorf("cannot scan %q: %w", p, errors.Unwrap(err))
		}
		dir, file := clean, ""
		if !info.IsDir() {
			dir, file = filepath.Dir(clean), filepath.Base(clean)
		}
		root := discoverRoot{fsys: os.DirFS(dir), prefix: filepath.ToSlash(dir)}
		if file != "" {
			root.paths = []string{file}
		}
		out = append(out, root)
	}
	if len(local) > 0 {
		out = append([]discoverRoot{{fsys: os.DirFS("."), paths: local}}, out...)
	}
	return out, nil
}

// mergeDiscovered adds r to all, with file names under prefix.
func mergeDiscovered(all *discover.Result, r discover.Result, prefix string) {
	for _, call := range r.Calls {
		if prefix != "" {
			call.File = path.Join(prefix, call.File)
		}
		all.Calls = append(all.Calls, call)
	}
	for _, s := range r.Skipped {
		if prefix != "" {
			s.File = path.Join(prefix, s.File)
		}
		all.Skipped = append(all.Skipped, s)
	}
	all.FilesScanned += r.FilesScanned
	for k, v := range r.SkippedCounts {
		if all.SkippedCounts == nil {
			all.SkippedCounts = map[string]int{}
		}
		all.SkippedCounts[k] += v
	}
}
