package command

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/engine"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/render"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// listFlag is a repeatable flag whose values are lists (newline- or
// comma-separated), e.g. --endpoints "POST /payments" --endpoints "GET /disputes".
type listFlag struct{ values []config.Value }

func (l *listFlag) String() string { return "" }
func (l *listFlag) Set(v string) error {
	l.values = append(l.values, lines(v)...)
	return nil
}

// runCLI is the default command: a preflight configured by flags and the
// CKO_* environment variables.
func (c *Command) runCLI(ctx context.Context, args []string) int {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	var s settings
	var endpoints, scopes, allowed, echo listFlag
	fs.StringVar(&s.secretKey, inSecretKey, c.Getenv("CKO_SECRET_KEY"), "")
	fs.StringVar(&s.clientID, inClientID, c.Getenv("CKO_CLIENT_ID"), "")
	fs.StringVar(&s.clientSecret, inClientSecret, c.Getenv("CKO_CLIENT_SECRET"), "")
	fs.StringVar(&s.environment, inEnvironment, "auto", "")
	fs.Var(&endpoints, inEndpoints, "")
	fs.Var(&scopes, inScopes, "")
	fs.Var(&allowed, inAllowedIPs, "")
	fs.StringVar(&s.configPath, inConfig, "", "")
	fs.StringVar(&s.prefix, inPrefix, "", "")
	fs.StringVar(&s.apiURL, inAPIURL, "", "")
	fs.StringVar(&s.authURL, inAuthURL, "", "")
	fs.Var(&echo, inIPEchoURLs, "")
	fs.StringVar(&s.timeout, inTimeout, defaultTimeout, "")
	fs.StringVar(&s.failOn, inFailOn, "error", "")
	fs.StringVar(&s.onMissing, inOnMissing, "fail", "")
	fs.BoolVar(&s.simulate, inSimulate, false, "")
	format := fs.String("format", "text", "")
	reportFile := fs.String("report", "", "")
	debug := fs.Bool("debug", false, "")
	rest, code := c.parse(fs, usageRun, args)
	if code != proceed {
		return code
	}
	if len(rest) > 0 {
		return c.usageError("run", fmt.Sprintf("unexpected argument %s; endpoints go in --endpoints", quoteArg(rest[0])))
	}
	if _, err := oneOf("format", *format, "text", "text", "json", "markdown"); err != nil {
		return c.usageError("run", err.Error())
	}
	s.endpoints, s.scopes, s.allowedIPs, s.echoURLs = endpoints.values, scopes.values, allowed.values, echoURLsFrom(echo.values)
	out := &cliOutput{c: c, format: strings.ToLower(*format), reportFile: *reportFile}
	return c.execute(ctx, s, out, *debug)
}

// execute plans and runs a preflight, then hands the report to out. It is
// shared by the CLI and the action.
func (c *Command) execute(ctx context.Context, s settings, out output, debug bool) int {
	if s.simulate {
		code, _ := c.executeSimulated(ctx, s, out, debug)
		return code
	}
	p, err := c.plan(s)
	out.mask(p.secrets)
	if err != nil {
		r := engine.Invalid(err, engine.Options{Now: c.Now, ToolVersion: c.version()})
		return out.finish(r, exitCode(r))
	}
	if len(p.missing) > 0 {
		check := missingCheck(p, out.inAction())
		if len(p.opts.Credentials) == 0 && p.onMissing == "skip" {
			r := skippedReport(c, check)
			return out.finish(r, ExitOK)
		}
		p.opts.Findings = append(p.opts.Findings, check)
	}
	p.opts.HTTPClient = c.httpClient()
	p.opts.Mask = func(v string) { out.mask([]string{v}) }
	if debug {
		p.opts.Debug = out.debug
	}
	r := engine.Run(ctx, p.opts)
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

// missingCheck reports credentials left empty, saying why that happens on
// fork and Dependabot pull requests and how to handle it.
func missingCheck(p *runPlan, inAction bool) report.Check {
	status, remedy := report.StatusFail, "set the secret, or set on-missing-credentials: skip to pass runs that have no secrets with a notice"
	if p.onMissing == "skip" {
		status = report.StatusSkip
		remedy = "nothing to do on fork or Dependabot pull requests; elsewhere, set the secret"
	}
	msg := "no credential to check: " + strings.Join(p.missing, "; ") + " empty"
	if inAction {
		msg += ". On pull requests from forks, and on Dependabot pull requests, GitHub passes secrets as empty strings"
		remedy += " (Dependabot has its own secrets: Settings > Secrets and variables > Dependabot)"
	} else {
		remedy = "set CKO_SECRET_KEY, or CKO_CLIENT_ID and CKO_CLIENT_SECRET (or the variables your --config file names), or pass --on-missing-credentials skip"
	}
	return report.Check{ID: report.CheckCredentialPresent, Status: status, Title: "No credential", Message: msg, Remedy: remedy}
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
