package command

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
)

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

// catalogRows lists every operation with the probe sent for it, so that
// reviewers can audit that no probe can change anything.
func catalogRows(cat *catalog.Catalog) []operationRow {
	ops := cat.Operations()
	rows := make([]operationRow, 0, len(ops))
	for _, op := range ops {
		rows = append(rows, newOperationRow(op).withProbe(op))
	}
	return rows
}

func writeCatalogText(w io.Writer, rows []operationRow) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "METHOD\tPATH\tHOST\tSCOPES\tSUMMARY")
	for _, r := range rows {
		scopes := strings.Join(r.Scopes, " | ")
		if !r.KnownScopes {
			scopes = "unknown"
		} else if scopes == "" {
			scopes = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.Method, r.Template, r.Host, scopes, r.Summary)
	}
	tw.Flush()
}
