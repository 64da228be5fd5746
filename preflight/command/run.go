package command

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/engine"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/render"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/spec"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// listFlag is a repeatable flag whose values are lists (newline- or
// comma-separated), e.g. --endpoints "POST /payments" --endpoints "GET /disputes".
type listFlag struct {
	name string
	in   spec.Inputs
}

func (l *listFlag) String() string { return "" }
func (l *listFlag) Set(v string) error {
	l.in[l.name] = append(l.in[l.name], lines(v)...)
	return nil
}

// textFlag is a flag holding one value; the last one given wins.
type textFlag struct {
	name string
	in   spec.Inputs
}

func (t *textFlag) String() string { return "" }
func (t *textFlag) Set(v string) error {
	delete(t.in, t.name)
	t.in.Set(t.name, v, report.Position{})
	return nil
}

// boolFlag is a setting given as a bare flag (--simulate) or with a value.
type boolFlag struct{ textFlag }

func (b *boolFlag) IsBoolFlag() bool { return true }

// runCLI is the default command: a preflight configured by flags and the
// CKO_* environment variables.
func (c *Command) runCLI(ctx context.Context, args []string) int {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	in := c.settingFlags(fs)
	format := fs.String("format", "text", "")
	reportFile := fs.String("report", "", "")
	debug := fs.Bool("debug", false, "")
	rest, code := c.parse(fs, runUsage(), args)
	if code != proceed {
		return code
	}
	if len(rest) > 0 {
		return c.usageError("run", fmt.Sprintf("unexpected argument %s; endpoints go in --endpoints", quoteArg(rest[0])))
	}
	f, err := oneOf("format", *format, "text", "text", "json", "markdown")
	if err != nil {
		return c.usageError("run", err.Error())
	}
	out := &cliOutput{c: c, format: f, reportFile: *reportFile}
	return c.execute(ctx, in, out, *debug)
}

// settingFlags defines a flag for every setting on fs, and returns the
// Inputs the flags fill in once fs is parsed; a secret's CKO_* variable
// is read first, so a flag overrides it.
func (c *Command) settingFlags(fs *flag.FlagSet) spec.Inputs {
	in := spec.Inputs{}
	for _, s := range config.Settings() {
		if s.Env != "" {
			in.Set(s.Name, c.Getenv(s.Env), report.Position{})
		}
		switch {
		case s.List:
			fs.Var(&listFlag{s.Name, in}, s.Name, "")
		case s.Name == config.Simulate:
			fs.Var(&boolFlag{textFlag{s.Name, in}}, s.Name, "")
		default:
			fs.Var(&textFlag{s.Name, in}, s.Name, "")
		}
	}
	return in
}

// execute resolves and runs a preflight, then hands the report to out. It
// is shared by the CLI and the action.
func (c *Command) execute(ctx context.Context, in spec.Inputs, out output, debug bool) int {
	if strings.EqualFold(in.Text(config.Simulate), "true") {
		code, _ := c.executeSimulated(ctx, in, out, debug)
		return code
	}
	run, err := c.resolve(in, func(name string) ([]byte, error) { return c.ReadFile(c.confine, name) })
	out.mask(run.Secrets)
	if c.HTTPClient == nil {
		proxySecrets, perr := checkout.CheckProxyEnv(c.Getenv)
		out.mask(proxySecrets)
		err = errors.Join(err, perr)
	}
	if err != nil {
		r := engine.Invalid(err, engine.Options{Now: c.Now, ToolVersion: c.version()})
		return out.finish(r, exitCode(r))
	}
	var findings []report.Check
	if len(run.Missing) > 0 {
		check := c.missingCheck(run, out.inAction())
		if len(run.Credentials) == 0 && run.SkipMissing {
			return out.finish(skippedReport(c, check), ExitOK)
		}
		findings = append(findings, check)
	}
	o := engine.Options{
		HTTPClient: c.httpClient(), Now: c.Now, Findings: findings,
		HostedRunner: c.Getenv("RUNNER_ENVIRONMENT") == "github-hosted",
		Mask:         func(v string) { out.mask([]string{v}) },
		ToolVersion:  c.version(), UserAgent: "checkout-preflight/" + c.version(),
	}
	if debug {
		o.Debug = out.debug
	}
	if discovers(run) {
		fsys, closer, err := c.openWorkspace()
		if err != nil {
			r := engine.Invalid(err, engine.Options{Now: c.Now, ToolVersion: c.version()})
			return out.finish(r, exitCode(r))
		}
		defer closer.Close()
		o.Workspace = fsys
	}
	r := engine.Run(ctx, run, o)
	return out.finish(r, exitCode(r))
}

// exitCode maps a report to the documented exit codes.
func exitCode(r report.Report) int {
	for _, ch := range r.Checks {
		if ch.ID == report.CheckConfig && ch.Status == report.StatusFail {
			return ExitUsage
		}
	}
	switch r.Result {
	case report.ResultFail:
		return ExitFailed
	case report.ResultInconclusive:
		return ExitInconclusive
	}
	return ExitOK
}

func skippedReport(c *Command, check report.Check) report.Report {
	return report.Report{
		SchemaVersion: report.SchemaVersion, Tool: "checkout-preflight", ToolVersion: c.version(),
		Result: report.ResultSkipped, StartedAt: c.Now(), Checks: []report.Check{check}, Credentials: []report.Credential{},
	}
}

// renderFormat writes r to w in the chosen format; color applies to text.
func renderFormat(w io.Writer, format string, r report.Report, color bool) error {
	switch format {
	case "json":
		return render.JSON(w, r)
	case "markdown":
		_, err := fmt.Fprint(w, render.Markdown(r, render.MarkdownOptions{}))
		return err
	default:
		return render.Text(w, r, render.TextOptions{Color: color})
	}
}

// discovers reports whether any credential of run reads its calls from
// the code.
func discovers(run spec.Run) bool {
	return slices.ContainsFunc(run.Credentials, func(c spec.Credential) bool { return c.Code.On })
}

// openWorkspace opens the tree discover paths are relative to: the
// workspace in Actions, the working directory on the command line.
func (c *Command) openWorkspace() (fs.FS, io.Closer, error) {
	dir := c.confine
	if dir == "" {
		dir = "."
	}
	if c.OpenDir == nil {
		return nil, nil, errors.New("discover: this build cannot read the workspace")
	}
	fsys, closer, err := c.OpenDir(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("discover: cannot read the workspace %s: %w", config.Quote(dir), err)
	}
	return fsys, closer, nil
}
