package command

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/probe"
)

// catalogRow is one endpoint of `catalog --format json`, with the probe
// the tool would send for it, so reviewers can audit that no probe can
// change anything.
type catalogRow struct {
	Method        string    `json:"method"`
	Path          string    `json:"path"`
	Host          string    `json:"host"`
	Summary       string    `json:"summary"`
	Status        string    `json:"status"`
	Scopes        []string  `json:"scopes"`
	KnownScopes   bool      `json:"known_scopes"`
	RequiredScope string    `json:"required_scope,omitempty"`
	ScopeHints    []string  `json:"scope_hints,omitempty"`
	Probe         probeJSON `json:"probe"`
}

type probeJSON struct {
	Method string `json:"method"`
	Path   string `json:"path"`
	Query  string `json:"query,omitempty"`
	Body   string `json:"body,omitempty"`
	Shape  string `json:"shape"`
	Skip   string `json:"skip,omitempty"`
}

func (c *Command) catalog(args []string) int {
	fs := flag.NewFlagSet("catalog", flag.ContinueOnError)
	format := fs.String("format", "text", "")
	rest, code := c.parse(fs, usageCatalog, args)
	if code != proceed {
		return code
	}
	if len(rest) > 0 {
		return c.usageError("catalog", fmt.Sprintf("unexpected argument %s", quoteArg(rest[0])))
	}
	rows := catalogRows(catalog.Default())
	switch *format {
	case "json":
		writeJSON(c.Stdout, rows)
	case "text":
		writeCatalogText(c.Stdout, rows)
	default:
		return c.usageError("catalog", fmt.Sprintf("unknown format %q; use text or json", *format))
	}
	return ExitOK
}

func catalogRows(cat *catalog.Catalog) []catalogRow {
	ops := cat.Operations()
	rows := make([]catalogRow, 0, len(ops))
	for _, op := range ops {
		p := probe.For(op)
		rows = append(rows, catalogRow{
			Method: op.Method, Path: op.Path, Host: op.Host, Summary: op.Summary, Status: op.Status,
			Scopes: nonNil(op.Scopes()), KnownScopes: op.KnownScopes(), RequiredScope: op.RequiredScope(),
			ScopeHints: op.ScopeHints,
			Probe:      probeJSON{Method: p.Method, Path: p.Path, Query: p.Query, Body: string(p.Body), Shape: p.Shape, Skip: p.Skip},
		})
	}
	return rows
}

func writeCatalogText(w io.Writer, rows []catalogRow) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "METHOD\tPATH\tHOST\tSCOPES\tSUMMARY")
	for _, r := range rows {
		scopes := strings.Join(r.Scopes, " | ")
		if !r.KnownScopes {
			scopes = "unknown"
		} else if scopes == "" {
			scopes = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.Method, r.Path, r.Host, scopes, r.Summary)
	}
	tw.Flush()
}
