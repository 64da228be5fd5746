package render

import (
	"strconv"

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
	parts := []mdPart{{head: "\n#### Egress\n\n- IPv4: " + addr(e.IPv4) + "\n- IPv6: " + addr(e.IPv6) +
		"\n- Allowlist: " + markdownIcon(st) + " " + word + "\n"}}
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

// mdRemedies lists one bullet per check that did not pass and has a remedy.
func mdRemedies(checks []report.Check) (mdPart, bool) {
	p := mdPart{head: "\n#### How to fix\n\n"}
	for _, c := range checks {
		if c.Status == report.StatusPass || c.Remedy == "" {
			continue
		}
		row := "- " + markdownIcon(c.Status) + " "
		if c.Title != "" {
			row += "**" + mdText(c.Title) + "**"
		} else {
			row += mdCode(c.ID, false)
		}
		if pos := positionText(c.Position); pos != "" {
			row += " (" + mdCode(pos, false) + ")"
		}
		p.rows = append(p.rows, mdRow{text: row + ": " + mdText(c.Remedy) + "\n"})
	}
	return p, len(p.rows) > 0
}

// mdDetails folds away each check's long Detail text.
func mdDetails(checks []report.Check) (mdPart, bool) {
	p := mdPart{head: "\n#### Details\n"}
	for _, c := range checks {
		if c.Detail == "" {
			continue
		}
		summary := htmlText(c.ID)
		if c.Title != "" {
			summary += ": " + htmlText(c.Title)
		}
		p.rows = append(p.rows, mdRow{
			text:   "\n<details><summary>" + markdownIcon(c.Status) + " " + summary + "</summary>\n\n" + codeBlock(c.Detail) + "\n</details>\n",
			passed: c.Status == report.StatusPass,
		})
	}
	return p, len(p.rows) > 0
}
