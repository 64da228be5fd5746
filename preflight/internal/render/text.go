package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// TextOptions tunes Text. The zero value writes plain text.
type TextOptions struct {
	// Color turns on ANSI colours. The caller decides, typically from
	// whether the writer is a terminal and whether NO_COLOR is set.
	Color bool
}

// textWidth is the width Text aims to stay within.
const textWidth = 100

// Column caps for the endpoint table: a longer endpoint is shown whole on
// a line of its own, the rest of its row below it; a longer scope pushes
// the rest of its row right. Neither widens every row.
const (
	maxEndpointColumn = 46
	maxScopeColumn    = 30
)

// textFewRows is how many authorized or not-checked endpoints a table
// still lists in full; more are summed up in one line.
const textFewRows = 3

// Text writes the report for people at a terminal, causes first: a
// verdict line; each cause of Report.Causes once (for a skipped run, each
// skipped check), as "✗ file:line:col: message [check-id]" with its other
// positions and, after an arrow, its remedy indented below; then per credential its kind, environment, fingerprint, whether
// it is active, and an aligned table of the endpoints that failed or
// could not be verified (the others too when there are at most
// textFewRows of them, else one line such as "27 more endpoints
// authorized"); then the egress line. A skipped run leaves out the egress
// line when egress was not checked. The position prefix appears only when
// a file is known. Data values are stripped of control characters. It
// returns the writer's error, wrapped.
func Text(w io.Writer, r report.Report, o TextOptions) error {
	p := painter{on: o.Color}
	res := r.Result
	blocks := []string{textVerdictLine(p, r, res)}
	if f := textCauses(p, r); f != "" {
		blocks = append(blocks, f)
	}
	for _, c := range r.Credentials {
		blocks = append(blocks, textCredential(p, c))
	}
	if r.Egress != nil || res != report.ResultSkipped {
		blocks = append(blocks, textEgress(p, r.Egress))
	}
	if _, err := io.WriteString(w, strings.Join(blocks, "\n")); err != nil {
		return fmt.Errorf("render: write text report: %w", err)
	}
	return nil
}

func textVerdictLine(p painter, r report.Report, res report.Result) string {
	st := resultStatus(res)
	line := termText(toolName(r)) + ": " + textVerdict(res, countChecks(r.Checks)) + " (" + duration(r.DurationMS) + ")"
	return p.status(st, textGlyph(st)) + " " + p.bold(line) + "\n"
}

func textCredential(p painter, c report.Credential) string {
	var b strings.Builder
	kind, env := c.Kind, c.Environment
	if kind == "" {
		kind = "unknown kind"
	}
	if env == "" {
		env = "unknown environment"
	}
	active, st := activeWord(c.Active)
	fmt.Fprintf(&b, "%s %s  %s · %s · %s · active: %s\n",
		p.bold("credential"), p.bold(strconv.Quote(c.Name)),
		termText(kind), termText(env), termText(c.Fingerprint), p.status(st, active))
	if c.GrantedScopes != nil {
		fmt.Fprintf(&b, "  granted scopes: %s\n", textList(c.GrantedScopes))
	}
	if len(c.MissingScopes) > 0 {
		fmt.Fprintf(&b, "  missing scopes: %s\n", p.status(report.StatusFail, textList(c.MissingScopes)))
	}
	if len(c.Endpoints) == 0 {
		b.WriteString("  " + p.dim("no endpoints declared") + "\n")
		return b.String()
	}
	shown, rest := splitEndpoints(c.Endpoints)
	if len(rest) <= textFewRows {
		shown, rest = c.Endpoints, nil
	}
	if len(shown) > 0 {
		b.WriteString(textEndpoints(p, shown))
	}
	if s := restSummary(rest, len(shown) > 0); s != "" {
		b.WriteString("  " + p.dim(s) + "\n")
	}
	return b.String()
}

// textList joins values with ", "; "none" for an empty list.
func textList(vs []string) string {
	if len(vs) == 0 {
		return "none"
	}
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = termText(v)
	}
	return strings.Join(out, ", ")
}

// textEndpoints renders the aligned endpoint table, header included.
func textEndpoints(p painter, eps []report.Endpoint) string {
	type row struct {
		line, scope, result, http string
		st                        report.Status
	}
	rows := make([]row, 0, len(eps))
	wLine, wScope, wResult := len("endpoint"), len("required scope"), len("result")
	for _, e := range eps {
		label, st := outcome(e.Status)
		rw := row{termText(endpointLine(e)), termText(scopeText(e)), textGlyph(st) + " " + label, httpText(e.HTTPStatus), st}
		if e.Status == report.EndpointUnexpectedSuccess {
			rw.result = "‼ " + label
		}
		rows = append(rows, rw)
		wLine = max(wLine, min(utf8.RuneCountInString(rw.line), maxEndpointColumn))
		wScope = max(wScope, min(utf8.RuneCountInString(rw.scope), maxScopeColumn))
		wResult = max(wResult, utf8.RuneCountInString(rw.result))
	}
	var b strings.Builder
	header := "  " + pad("endpoint", wLine) + "  " + pad("required scope", wScope) + "  " + pad("result", wResult) + "  http"
	b.WriteString(p.dim(header) + "\n")
	for _, rw := range rows {
		line := rw.line
		if utf8.RuneCountInString(line) > wLine {
			b.WriteString("  " + line + "\n") // too long for its column: on a line of its own
			line = ""
		}
		fmt.Fprintf(&b, "  %s  %s  %s  %4s\n", pad(line, wLine), pad(rw.scope, wScope), p.status(rw.st, pad(rw.result, wResult)), rw.http)
	}
	return b.String()
}

// pad right-pads s with spaces to width runes; longer values are left
// whole.
func pad(s string, width int) string {
	if n := utf8.RuneCountInString(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}

func textEgress(p painter, e *report.Egress) string {
	if e == nil {
		return p.bold("egress") + "  " + p.dim("not checked") + "\n"
	}
	addr := func(s string) string {
		if s == "" {
			return "none"
		}
		return termText(s)
	}
	word, st := egressVerdict(*e)
	if e.Matched != "" && st == report.StatusPass {
		word += " by " + strconv.Quote(e.Matched)
	}
	return fmt.Sprintf("%s  IPv4 %s · IPv6 %s · %s\n", p.bold("egress"), addr(e.IPv4), addr(e.IPv6),
		p.status(st, textGlyph(st)+" "+word))
}

// textCauses lists each cause once (for a skipped run, each skipped
// check), actionlint-style; "" when there are none. Entries are separated
// by blank lines.
func textCauses(p painter, r report.Report) string {
	var out []string
	for _, c := range r.Causes {
		out = append(out, textItem(p, causeItem(r, c)))
	}
	for _, c := range skipNotes(r) {
		out = append(out, textItem(p, checkItem(c)))
	}
	return strings.Join(out, "\n")
}

// textItem renders one entry actionlint-style, wrapped to textWidth:
// "✗ file:line:col: message [check-id]" (the title when there is no
// message; a grouped cause's message names what it groups), its other
// positions, then the remedy after an arrow.
func textItem(p painter, it item) string {
	ws := []word{{textGlyph(it.status), p.status(it.status, textGlyph(it.status))}}
	if len(it.positions) > 0 {
		ws = append(ws, words(termText(it.positions[0].String())+":", p.bold)...)
	}
	msg := it.message
	if msg == "" {
		msg = it.title
	}
	ws = append(ws, words(termText(msg), nil)...)
	ws = append(ws, words("["+termText(it.id)+"]", p.dim)...)
	f := wrap(ws, "", "  ", textWidth)
	if also := alsoAt(it.positions, func(q report.Position) string { return termText(q.String()) }); also != "" {
		f += wrap(words(also, p.dim), "  ", "  ", textWidth)
	}
	if it.remedy != "" {
		f += wrap(append([]word{{"→", p.dim("→")}}, words(termText(it.remedy), nil)...), "  ", "    ", textWidth)
	}
	return f
}

// word is one word of wrapped text: its plain form, which is measured, and
// the form written, which may carry colour.
type word struct{ plain, styled string }

// words splits s at spaces outside double quotes, so a quoted value such
// as "POST /payments" is never broken across lines, styling each word with
// style when it is not nil.
func words(s string, style func(string) string) []word {
	fs := fields(s)
	ws := make([]word, len(fs))
	for i, f := range fs {
		ws[i] = word{f, f}
		if style != nil {
			ws[i].styled = style(f)
		}
	}
	return ws
}

// fields is strings.Fields, except that spaces inside a double-quoted
// value (with Go-style \" escapes) do not split it.
func fields(s string) []string {
	var out []string
	var cur strings.Builder
	quoted, escaped := false, false
	for _, r := range s {
		switch {
		case escaped:
			escaped = false
		case quoted && r == '\\':
			escaped = true
		case r == '"':
			quoted = !quoted
		case !quoted && unicode.IsSpace(r):
			if cur.Len() > 0 {
				out = append(out, cur.String())
				cur.Reset()
			}
			continue
		}
		cur.WriteRune(r)
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// wrap lays words out in lines of at most width runes, the first line
// starting with first and the others with rest; a word longer than a line
// is kept whole. Every line ends with a newline.
func wrap(ws []word, first, rest string, width int) string {
	var b strings.Builder
	indent := first
	n, empty := utf8.RuneCountInString(indent), true
	b.WriteString(indent)
	for _, w := range ws {
		wn := utf8.RuneCountInString(w.plain)
		if !empty && n+1+wn > width {
			b.WriteString("\n" + rest)
			n, empty = utf8.RuneCountInString(rest), true
		}
		if !empty {
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w.styled)
		n += wn
		empty = false
	}
	b.WriteByte('\n')
	return b.String()
}
