package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// Parse reads a config file's contents (see DefaultPath; path is used in
// positions and messages only) and validates it. Every problem found is
// reported: the error joins one *Error per problem, in file order, each at
// file:line:col (see Errors). On error the *File is nil.
//
// The file must be UTF-8 YAML, at most MaxFileSize bytes, holding one
// document with "version: 1" and a non-empty "credentials:" list; the
// package documentation describes every key.
func Parse(path string, data []byte) (*File, error) {
	where := report.Position{File: path}
	if len(data) > MaxFileSize {
		return nil, errorAt(where, fmt.Sprintf(
			"config file is %d bytes, more than the limit of 1 MiB (%d bytes); a preflight config is a few kilobytes, so check that the path names the right file",
			len(data), MaxFileSize))
	}
	if e := checkText(path, data); e != nil {
		return nil, e
	}
	root, e := decode(path, data)
	if e != nil {
		return nil, e
	}
	s := newSource(path, data)
	f := s.file(root)
	if err := joinSorted(s.errs); err != nil {
		return nil, err
	}
	return f, nil
}

// checkText rejects data YAML cannot read as text, saying where: bytes that
// are not UTF-8 and characters YAML forbids (most control characters).
func checkText(path string, data []byte) *Error {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return errorAt(report.Position{File: path, Line: 1, Column: 1},
			"config file is encoded as UTF-16; save it as UTF-8")
	}
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		at := report.Position{File: path, Line: line, Column: col}
		switch {
		case r == utf8.RuneError && size == 1:
			return errorAt(at, fmt.Sprintf("config file is not valid UTF-8 text (byte 0x%02X); save it as UTF-8", data[i]))
		case !yamlPrintable(r):
			return errorAt(at, fmt.Sprintf("config file contains the control character %U, which YAML does not allow; remove it", r))
		}
		if n := breakLen(data[i:]); n > 0 {
			line, col = line+1, 1
			i += n
			continue
		}
		if !(i == 0 && r == '\ufeff') {
			col++
		}
		i += size
	}
	return nil
}

// yamlPrintable reports whether YAML allows r in a document.
func yamlPrintable(r rune) bool {
	switch {
	case r == '\t', r == '\n', r == '\r', r == 0x85:
		return true
	case r >= 0x20 && r <= 0x7E, r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

// decode parses data as one YAML document and returns its root node.
func decode(path string, data []byte) (*yaml.Node, *Error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	err := dec.Decode(&doc)
	if errors.Is(err, io.EOF) || err == nil && (len(doc.Content) == 0 || isNull(doc.Content[0])) {
		return nil, errorAt(report.Position{File: path},
			`config file is empty; it needs "version: 1" and a "credentials:" list`)
	}
	if err != nil {
		return nil, yamlError(path, data, err)
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case errors.Is(err, io.EOF):
	case err != nil:
		return nil, yamlError(path, data, err)
	case len(next.Content) > 0 && !isNull(next.Content[0]):
		return nil, errorAt(report.Position{File: path, Line: next.Content[0].Line, Column: next.Content[0].Column},
			`config file holds more than one YAML document (separated by "---"); keep everything in the first one`)
	}
	return doc.Content[0], nil
}

var (
	yamlLine   = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	yamlAnchor = regexp.MustCompile(`^yaml: unknown anchor '(.*)' referenced$`)
)

// parserProblems are the messages of YAML's parser (as opposed to its
// scanner), whose line numbers go.yaml.in/yaml/v3 reports counting from 0.
func parserProblems() []string {
	return []string{
		"did not find expected <stream-start>",
		"did not find expected <document start>",
		"did not find expected node content",
		"did not find expected '-' indicator",
		"did not find expected key",
		"did not find expected ',' or ']'",
		"did not find expected ',' or '}'",
		"found undefined tag handle",
		"found duplicate %YAML directive",
		"found incompatible YAML document",
		"found duplicate %TAG directive",
	}
}

// yamlError turns a go.yaml.in/yaml/v3 syntax error into an *Error at the
// line it names (line 1 when it names none).
func yamlError(path string, data []byte, err error) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	pos := report.Position{File: path, Line: 1}
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		msg = m[2]
		pos.Line, _ = strconv.Atoi(m[1])
		for _, p := range parserProblems() {
			if msg == p {
				pos.Line++
			}
		}
	} else if m := yamlAnchor.FindStringSubmatch(err.Error()); m != nil {
		if i := bytes.Index(data, []byte("*"+m[1])); i >= 0 {
			pos.Line = len(splitLines(data[:i]))
		}
	}
	if strings.Contains(msg, "tab character") || msg == "found character that cannot start any token" {
		if line := tabIndented(data, pos.Line); line > 0 {
			pos.Line = line
			return &Error{Pos: pos, Err: err, Message: "invalid YAML: the line starts with a tab, and YAML indents with spaces only; replace the tab with spaces"}
		}
	}
	return &Error{Pos: pos, Err: err, Message: "invalid YAML: " + msg + "; check the indentation and quoting near this line"}
}

// tabIndented returns the first of the lines from to from+2 whose
// indentation holds a tab, or 0. YAML's tab errors name the line of the
// enclosing mapping, which may come before the tab.
func tabIndented(data []byte, from int) int {
	lines := splitLines(data)
	for n := max(from, 1); n <= from+2 && n <= len(lines); n++ {
		l := lines[n-1]
		if bytes.ContainsRune(l[:len(l)-len(bytes.TrimLeft(l, " \t"))], '\t') {
			return n
		}
	}
	return 0
}
