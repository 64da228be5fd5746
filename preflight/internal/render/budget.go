package render

import (
	"strconv"
	"strings"
)

// A mdDoc is a job summary before it is fitted to a size: a verdict line,
// parts whose rows may be omitted, and a footer. Heads and tails are always
// written (each data value in them is clipped, so they stay small).
type mdDoc struct {
	verdict string
	parts   []mdPart
	footer  string
}

// An mdPart is a table or list: head (heading, table header, <details>
// opening), rows, and tail (closing). A row is one table row, list item or
// folded block.
type mdPart struct {
	head, tail string
	rows       []mdRow
}

type mdRow struct {
	text   string
	passed bool // a passing row is dropped before any failing one
}

// fit renders d within limit bytes. When everything fits it is written
// whole. Otherwise rows are chosen in two rounds, failures first and then
// passing rows, each round taking rows from the parts in turn so that every
// table keeps its first rows; every part that lost rows ends with a note
// saying how many, and a note under the verdict says the summary was
// shortened. If even the heads do not fit, the verdict, a note and the
// footer are written instead, cut to limit bytes as a last resort.
func (d mdDoc) fit(limit int) string {
	keep := make([][]bool, len(d.parts))
	for i, p := range d.parts {
		keep[i] = make([]bool, len(p.rows))
		for j := range keep[i] {
			keep[i][j] = true
		}
	}
	if s := d.render(keep, limit); len(s) <= limit {
		return s
	}
	budget := limit - d.fixedSize(limit)
	if budget >= 0 {
		for i := range keep {
			clear(keep[i])
		}
		budget = d.take(keep, budget, false)
		d.take(keep, budget, true)
		if s := d.render(keep, limit); len(s) <= limit {
			return s
		}
	}
	s := d.verdict + note("The full summary would be larger than "+sizeText(limit)+"; the JSON report has every check and endpoint") + d.footer
	return clip(s, limit)
}

// take marks rows to keep, round-robin over parts, while they fit in
// budget, and returns the budget left. It considers passing rows when
// passed is true, failing rows otherwise; a part stops at its first row
// that does not fit, so what is kept is a prefix of its rows.
func (d mdDoc) take(keep [][]bool, budget int, passed bool) int {
	next := make([]int, len(d.parts)) // index of the next candidate row
	open := len(d.parts)
	done := make([]bool, len(d.parts))
	for open > 0 {
		for i, p := range d.parts {
			if done[i] {
				continue
			}
			j := next[i]
			for j < len(p.rows) && p.rows[j].passed != passed {
				j++
			}
			if j == len(p.rows) || len(p.rows[j].text) > budget {
				done[i] = true
				open--
				continue
			}
			keep[i][j] = true
			budget -= len(p.rows[j].text)
			next[i] = j + 1
		}
	}
	return budget
}

// fixedSize is an upper bound on everything but the rows: heads, tails,
// and every note that could appear.
func (d mdDoc) fixedSize(limit int) int {
	n := len(d.verdict) + len(d.footer) + len(shortenedNote(d.rowCount(), limit))
	for _, p := range d.parts {
		n += len(p.head) + len(p.tail)
		if len(p.rows) > 0 {
			n += len(partNote(len(p.rows), false))
		}
	}
	return n
}

func (d mdDoc) rowCount() int {
	n := 0
	for _, p := range d.parts {
		n += len(p.rows)
	}
	return n
}

// render writes the rows marked in keep, with notes where rows are left out.
func (d mdDoc) render(keep [][]bool, limit int) string {
	var body strings.Builder
	omittedAll := 0
	for i, p := range d.parts {
		body.WriteString(p.head)
		omitted, allPassed := 0, true
		for j, row := range p.rows {
			if keep[i][j] {
				body.WriteString(row.text)
				continue
			}
			omitted++
			allPassed = allPassed && row.passed
		}
		if omitted > 0 {
			body.WriteString(partNote(omitted, allPassed))
		}
		omittedAll += omitted
		body.WriteString(p.tail)
	}
	var b strings.Builder
	b.WriteString(d.verdict)
	if omittedAll > 0 {
		b.WriteString(shortenedNote(omittedAll, limit))
	}
	b.WriteString(body.String())
	b.WriteString(d.footer)
	return b.String()
}

// note renders a paragraph of our own words, set apart by blank lines.
func note(s string) string { return "\n_" + s + "._\n" }

func partNote(omitted int, allPassed bool) string { return note(omittedNote(omitted, allPassed)) }

func shortenedNote(omitted, limit int) string {
	return note("This summary was shortened to stay under " + sizeText(limit) + ": " +
		plural(omitted, "row was", "rows were") + " left out, passing ones first")
}

// sizeText renders a byte count: "512 KiB", "1000 bytes".
func sizeText(n int) string {
	if n >= 1024 && n%1024 == 0 {
		return strconv.Itoa(n/1024) + " KiB"
	}
	return plural(n, "byte", "bytes")
}
