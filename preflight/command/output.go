package command

import (
	"bytes"
	"fmt"
	"io"
	"sync"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/render"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// output is where a run's results go: the terminal, or the Actions
// runner's files and workflow commands.
type output interface {
	// mask hides secret values from everything written afterwards.
	mask(values []string)
	// debug writes one request line when debugging is on; goroutine-safe.
	debug(line string)
	// inAction reports whether this is a GitHub Actions run.
	inAction() bool
	// finish writes the report and returns the exit code to use.
	finish(r report.Report, code int) int
}

// lockedWriter serialises writes from concurrent checks.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// cliOutput renders for a terminal or a pipe.
type cliOutput struct {
	c          *Command
	format     string
	reportFile string
	mu         sync.Mutex
}

// mask records each value with the redactor; a terminal has no masks.
func (o *cliOutput) mask(values []string) {
	for _, v := range values {
		o.c.sink.addSecret(v)
	}
}
func (o *cliOutput) inAction() bool { return false }

func (o *cliOutput) debug(line string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	fmt.Fprintln(o.c.Stderr, "debug:", line)
}

func (o *cliOutput) finish(r report.Report, code int) int {
	color := o.c.IsTerminal && o.c.Getenv("NO_COLOR") == ""
	if err := renderFormat(o.c.Stdout, o.format, r, color); err != nil {
		fmt.Fprintf(o.c.Stderr, "checkout-preflight: cannot write the report: %v\n", err)
	}
	if o.reportFile != "" {
		if err := writeReportFile(o.c, "", o.reportFile, r); err != nil {
			fmt.Fprintf(o.c.Stderr, "checkout-preflight: %v\n", err)
			return max(code, ExitUsage)
		}
	}
	if code == ExitUsage {
		fmt.Fprintln(o.c.Stderr, "checkout-preflight: the configuration is unusable (see above); nothing was sent to Checkout.com")
	}
	return code
}

// writeReportFile writes the JSON report to path: inside dir when dir is
// not empty (see Command.WriteFile), else as given.
func writeReportFile(c *Command, dir, path string, r report.Report) error {
	var buf bytes.Buffer
	if err := render.JSON(&buf, r); err != nil {
		return fmt.Errorf("cannot render the JSON report: %w", err)
	}
	if err := c.WriteFile(dir, path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("cannot write the JSON report: %w", err)
	}
	return nil
}
