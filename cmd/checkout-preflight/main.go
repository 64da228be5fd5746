// Command checkout-preflight checks Checkout.com credentials before they
// reach production: that each is active, holds the scopes its endpoints
// need, and is used from an allowed egress address. It runs as a GitHub
// Action (when GITHUB_ACTIONS=true) or as a CLI; see README.md.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/command"
)

// version is stamped at build time with -ldflags "-X main.version=v1.2.3".
var version = ""

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	cmd := &command.Command{
		Stdin:      os.Stdin,
		Stdout:     os.Stdout,
		Stderr:     os.Stderr,
		Getenv:     os.Getenv,
		ReadFile:   os.ReadFile,
		WriteFile:  os.WriteFile,
		AppendFile: appendFile,
		Now:        time.Now,
		IsTerminal: isTerminal(os.Stdout),
		Version:    version,
	}
	code := cmd.Main(ctx, os.Args[1:])
	stop()
	os.Exit(code)
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
