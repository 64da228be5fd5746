package lex

// scanner holds the state shared by every lexer.
type scanner struct {
	src  []byte
	pos  int
	toks []Token
	// depth counts nested interpolations, to bound recursion.
	depth int
}

// maxDepth bounds nested interpolations ("${`${`…`}`}"); deeper ones are
// lexed as plain string text.
const maxDepth = 32

func (s *scanner) emit(k Kind, start, end int) {
	s.toks = append(s.toks, Token{Kind: k, Start: start, End: end, ValStart: start, ValEnd: end})
}

func (s *scanner) emitString(k Kind, start, end, vstart, vend int) {
	if vend < vstart {
		vend = vstart
	}
	s.toks = append(s.toks, Token{Kind: k, Start: start, End: end, ValStart: vstart, ValEnd: vend})
}

func (s *scanner) peek(off int) byte {
	if i := s.pos + off; i < len(s.src) {
		return s.src[i]
	}
	return 0
}

func (s *scanner) hasPrefix(p string) bool {
	return len(s.src)-s.pos >= len(p) && string(s.src[s.pos:s.pos+len(p)]) == p
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// isIdentStart reports whether c may start an identifier; bytes of
// multi-byte UTF-8 characters count as letters.
func isIdentStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func isIdentPart(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// ident scans an identifier at s.pos (which must start one), plus extra
// trailing bytes allowed by extra, and emits it.
func (s *scanner) ident(start int, extra func(byte) bool) {
	for s.pos < len(s.src) && (isIdentPart(s.src[s.pos]) || extra != nil && extra(s.src[s.pos])) {
		s.pos++
	}
	s.emit(Ident, start, s.pos)
}

// number scans a numeric literal loosely: digits, letters, '.', '_', and a
// sign after an exponent.
func (s *scanner) number() {
	start := s.pos
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		switch {
		case isIdentPart(c) || c == '_':
			s.pos++
		case c == '.' && isDigit(s.peek(1)):
			s.pos++
		case (c == '+' || c == '-') && (s.src[s.pos-1] == 'e' || s.src[s.pos-1] == 'E' || s.src[s.pos-1] == 'p' || s.src[s.pos-1] == 'P') && !isHexPrefixed(s.src[start:s.pos]):
			s.pos++
		default:
			s.emit(Number, start, s.pos)
			return
		}
	}
	s.emit(Number, start, s.pos)
}

func isHexPrefixed(b []byte) bool {
	return len(b) > 1 && b[0] == '0' && (b[1] == 'x' || b[1] == 'X') && b[len(b)-1] != 'p' && b[len(b)-1] != 'P'
}

// lineComment scans to the end of the line (not including the newline).
func (s *scanner) lineComment() {
	start := s.pos
	for s.pos < len(s.src) && s.src[s.pos] != '\n' {
		s.pos++
	}
	s.emit(Comment, start, s.pos)
}

// blockComment scans a comment from open to close; nested comments count
// when nest is set (Kotlin, Swift). Unterminated runs to the end.
func (s *scanner) blockComment(open, close string, nest bool) {
	start := s.pos
	s.pos += len(open)
	level := 1
	for s.pos < len(s.src) {
		switch {
		case s.hasPrefix(close):
			s.pos += len(close)
			level--
			if level == 0 || !nest {
				s.emit(Comment, start, s.pos)
				return
			}
		case nest && s.hasPrefix(open):
			s.pos += len(open)
			level++
		default:
			s.pos++
		}
	}
	s.emit(Comment, start, s.pos)
}

// quoted scans a string from s.pos (at the opening quote) to the matching
// quote q, backslash escapes honoured when esc is set, and emits it as
// String. A string that reaches a newline ends there when stopAtNewline is
// set (unterminated single-line literals).
func (s *scanner) quoted(start int, q byte, esc, stopAtNewline bool) {
	s.pos++ // opening quote
	vstart := s.pos
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		switch {
		case c == '\\' && esc:
			s.pos += 2
			if s.pos > len(s.src) {
				s.pos = len(s.src)
			}
		case c == q:
			s.pos++
			s.emitString(String, start, s.pos, vstart, s.pos-1)
			return
		case c == '\n' && stopAtNewline:
			s.emitString(String, start, s.pos, vstart, s.pos)
			return
		default:
			s.pos++
		}
	}
	s.emitString(String, start, s.pos, vstart, s.pos)
}

// punct emits the longest operator of ops at s.pos, else one byte.
func (s *scanner) punct(ops []string) {
	if s.pos+1 >= len(s.src) || isSpace(s.src[s.pos+1]) || isIdentPart(s.src[s.pos+1]) {
		s.emit(Punct, s.pos, s.pos+1)
		s.pos++
		return
	}
	for _, op := range ops {
		if s.hasPrefix(op) {
			s.emit(Punct, s.pos, s.pos+len(op))
			s.pos += len(op)
			return
		}
	}
	s.emit(Punct, s.pos, s.pos+1)
	s.pos++
}

// commonOps are the multi-byte operators most languages share, longest
// first.
func commonOps() []string {
	return []string{"===", "!==", "**=", "<<=", ">>=", "||=", "&&=", "??=", "...", "->", "::", "?.", "=>", ":=", "==", "!=", "<=", ">=", "&&", "||", "??", "+=", "-=", "*=", "/=", ".=", "++", "--", "**", "<<", ">>", "!!"}
}

// lastSignificant returns the last non-comment token, or false.
func (s *scanner) lastSignificant() (Token, bool) {
	for i := len(s.toks) - 1; i >= 0; i-- {
		if s.toks[i].Kind != Comment {
			return s.toks[i], true
		}
	}
	return Token{}, false
}
