// Command checkout-preflight checks Checkout.com credentials before they
// reach production: that each is active, holds the scopes its endpoints
// need, and is used from an allowed egress address. It runs as a GitHub
// Action (when GITHUB_ACTIONS=true) or as a CLI; see README.md.
package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/command"
)

// version is stamped at build time with -ldflags "-X main.version=v1.2.3".
var version = ""

func main() { os.Exit(start(os.Args[1:])) }

// start runs the program on the process's standard streams and
// environment, cancelled by SIGINT or SIGTERM (the run then reports what it
// learned and exits 3).
func start(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return run(ctx, args, os.Stdin, os.Stdout, os.Stderr, os.Getenv)
}

// run is the program with the process's pieces passed in: it wires them
// into a command.Command and returns the exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr *os.File, getenv func(string) string) int {
	cmd := &command.Command{
		Stdin:      stdin,
		Stdout:     stdout,
		Stderr:     stderr,
		Getenv:     getenv,
		ReadFile:   command.ReadRegularFile,
		WriteFile:  command.ReplaceFile,
		OpenDir:    command.OpenRoot,
		AppendFile: appendFile,
		Now:        time.Now,
		IsTerminal: isTerminal(stdout),
		Version:    version,
	}
	return cmd.Main(ctx, args)
}

// isTerminal reports whether f is a character device (a terminal), so
// that colour is used only there.
func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// appendFile appends data to the named file, creating it if needed.
func appendFile(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
