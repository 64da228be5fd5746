package render

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxValueBytes caps one data value placed in the job summary, so that no
// single message, name or line can dominate it.
const maxValueBytes = 1024

// maxDetailBytes caps one Check.Detail in the job summary.
const maxDetailBytes = 4096

// clip shortens s to at most n bytes, cutting at a rune boundary and ending
// with "…" when anything was cut.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	ellipsis := "…"
	if n < len(ellipsis) {
		ellipsis = ""
	}
	cut := max(n-len(ellipsis), 0)
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + ellipsis
}

// unsafeRune reports runes that must not reach a reader raw: control
// characters (newlines, escapes), line and paragraph separators, and the
// bidirectional overrides that can make text read differently from what it
// is.
func unsafeRune(r rune) bool {
	return unicode.IsControl(r) ||
		r == '\u2028' || r == '\u2029' ||
		(r >= '\u202a' && r <= '\u202e') ||
		(r >= '\u2066' && r <= '\u2069')
}

// flatten replaces unsafe runes with spaces and invalid UTF-8 with U+FFFD,
// so the value stays on one line.
func flatten(s string) string {
	if !strings.ContainsFunc(s, unsafeRune) && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unsafeRune(r) {
			r = ' '
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdSpecial lists the characters mdText escapes with a backslash.
const mdSpecial = "\\`*_[]|~$"

// needsMdEscape reports runes mdText changes.
func needsMdEscape(r rune) bool {
	return unsafeRune(r) || r == '&' || r == '<' || r == '>' || r == utf8.RuneError || strings.ContainsRune(mdSpecial, r)
}

// mdText escapes a data value for Markdown inline text, table cells
// included: it stays on one line, cannot open HTML, links, emphasis, code
// or math, and cannot end a table cell. The value is clipped to
// maxValueBytes first.
func mdText(s string) string {
	s = clip(s, maxValueBytes)
	if !strings.ContainsFunc(s, needsMdEscape) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		switch {
		case unsafeRune(r):
			b.WriteByte(' ')
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case strings.ContainsRune(mdSpecial, r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mdCode renders a data value as a Markdown code span, whose content is
// shown literally (no HTML, no formatting). The fence is longer than any
// run of backticks in the value. In a table cell (inTable), pipes are
// escaped as GitHub requires even inside code. An empty value renders as
// "(empty)".
func mdCode(s string, inTable bool) string {
	s = clip(flatten(s), maxValueBytes)
	if s == "" {
		return "(empty)"
	}
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if s[0] == '`' || s[0] == ' ' || s[len(s)-1] == '`' || s[len(s)-1] == ' ' {
		s = " " + s + " "
	}
	if inTable {
		s = strings.ReplaceAll(s, "|", `\|`)
	}
	return fence + s + fence
}

// htmlText escapes a data value for HTML content such as <summary>, where
// GitHub does not render Markdown.
func htmlText(s string) string {
	s = clip(flatten(s), maxValueBytes)
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}

// codeBlock renders multi-line text as a fenced code block, literal to the
// reader whatever it contains. Control characters other than newline and
// tab become visible escapes; the text is clipped to maxDetailBytes.
func codeBlock(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if len(s) > maxDetailBytes {
		s = clip(s, maxDetailBytes) + "\n(cut short; the JSON report has the full text)"
	}
	var b strings.Builder
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
		if r != '\n' && r != '\t' && unsafeRune(r) {
			b.WriteString(escapeRune(r))
			continue
		}
		b.WriteRune(r)
	}
	fence := strings.Repeat("`", max(3, longest+1))
	return fence + "text\n" + strings.TrimRight(b.String(), "\n") + "\n" + fence + "\n"
}

// termText makes a data value safe for a terminal: newlines and tabs become
// spaces and other unsafe runes become visible escapes such as \x1b, so a
// value cannot move the cursor or change colours.
func termText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case unsafeRune(r):
			b.WriteString(escapeRune(r))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// escapeRune renders r as a Go-style escape: \x1b or \u202e.
func escapeRune(r rune) string {
	q := strconv.QuoteRuneToASCII(r)
	return q[1 : len(q)-1]
}
