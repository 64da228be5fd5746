package config

import (
	"strings"
	"unicode/utf8"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// Value is one string the user wrote, and where.
type Value struct {
	// Text is the value with surrounding spaces and tabs removed.
	Text string
	// Pos is the position of Text's first character; the zero Position when
	// the value came from a flag or an environment variable, not a file.
	Pos report.Position
}

// String returns Text.
func (v Value) String() string { return v.Text }

// SplitList splits a list written one item per line and/or separated by
// commas into Values. A "#" starts a comment that runs to the end of its
// line. Lines break at LF, CRLF and CR. Items are trimmed of spaces and
// tabs, and empty items are dropped; tabs inside an item are kept. It
// returns nil when there is no item.
//
// origin is the position of text's first character. Lines after the first
// are taken to start at column origin.Column as well, which is where they
// start in a YAML literal block scalar ("|"), whose indentation YAML
// removes; for text whose later lines start at column 1, that is origin
// with Column 1. When origin.Line is 0 every item's Pos is origin (the zero
// Position for a flag or an environment variable); when origin.Column is 0
// lines are still counted but columns stay 0.
func SplitList(text string, origin report.Position) []Value {
	var out []Value
	for line := 0; ; line++ {
		cur, rest := cutLine(text)
		if c := strings.IndexByte(cur, '#'); c >= 0 {
			cur = cur[:c]
		}
		// runes counts the characters before start, so that the line is
		// counted once however many items it holds.
		start, runes := 0, 0
		for start <= len(cur) {
			end := strings.IndexByte(cur[start:], ',')
			if end < 0 {
				end = len(cur)
			} else {
				end += start
			}
			item := cur[start:end]
			lead := len(item) - len(strings.TrimLeft(item, " \t"))
			if t := strings.Trim(item, " \t"); t != "" {
				out = append(out, Value{Text: t, Pos: offset(origin, line, runes+lead)})
			}
			runes += utf8.RuneCountInString(item) + 1
			start = end + 1
		}
		if rest == "" {
			return out
		}
		text = rest
	}
}

// cutLine returns the text before the first line break and the text after
// it. A break is LF, CRLF or CR.
func cutLine(s string) (line, rest string) {
	i := strings.IndexAny(s, "\r\n")
	if i < 0 {
		return s, ""
	}
	if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
		return s[:i], s[i+2:]
	}
	return s[:i], s[i+1:]
}

// offset returns the position lines below origin and runes characters to
// the right of origin's column (see SplitList for the rules).
func offset(origin report.Position, lines, runes int) report.Position {
	if origin.Line == 0 {
		return origin
	}
	p := report.Position{File: origin.File, Line: origin.Line + lines}
	if origin.Column > 0 {
		p.Column = origin.Column + runes
	}
	return p
}
