package render

import (
	"slices"
	"strconv"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// mdEgress renders the egress address, the allowlist verdict and, folded,
// the allowlist and what each echo service answered.
func mdEgress(e *report.Egress) []mdPart {
	if e == nil {
		return []mdPart{{head: "\n#### Egress\n\n_The egress address was not checked._\n"}}
	}
	addr := func(s string) string {
		if s == "" {
			return "none seen"
		}
		return mdCode(s, false)
	}
	word, st := egressVerdict(*e)
	if e.Matched != "" && st == report.StatusPass {
		word += " by " + mdCode(e.Matched, false)
	}
	parts := []mdPart{{head: "\n#### Egress\n\n" + markdownIcon(st) + " Allowlist: " + word +
		" · IPv4: " + addr(e.IPv4) + " · IPv6: " + addr(e.IPv6) + "\n"}}
	if len(e.Allowlist) > 0 {
		p := mdPart{
			head: "\n<details><summary>Allowlist (" + plural(len(e.Allowlist), "entry", "entries") + ")</summary>\n\n",
			tail: "\n</details>\n",
		}
		for _, a := range e.Allowlist {
			p.rows = append(p.rows, mdRow{text: "- " + mdCode(a, false) + "\n", passed: true})
		}
		parts = append(parts, p)
	}
	if len(e.Sources) > 0 {
		p := mdPart{
			head: "\n<details><summary>Echo services (" + strconv.Itoa(len(e.Sources)) + ")</summary>\n\n",
			tail: "\n</details>\n",
		}
		for _, s := range e.Sources {
			row := "- " + mdCode(s.URL, false)
			switch {
			case s.IP != "":
				row += " answered " + mdCode(s.IP, false)
			case s.Error != "":
				row += " gave no address: " + mdText(s.Error)
			default:
				row += " gave no address"
			}
			if s.IP != "" && s.Error != "" {
				row += " (" + mdText(s.Error) + ")"
			}
			p.rows = append(p.rows, mdRow{text: row + "\n", passed: s.Error == ""})
		}
		parts = append(parts, p)
	}
	return parts
}

// mdDetails folds away long Detail text: for each cause, the distinct
// details of its findings, once each; then the detail of each check that
// is no cause's (a pass, or a skip). A detail that only repeats an
// endpoint's evidence (folded with the credential) is left out.
func mdDetails(r report.Report) (mdPart, bool) {
	p := mdPart{head: "\n#### Details\n"}
	shown := map[string]bool{}
	for _, c := range r.Credentials {
		for _, e := range c.Endpoints {
			shown[e.Evidence] = true
		}
	}
	inCause := map[int]bool{}
	for _, c := range r.Causes {
		var texts []string
		for _, ch := range causeChecks(r, c) {
			if ch.Detail != "" && !shown[ch.Detail] && !slices.Contains(texts, ch.Detail) {
				texts = append(texts, ch.Detail)
			}
		}
		for _, i := range c.Findings {
			inCause[i] = true
		}
		if len(texts) > 0 {
			p.rows = append(p.rows, mdRow{text: mdFold(markdownIcon(c.Status)+" "+htmlText(causeTitle(c)), strings.Join(texts, "\n"))})
		}
	}
	for i, c := range r.Checks {
		if c.Detail == "" || inCause[i] || shown[c.Detail] {
			continue
		}
		title := c.Title
		if title == "" {
			title = c.ID
		}
		p.rows = append(p.rows, mdRow{text: mdFold(markdownIcon(c.Status)+" "+htmlText(title), c.Detail), passed: c.Status == report.StatusPass})
	}
	return p, len(p.rows) > 0
}

// mdFold is a folded block: summary (already HTML-escaped) over detail
// shown as a literal code block.
func mdFold(summary, detail string) string {
	return "\n<details><summary>" + summary + "</summary>\n\n" + codeBlock(detail) + "\n</details>\n"
}
