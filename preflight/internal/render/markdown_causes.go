package render

import "github.com/checkout-preflight/checkout-preflight/preflight/report"

// mdCauses is "What to fix": one bullet per cause of r, in report order
// (the most severe first). It reports false when r has no causes.
func mdCauses(r report.Report, l linker) (mdPart, bool) {
	p := mdPart{head: "\n#### What to fix\n\n"}
	for _, c := range r.Causes {
		p.rows = append(p.rows, mdRow{text: mdItem(causeItem(r, c), l)})
	}
	return p, len(p.rows) > 0
}

// mdSkipped is "Why nothing was checked": one bullet per skipped check of
// a skipped run. It reports false for any other run.
func mdSkipped(r report.Report, l linker) (mdPart, bool) {
	p := mdPart{head: "\n#### Why nothing was checked\n\n"}
	for _, c := range skipNotes(r) {
		p.rows = append(p.rows, mdRow{text: mdItem(checkItem(c), l)})
	}
	return p, len(p.rows) > 0
}

// mdItem writes one bullet: "- ❌ **title** (count): message", then, as
// sub-items, the fix and where (up to maxListedPositions positions, linked
// by l, then how many more). The check id is left to the folded legend.
func mdItem(it item, l linker) string {
	s := "- " + markdownIcon(it.status) + " **" + mdText(it.title) + "**"
	if it.count != "" {
		s += " (" + it.count + ")"
	}
	if it.message != "" {
		s += ": " + mdText(it.message)
	}
	s += "\n"
	if it.remedy != "" {
		s += "  - **Fix:** " + mdText(it.remedy) + "\n"
	}
	if len(it.positions) > 0 {
		s += "  - **At** " + listPositions(it.positions, l.position) + "\n"
	}
	return s
}
