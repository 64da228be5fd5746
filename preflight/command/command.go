package command

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/credential"
)

// Command is one run of the program. Nil fields fall back to harmless
// defaults for tests (empty input, discarded output, an empty environment,
// no files); cmd/checkout-preflight sets them all.
type Command struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Getenv reads the environment; nil means an empty environment.
	Getenv func(string) string
	// ReadFile reads a regular file of at most config.MaxFileSize bytes:
	// name inside dir (after resolving symbolic links) when dir is not
	// empty — the workspace, in Actions — else name as given. WriteFile
	// replaces a file without following what is at its path: name inside
	// dir when dir is not empty (its missing parent directories are made
	// there, and nothing on the way may lead out of dir), else name as
	// given. Nil means no files (reads fail as "not found", writes are
	// refused).
	ReadFile  func(dir, name string) ([]byte, error)
	WriteFile func(dir, name string, data []byte, perm os.FileMode) error
	// AppendFile appends to a file, creating it when absent (the runner's
	// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY); nil means writes are refused.
	AppendFile func(name string, data []byte) error
	// OpenDir opens the tree the discover setting reads, confined to dir
	// (no path or link may leave it): the workspace in Actions, the
	// working directory on the command line. The Closer is closed when the
	// run ends. Nil means there is no tree to read (OpenRoot opens a real
	// one).
	OpenDir func(dir string) (fs.FS, io.Closer, error)
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// HTTPClient, when set, is used for every request instead of one built
	// from the environment (tests point it at the simulator).
	HTTPClient *http.Client
	// IsTerminal says whether Stdout is a terminal (colour is used only then).
	IsTerminal bool
	// Version is the release version; empty means "dev" or the module version.
	Version string

	// sink redacts everything written; set by Main.
	sink *sink
	// confine is the directory files named in settings must stay inside:
	// the workspace in Actions, "" (anywhere) on the command line.
	confine string
	// redactionOff makes the sink record no secret: set only by the leak
	// matrix's mutation test, to prove that the matrix catches what the
	// sink removes.
	redactionOff bool
}

// Main runs the program with args (without the program name) and returns
// the exit code. In GitHub Actions (GITHUB_ACTIONS=true) with no
// arguments, it reads the action's inputs instead of flags.
func (c *Command) Main(ctx context.Context, args []string) int {
	c.defaults()
	s := newSink(c.Stdout, c.Stderr, c.WriteFile, c.AppendFile)
	s.off = c.redactionOff
	defer s.flush()
	run := *c
	run.sink, run.Stdout, run.Stderr, run.WriteFile, run.AppendFile = s, s.stdout, s.stderr, s.writeFile, s.appendFile
	return run.main(ctx, args)
}

// main dispatches to the command named by args, with every output already
// going through the sink.
func (c *Command) main(ctx context.Context, args []string) int {
	if len(args) == 0 && c.Getenv("GITHUB_ACTIONS") == "true" {
		return c.runAction(ctx)
	}
	name, rest := "run", args
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, rest = args[0], args[1:]
	}
	switch name {
	case "run":
		return c.runCLI(ctx, rest)
	case "scopes":
		return c.scopes(rest)
	case "catalog":
		return c.catalog(rest)
	case "discover":
		return c.discover(ctx, rest)
	case "simulate":
		return c.simulate(ctx, rest)
	case "version":
		return c.versionCmd(rest)
	case "help":
		fmt.Fprint(c.Stdout, usageMain)
		return ExitOK
	default:
		fmt.Fprintf(c.Stderr, "checkout-preflight: unknown command %s; commands are run (the default), scopes, catalog, discover, simulate, version, help\n", quoteArg(name))
		return ExitUsage
	}
}

func (c *Command) defaults() {
	if c.Stdin == nil {
		c.Stdin = strings.NewReader("")
	}
	if c.Stdout == nil {
		c.Stdout = io.Discard
	}
	if c.Stderr == nil {
		c.Stderr = io.Discard
	}
	if c.Getenv == nil {
		c.Getenv = func(string) string { return "" }
	}
	if c.ReadFile == nil {
		c.ReadFile = func(_, name string) ([]byte, error) {
			return nil, &os.PathError{Op: "open", Path: name, Err: os.ErrNotExist}
		}
	}
	if c.WriteFile == nil {
		c.WriteFile = func(_, name string, _ []byte, _ os.FileMode) error {
			return &os.PathError{Op: "write", Path: name, Err: os.ErrPermission}
		}
	}
	if c.AppendFile == nil {
		c.AppendFile = func(name string, _ []byte) error {
			return &os.PathError{Op: "append", Path: name, Err: os.ErrPermission}
		}
	}
	if c.Now == nil {
		c.Now = time.Now
	}
}

// parse parses flags, allowing flags after positional arguments, and
// reports usage errors on Stderr. It returns the positional arguments and
// ExitOK, or an exit code to stop with (ExitOK after --help).
func (c *Command) parse(fs *flag.FlagSet, usage string, args []string) ([]string, int) {
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprint(c.Stdout, usage)
				return nil, ExitOK
			}
			fmt.Fprintf(c.Stderr, "checkout-preflight %s: %v\nrun 'checkout-preflight %s --help' for usage\n", fs.Name(), err, fs.Name())
			return nil, ExitUsage
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, proceed
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// quoteArg quotes a stray argument for an error message, unless it looks
// like a credential (someone typed "checkout-preflight $CKO_SECRET_KEY"):
// then it is not shown at all.
func quoteArg(s string) string {
	if kind, _ := credential.Classify(strings.TrimSpace(s)); kind != credential.KindUnknown || len(s) > 64 {
		return "(a value that looks like a credential; not shown)"
	}
	return fmt.Sprintf("%q", s)
}
