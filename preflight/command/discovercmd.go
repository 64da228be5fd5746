package command

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
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
	roots, closeRoots, err := c.discoverRoots(paths)
	if err != nil {
		return c.usageError("discover", err.Error())
	}
	defer closeRoots()
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
// working directory is scanned from itself (a directory) or its directory
// (a file). Each root is opened with c.OpenDir, so that the scan cannot
// leave it; done is to be called once the scan is over.
func (c *Command) discoverRoots(args []string) (roots []discoverRoot, done func(), err error) {
	var closers []io.Closer
	done = func() {
		for _, cl := range closers {
			cl.Close()
		}
	}
	open := func(dir string) (fs.FS, error) {
		if c.OpenDir == nil {
			return nil, errors.New("this build cannot read files")
		}
		fsys, cl, err := c.OpenDir(dir)
		if err == nil {
			closers = append(closers, cl)
		}
		return fsys, err
	}
	var local []string
	for _, p := range args {
		clean := filepath.Clean(p)
		if filepath.IsLocal(clean) || clean == "." {
			local = append(local, filepath.ToSlash(clean))
			continue
		}
		root, err := openPath(open, clean)
		if err != nil {
			done()
			return nil, nil, fmt.Errorf("cannot scan %q: %w", p, err)
		}
		roots = append(roots, root)
	}
	if len(local) > 0 {
		fsys, err := open(".")
		if err != nil {
			done()
			return nil, nil, fmt.Errorf("cannot scan the working directory: %w", unwrapped(err))
		}
		roots = append([]discoverRoot{{fsys: fsys, paths: local}}, roots...)
	}
	return roots, done, nil
}

// openPath opens clean, a path outside the working directory, as a root:
// the directory itself, or a file's directory with the file as its one
// path.
func openPath(open func(string) (fs.FS, error), clean string) (discoverRoot, error) {
	if fsys, err := open(clean); err == nil {
		return discoverRoot{fsys: fsys, prefix: filepath.ToSlash(clean)}, nil
	}
	dir, file := filepath.Dir(clean), filepath.Base(clean)
	fsys, err := open(dir)
	if err != nil {
		return discoverRoot{}, unwrapped(err)
	}
	if _, err := fs.Stat(fsys, file); err != nil {
		return discoverRoot{}, unwrapped(err)
	}
	return discoverRoot{fsys: fsys, paths: []string{file}, prefix: filepath.ToSlash(dir)}, nil
}

// unwrapped is err's cause when it wraps one (the *fs.PathError's), for a
// message that names the path once.
func unwrapped(err error) error {
	if u := errors.Unwrap(err); u != nil {
		return u
	}
	return err
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
