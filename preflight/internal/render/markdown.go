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

// MarkdownOptions tunes Markdown. The zero value uses the defaults and
// makes no links.
type MarkdownOptions struct {
	// MaxBytes caps the size of the summary; zero or less means
	// DefaultMarkdownMaxBytes.
	MaxBytes int
	// ServerURL, Repository and SHA are GITHUB_SERVER_URL,
	// GITHUB_REPOSITORY and GITHUB_SHA: with all three, each position a
	// cause lists links to its line, ServerURL/Repository/blob/SHA/path#Lnn.
	// When any is empty (or unusable), positions are plain code spans.
	ServerURL, Repository, SHA string
}

// Markdown renders the report as a GitHub job summary (GitHub-flavoured
// Markdown), causes first. In order: a one-line verdict; "What to fix",
// one bullet per cause of Report.Causes (icon, title, the affected count
// when it covers several, message, remedy, and its positions, linked to
// their lines when o names the commit); for a skipped run, why nothing was
// checked; per credential what is known about it and a table of the
// endpoints that failed or could not be verified, the other endpoints
// folded in <details>, and their evidence folded too; the egress address
// and allowlist verdict (left out of a skipped run that did not check
// egress); long detail text, folded; every check with its id, folded (the
// legend of the JSON report's ids); and a footer with tool, version and
// duration. A run that passed with nothing to report is the verdict line
// and one folded <details> holding everything else, unfolded inside.
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
	return markdownDoc(r, newLinker(o)).fit(limit)
}

// quietRun reports a run with nothing to report: it passed, and no cause
// needs attention. Its summary is folded whole.
func quietRun(r report.Report) bool {
	return r.Result == report.ResultPass && len(r.Causes) == 0
}

// markdownDoc lays out the whole summary before it is fitted to a size.
func markdownDoc(r report.Report, l linker) mdDoc {
	quiet := quietRun(r)
	d := mdDoc{verdict: markdownVerdict(r.Result, countChecks(r.Checks)) + "\n", footer: mdFooter(r)}
	if quiet {
		d.verdict += "\n<details><summary>" + htmlText(quietSummary(r)) + "</summary>\n"
		d.footer += "\n</details>\n"
	}
	if p, ok := mdCauses(r, l); ok {
		d.parts = append(d.parts, p)
	}
	if p, ok := mdSkipped(r, l); ok {
		d.parts = append(d.parts, p)
	}
	for _, c := range r.Credentials {
		d.parts = append(d.parts, mdCredential(c, !quiet)...)
	}
	if r.Egress != nil || r.Result != report.ResultSkipped {
		d.parts = append(d.parts, mdEgress(r.Egress)...)
	}
	if p, ok := mdDetails(r); ok {
		d.parts = append(d.parts, p)
	}
	d.parts = append(d.parts, mdChecks(r.Checks, !quiet))
	return d
}

// quietSummary names what a quiet run checked, for its folded details:
// "1 credential · 3 endpoints authorized · egress allowed".
func quietSummary(r report.Report) string {
	var eps []report.Endpoint
	for _, c := range r.Credentials {
		eps = append(eps, c.Endpoints...)
	}
	parts := []string{plural(len(r.Credentials), "credential", "credentials")}
	if s := restSummary(eps, false); s != "" {
		parts = append(parts, s)
	}
	if r.Egress != nil {
		word, _ := egressVerdict(*r.Egress)
		parts = append(parts, "egress "+word)
	}
	return "What was checked: " + strings.Join(parts, " · ")
}

func mdFooter(r report.Report) string {
	footer := mdText(toolName(r))
	if r.ToolVersion != "" {
		footer += " " + mdText(r.ToolVersion)
	}
	footer += " · finished in " + duration(r.DurationMS)
	if !r.StartedAt.IsZero() {
		footer += " · started " + r.StartedAt.UTC().Format("2006-01-02 15:04:05 UTC")
	}
	return "\n<sub>" + footer + "</sub>\n"
}

// mdChecks is the table of every check with its id, the legend of the
// JSON report's ids; folded in <details> when fold is true. It says so
// when no checks were run.
func mdChecks(checks []report.Check, fold bool) mdPart {
	if len(checks) == 0 {
		return mdPart{head: "\n_No checks were run._\n"}
	}
	const header = "| | Check | Title | Message |\n|:-:|---|---|---|\n"
	p := mdPart{head: "\n#### Checks\n\n" + header}
	if fold {
		p = mdPart{head: "\n<details><summary>" + htmlText(plural(len(checks), "check", "checks")) + ", with their ids</summary>\n\n" + header,
			tail: "\n</details>\n"}
	}
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
// its endpoint table and, folded, the evidence for each endpoint. With
// fold, the table shows only the endpoints that failed or could not be
// verified, and the others follow in a folded table of their own.
func mdCredential(c report.Credential, fold bool) []mdPart {
	h := mdCredentialHead(c)
	if len(c.Endpoints) == 0 {
		return []mdPart{{head: h + "\n_No endpoints declared._\n"}}
	}
	shown, rest := c.Endpoints, []report.Endpoint(nil)
	if fold {
		shown, rest = splitEndpoints(c.Endpoints)
	}
	const header = "| Endpoint | Required scope | Result | HTTP |\n|---|---|---|--:|\n"
	parts := []mdPart{{head: h}}
	if len(shown) > 0 {
		parts[0] = mdEndpointTable(h+"\n"+header, "", shown)
	}
	if len(rest) > 0 {
		summary := htmlText(restSummary(rest, len(shown) > 0))
		parts = append(parts, mdEndpointTable("\n<details><summary>"+summary+"</summary>\n\n"+header, "\n</details>\n", rest))
	}
	evidence := mdPart{
		head: "\n<details><summary>Evidence for " + htmlText(c.Name) + " (" + plural(len(c.Endpoints), "endpoint", "endpoints") + ")</summary>\n\n",
		tail: "\n</details>\n",
	}
	for _, e := range c.Endpoints {
		if row := mdEvidence(e); row != "" {
			evidence.rows = append(evidence.rows, mdRow{text: row, passed: e.Status == report.EndpointAuthorized})
		}
	}
	if len(evidence.rows) > 0 {
		parts = append(parts, evidence)
	}
	return parts
}

// mdCredentialHead is a credential's heading and what is known about it.
func mdCredentialHead(c report.Credential) string {
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
	return h.String()
}

// splitEndpoints separates the endpoints every table shows (needsRow)
// from the others, each in report order.
func splitEndpoints(eps []report.Endpoint) (shown, rest []report.Endpoint) {
	for _, e := range eps {
		if needsRow(e) {
			shown = append(shown, e)
		} else {
			rest = append(rest, e)
		}
	}
	return shown, rest
}

// mdEndpointTable is a table of endpoints between head (which ends with
// the table header) and tail.
func mdEndpointTable(head, tail string, eps []report.Endpoint) mdPart {
	p := mdPart{head: head, tail: tail}
	for _, e := range eps {
		label, _ := outcome(e.Status)
		scope := mdCode(scopeText(e), true)
		if e.RequiredScope == "" && len(e.Scopes) == 0 {
			scope = "unknown"
		}
		p.rows = append(p.rows, mdRow{
			text:   "| " + mdCode(endpointLine(e), true) + " | " + scope + " | " + endpointIcon(e.Status) + " " + label + " | " + httpText(e.HTTPStatus) + " |\n",
			passed: e.Status == report.EndpointAuthorized,
		})
	}
	return p
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
