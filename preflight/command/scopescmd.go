package command

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
)

func (c *Command) scopes(args []string) int {
	fs := flag.NewFlagSet("scopes", flag.ContinueOnError)
	format := fs.String("format", "text", "")
	endpoints, code := c.parse(fs, usageScopes, args)
	if code != proceed {
		return code
	}
	if *format != "text" && *format != "json" {
		return c.usageError("scopes", fmt.Sprintf("unknown format %q; use text or json", *format))
	}
	if len(endpoints) == 0 {
		return c.usageError("scopes", `no endpoints given; for example: checkout-preflight scopes "POST /payments"`)
	}
	cat := catalog.Default()
	rows := []operationRow{}
	failed := false
	for _, arg := range endpoints {
		row, err := lookupScopes(cat, arg)
		if err != nil {
			fmt.Fprintf(c.Stderr, "checkout-preflight scopes: %v\n", err)
			failed = true
			continue
		}
		rows = append(rows, row)
	}
	if *format == "json" {
		writeJSON(c.Stdout, rows)
	} else {
		writeScopesText(c.Stdout, rows)
	}
	if failed {
		return ExitUsage
	}
	return ExitOK
}

func lookupScopes(cat *catalog.Catalog, arg string) (operationRow, error) {
	ep, err := config.ParseEndpoint(config.Value{Text: arg})
	if err != nil {
		return operationRow{}, err
	}
	m, err := cat.Match(ep.Method, ep.Path)
	if err != nil {
		return operationRow{}, err
	}
	row := newOperationRow(m.Operation)
	row.Endpoint = arg
	return row, nil
}

func writeScopesText(w io.Writer, rows []operationRow) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\n", r.Endpoint)
		fmt.Fprintf(tw, "  matches\t%s %s (host %s) — %s\n", r.Method, r.Template, r.Host, r.Summary)
		switch {
		case !r.KnownScopes && len(r.ScopeHints) > 0:
			fmt.Fprintf(tw, "  scopes\tunknown: the API reference does not say; unverified hints: %s\n", strings.Join(r.ScopeHints, ", "))
		case !r.KnownScopes:
			fmt.Fprintf(tw, "  scopes\tunknown: the API reference does not say; declare them with --scopes if you know them\n")
		case len(r.Scopes) == 0:
			fmt.Fprintf(tw, "  scopes\tnone: no OAuth scope grants this endpoint (secret key only)\n")
		default:
			fmt.Fprintf(tw, "  scopes\t%s (any one grants access; the most specific is %s)\n", strings.Join(r.Scopes, ", "), r.RequiredScope)
		}
	}
	tw.Flush()
}

func writeJSON(w io.Writer, v any) {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// usageError reports a usage problem in one line and returns ExitUsage.
func (c *Command) usageError(cmd, msg string) int {
	fmt.Fprintf(c.Stderr, "checkout-preflight %s: %s\nrun 'checkout-preflight %s --help' for usage\n", cmd, msg, cmd)
	return ExitUsage
}
