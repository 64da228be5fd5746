package lex

import (
	"bytes"
	"unicode/utf8"
)

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	// Ident is an identifier or keyword, with its sigil where the language
	// has one ("$api" in PHP, "@api", "@@x", "$g" in Ruby).
	Ident Kind = iota + 1
	// Number is a numeric literal.
	Number
	// String is a whole string, character or regular-expression literal
	// without interpolation.
	String
	// StrHead is the first piece of an interpolated string, up to the
	// first interpolation: "`/p/" of "`/p/${id}/r`".
	StrHead
	// StrMid is a piece between two interpolations.
	StrMid
	// StrTail is the last piece, after the last interpolation.
	StrTail
	// Punct is an operator or punctuation, longest match of a fixed set
	// ("->", "::", "?.", "=>", ":=", "==", …) else one byte.
	Punct
	// Comment is a comment, including its delimiters.
	Comment
	// Text is text that is not code: PHP's inline HTML outside <?php … ?>,
	// Ruby's data after __END__.
	Text
)

// IsString reports whether k is a string literal or a piece of one.
func (k Kind) IsString() bool { return k >= String && k <= StrTail }

// Token is one token of a source file.
type Token struct {
	Kind Kind
	// Start and End are byte offsets of the token in the source, End
	// exclusive.
	Start, End int
	// ValStart and ValEnd delimit a string's contents (without prefix,
	// quotes, interpolation braces or heredoc markers); for other kinds
	// they equal Start and End.
	ValStart, ValEnd int
	// Line and Col are the 1-based position of Start; Col counts
	// characters (UTF-8 code points), not bytes.
	Line, Col int
}

// Text returns the token's bytes in src.
func (t Token) Text(src []byte) []byte { return src[t.Start:t.End] }

// Value returns a string token's contents (raw, escapes not decoded).
func (t Token) Value(src []byte) []byte { return src[t.ValStart:t.ValEnd] }

// Is reports whether the token is punctuation or an identifier spelled s.
func (t Token) Is(src []byte, s string) bool {
	return (t.Kind == Punct || t.Kind == Ident) && t.End-t.Start == len(s) && string(src[t.Start:t.End]) == s
}

// Lang names a lexer.
type Lang uint8

// Languages with a lexer.
const (
	JavaScript Lang = iota + 1 // also TypeScript, JSX, TSX
	Python
	PHP
	CSharp
	Java
	Kotlin
	Go
	Ruby
)

// Tokenize returns the tokens of src in lang, comments included, with
// positions set. An unknown lang yields nil.
func Tokenize(lang Lang, src []byte) []Token {
	s := &scanner{src: src, toks: make([]Token, 0, len(src)/6+4)}
	switch lang {
	case JavaScript:
		s.clike(jsOptions())
	case CSharp:
		s.clike(csOptions())
	case Java:
		s.clike(javaOptions())
	case Kotlin:
		s.clike(kotlinOptions())
	case Go:
		s.clike(goOptions())
	case PHP:
		s.php()
	case Python:
		s.python()
	case Ruby:
		s.ruby()
	default:
		return nil
	}
	setPositions(src, s.toks)
	return s.toks
}

// setPositions fills Line and Col, walking the source once.
func setPositions(src []byte, toks []Token) {
	line, lineStart, pos := 1, 0, 0
	for i := range toks {
		st := toks[i].Start
		if st > pos {
			chunk := src[pos:st]
			if n := bytes.Count(chunk, []byte("\n")); n > 0 {
				line += n
				lineStart = pos + bytes.LastIndexByte(chunk, '\n') + 1
			}
			pos = st
		}
		toks[i].Line = line
		toks[i].Col = utf8.RuneCount(src[lineStart:st]) + 1
	}
}
