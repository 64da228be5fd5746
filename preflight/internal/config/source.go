package config

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// source is a YAML file being read: its name, its lines (to find where the
// text of a value starts) and the problems found so far.
type source struct {
	path  string
	lines [][]byte
	errs  []*Error
	// wrong holds the positions of values already reported as being of
	// the wrong type, so that they are not reported again as missing.
	wrong map[report.Position]bool
}

func newSource(path string, data []byte) *source {
	return &source{path: path, lines: splitLines(data), wrong: map[report.Position]bool{}}
}

// splitLines splits data at the line breaks YAML counts: CRLF, LF, CR, and
// U+0085, U+2028 and U+2029. A UTF-8 byte order mark at the start is dropped
// because YAML does not count it as a column.
func splitLines(data []byte) [][]byte {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	var lines [][]byte
	start := 0
	for i := 0; i < len(data); {
		n := breakLen(data[i:])
		if n == 0 {
			i++
			continue
		}
		lines = append(lines, data[start:i])
		i += n
		start = i
	}
	return append(lines, data[start:])
}

// breakLen returns the length of the line break at the start of b, or 0.
func breakLen(b []byte) int {
	switch {
	case bytes.HasPrefix(b, []byte("\r\n")):
		return 2
	case b[0] == '\r' || b[0] == '\n':
		return 1
	case bytes.HasPrefix(b, []byte("\u0085")):
		return 2
	case bytes.HasPrefix(b, []byte("\u2028")), bytes.HasPrefix(b, []byte("\u2029")):
		return 3
	}
	return 0
}

// pos returns the position of node n.
func (s *source) pos(n *yaml.Node) report.Position {
	return report.Position{File: s.path, Line: n.Line, Column: n.Column}
}

// fail records a problem at n.
func (s *source) fail(n *yaml.Node, msg string) {
	s.errs = append(s.errs, errorAt(s.pos(n), msg))
}

// line returns the 1-based line n, or nil when there is no such line.
func (s *source) line(n int) []byte {
	if n < 1 || n > len(s.lines) {
		return nil
	}
	return s.lines[n-1]
}

// origin returns the position of the first character of the scalar n's
// value, and whether SplitList(n.Value, origin) then gives every item its
// exact position. That is so for literal block scalars ("|") and for values
// written on one line, quoted or not, without escapes; folded blocks (">")
// and values spread over several lines are not exact, and their origin is
// the position of the node.
func (s *source) origin(n *yaml.Node) (report.Position, bool) {
	if n.Style&yaml.LiteralStyle != 0 {
		return s.literalOrigin(n)
	}
	p := s.pos(n)
	if n.Style&yaml.FoldedStyle != 0 || strings.ContainsAny(n.Value, "\r\n") {
		return p, false
	}
	line := s.line(n.Line)
	if line == nil || n.Column < 1 {
		return p, false
	}
	// Skip to the node's column, then look for the value: after a quote or
	// a tag for quoted or tagged values, at once for plain ones.
	rest := line
	for range n.Column - 1 {
		if len(rest) == 0 {
			return p, false
		}
		_, size := utf8.DecodeRune(rest)
		rest = rest[size:]
	}
	i := bytes.Index(rest, []byte(n.Value))
	if i < 0 {
		return p, false
	}
	p.Column += utf8.RuneCount(rest[:i])
	return p, true
}

// literalOrigin is origin for a literal block scalar: its content starts on
// the line after the "|" header, at the block's indentation, which is found
// by matching the first non-blank line of the value against the file.
func (s *source) literalOrigin(n *yaml.Node) (report.Position, bool) {
	p := s.pos(n)
	if strings.ContainsAny(n.Value, "\r\u0085\u2028\u2029") {
		return p, false
	}
	for k, content := range strings.Split(n.Value, "\n") {
		if strings.Trim(content, " \t") == "" {
			continue
		}
		raw := s.line(n.Line + 1 + k)
		if !bytes.HasSuffix(raw, []byte(content)) {
			return p, false
		}
		indent := utf8.RuneCount(raw) - utf8.RuneCountInString(content)
		return report.Position{File: s.path, Line: n.Line + 1, Column: indent + 1}, true
	}
	return report.Position{File: s.path, Line: n.Line + 1, Column: n.Column}, true
}

// splitScalar splits the scalar n with SplitList, giving each item its
// position in the file; when that cannot be exact (see origin), each item
// gets the node's position.
func (s *source) splitScalar(n *yaml.Node) []Value {
	if isNull(n) {
		return nil
	}
	origin, exact := s.origin(n)
	if exact {
		return SplitList(n.Value, origin)
	}
	values := SplitList(n.Value, report.Position{})
	for i := range values {
		values[i].Pos = origin
	}
	return values
}

// isNull reports whether n is an empty value ("key:" or "key: ~").
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// describe names the kind of n for messages: "a mapping", "a list", ...
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "empty"
		case "!!int", "!!float":
			return "a number"
		case "!!bool":
			return "a boolean"
		}
		return "a string"
	}
	return "a document"
}
