package render

import (
	"strconv"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// DefaultMarkdownMaxBytes is the job-summary size used when
// MarkdownOptions.MaxBytes is zero: half of GitHub's 1 MiB limit per step,
// leaving room for anything else the step writes.
const DefaultMarkdownMaxBytes = 512 * 1024

// MarkdownOptions tunes Markdown. The zero value uses the defaults.
type MarkdownOptions struct {
	// MaxBytes caps the size of the summary; zero or less means
	// DefaultMarkdownMaxBytes.
	MaxBytes int
}

// Markdown renders the report as a GitHub job summary (GitHub-flavoured
// Markdown). In order: a one-line verdict; a table of checks; per
// credential its details and a table of endpoints with required scope,
// result and HTTP status; the egress address and allowlist verdict (left
// out of a skipped run that did not check egress); "How to
// fix", one bullet per check with a remedy; folded <details> blocks for
// long text (check details, endpoint evidence, echo services, allowlist);
// and a footer with tool, version and duration.
//
// Every data value is escaped: it stays on one line, cannot open HTML,
// links or formatting, and cannot end a table cell. When the summary would
// exceed the size cap, passing rows are dropped first and failing rows
// after them, each cut table saying "N more rows omitted; see the JSON
// report"; the result never exceeds the cap.
func Markdown(r report.Report, o MarkdownOptions) string {
	limit := o.MaxBytes
	if limit <= 0 {
		limit = DefaultMarkdownMaxBytes
	}
	return markdownDoc(r).fit(limit)
}

// markdownDoc lays out the whole summary before it is fitted to a size.
func markdownDoc(r report.Report) mdDoc {
	res := r.Result
	d := mdDoc{verdict: markdownVerdict(res, countChecks(r.Checks)) + "\n"}
	d.parts = append(d.parts, mdChecks(r.Checks))
	for _, c := range r.Credentials {
		d.parts = append(d.parts, mdCredential(c)...)
	}
	if r.Egress != nil || res != report.ResultSkipped {
		d.parts = append(d.parts, mdEgress(r.Egress)...)
	}
	if p, ok := mdRemedies(r.Checks); ok {
		d.parts = append(d.parts, p)
	}
	if p, ok := mdDetails(r.Checks); ok {
		d.parts = append(d.parts, p)
	}
	footer := mdText(toolName(r))
	if r.ToolVersion != "" {
		footer += " " + mdText(r.ToolVersion)
	}
	footer += " · finished in " + duration(r.DurationMS)
	if !r.StartedAt.IsZero() {
		footer += " · started " + r.StartedAt.UTC().Format("2006-01-02 15:04:05 UTC")
	}
	d.footer = "\n<sub>" + footer + "</sub>\n"
	return d
}

func mdChecks(checks []report.Check) mdPart {
	if len(checks) == 0 {
		return mdPart{head: "\n_No checks were run._\n"}
	}
	p := mdPart{head: "\n| | Check | Title | Message |\n|:-:|---|---|---|\n"}
	for _, c := range checks {
		title := mdText(c.Title)
		if title == "" {
			title = "—"
		}
		p.rows = append(p.rows, mdRow{
			text:   "| " + markdownIcon(c.Status) + " | " + mdCode(c.ID, true) + " | " + title + " | " + mdText(c.Message) + " |\n",
			passed: c.Status == report.StatusPass,
		})
	}
	return p
}

// mdCredential renders one credential: a heading, what is known about it,
// its endpoint table and, folded, the evidence for each endpoint.
func mdCredential(c report.Credential) []mdPart {
	var h strings.Builder
	h.WriteString("\n#### Credential " + mdCode(c.Name, false) + "\n\n")
	kind, env := "unknown kind", mdText(c.Environment)
	if c.Kind != "" {
		kind = mdCode(c.Kind, false)
	}
	if env == "" {
		env = "unknown environment"
	}
	active, st := activeWord(c.Active)
	fp := "no fingerprint"
	if c.Fingerprint != "" {
		fp = mdCode(c.Fingerprint, false)
	}
	h.WriteString(kind + " · " + env + " · " + fp + " · active: " + markdownIcon(st) + " " + active + "\n")
	if c.GrantedScopes != nil {
		h.WriteString("\nGranted scopes: " + mdCodeList(c.GrantedScopes) + "\n")
	}
	if len(c.MissingScopes) > 0 {
		h.WriteString("\nMissing scopes: " + mdCodeList(c.MissingScopes) + "\n")
	}
	if len(c.Endpoints) == 0 {
		h.WriteString("\n_No endpoints declared._\n")
		return []mdPart{{head: h.String()}}
	}
	h.WriteString("\n| Endpoint | Required scope | Result | HTTP |\n|---|---|---|--:|\n")
	table := mdPart{head: h.String()}
	evidence := mdPart{
		head: "\n<details><summary>Evidence for " + htmlText(c.Name) + " (" + plural(len(c.Endpoints), "endpoint", "endpoints") + ")</summary>\n\n",
		tail: "\n</details>\n",
	}
	for _, e := range c.Endpoints {
		label, _ := outcome(e.Status)
		line := mdCode(endpointLine(e), true)
		passed := e.Status == report.EndpointAuthorized
		scope := mdCode(scopeText(e), true)
		if e.RequiredScope == "" && len(e.Scopes) == 0 {
			scope = "unknown"
		}
		table.rows = append(table.rows, mdRow{
			text:   "| " + line + " | " + scope + " | " + endpointIcon(e.Status) + " " + label + " | " + httpText(e.HTTPStatus) + " |\n",
			passed: passed,
		})
		if row := mdEvidence(e); row != "" {
			evidence.rows = append(evidence.rows, mdRow{text: row, passed: passed})
		}
	}
	if len(evidence.rows) == 0 {
		return []mdPart{table}
	}
	return []mdPart{table, evidence}
}

// mdEvidence is the list item explaining one endpoint's verdict; "" when
// there is nothing to explain.
func mdEvidence(e report.Endpoint) string {
	var facts []string
	if e.HTTPStatus != 0 {
		facts = append(facts, "HTTP "+strconv.Itoa(e.HTTPStatus))
	}
	if e.RequestID != "" {
		facts = append(facts, "request "+mdCode(e.RequestID, false))
	}
	if e.Attempts > 1 {
		facts = append(facts, strconv.Itoa(e.Attempts)+" attempts")
	}
	if pos := positionText(e.Position); pos != "" && e.Origin != "discovered" {
		facts = append(facts, "declared at "+mdCode(pos, false))
	}
	if len(e.Calls) > 0 {
		first := e.Calls[0]
		call := "called at " + mdCode(report.Position{File: first.File, Line: first.Line, Column: first.Column}.String(), false)
		if more := len(e.Calls) - 1; more > 0 {
			call += " and " + plural(more, "other place", "other places")
		}
		facts = append(facts, call)
	}
	if e.Evidence == "" && len(facts) == 0 {
		return ""
	}
	s := "- " + endpointIcon(e.Status) + " " + mdCode(endpointLine(e), false)
	if e.Evidence != "" {
		s += ": " + mdText(e.Evidence)
	}
	if len(facts) > 0 {
		s += " (" + strings.Join(facts, ", ") + ")"
	}
	return s + "\n"
}

// mdCodeList renders values as comma-separated code spans; "none" when empty.
func mdCodeList(vs []string) string {
	if len(vs) == 0 {
		return "none"
	}
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = mdCode(v, false)
	}
	return strings.Join(out, ", ")
}
