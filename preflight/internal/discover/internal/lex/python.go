package lex

// python lexes Python: # comments, string prefixes (r, b, u, f and their
// pairs, any case), single and triple quotes, f-strings with {code}.
func (s *scanner) python() { s.pythonLoop(false) }

func (s *scanner) pythonLoop(inBrace bool) {
	braces := 0
	ops := commonOps()
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		start := s.pos
		switch {
		case isSpace(c):
			s.pos++
		case c == '#':
			s.lineComment()
		case isIdentStart(c):
			if n, ok := s.stringPrefix(); ok {
				s.pythonString(start, s.src[start:start+n])
				continue
			}
			s.pos++
			s.ident(start, nil)
		case isDigit(c) || c == '.' && isDigit(s.peek(1)):
			s.number()
		case c == '"' || c == '\'':
			s.pythonString(start, nil)
		case c == '{':
			braces++
			s.punct(ops)
		case c == '}':
			if inBrace && braces == 0 {
				return
			}
			braces--
			s.punct(ops)
		default:
			s.punct(ops)
		}
	}
}

// stringPrefix reports whether a string prefix of one or two letters
// (r, b, u, f, t and pairs) followed by a quote starts at s.pos.
func (s *scanner) stringPrefix() (int, bool) {
	n := 0
	for n < 3 && s.pos+n < len(s.src) {
		switch s.src[s.pos+n] | 0x20 {
		case 'r', 'b', 'u', 'f', 't':
			n++
			continue
		}
		break
	}
	if n == 0 || n > 2 || s.pos+n >= len(s.src) {
		return 0, false
	}
	q := s.src[s.pos+n]
	return n, q == '"' || q == '\''
}

// pythonString scans a string literal whose prefix (possibly empty) is at
// s.pos.
func (s *scanner) pythonString(start int, prefix []byte) {
	raw, fmtd := false, false
	for _, p := range prefix {
		switch p | 0x20 {
		case 'r':
			raw = true
		case 'f', 't':
			fmtd = true
		}
	}
	s.pos = start + len(prefix)
	q := s.src[s.pos]
	closeQ := string(q)
	if s.pos+2 < len(s.src) && s.src[s.pos+1] == q && s.src[s.pos+2] == q {
		closeQ = string([]byte{q, q, q})
	}
	vstart := s.pos + len(closeQ)
	multiline := len(closeQ) == 3
	if fmtd {
		s.interp(start, vstart, closeQ, !raw, multiline, pyInterp, func() { s.pythonLoop(true) })
		return
	}
	s.pos = vstart
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		switch {
		case c == '\\':
			// Even raw strings cannot end in an odd backslash before a quote.
			s.pos = min(s.pos+2, len(s.src))
			continue
		case s.hasPrefix(closeQ):
			s.pos += len(closeQ)
			s.emitString(String, start, s.pos, vstart, s.pos-len(closeQ))
			return
		case c == '\n' && !multiline:
			s.emitString(String, start, s.pos, vstart, s.pos)
			return
		}
		s.pos++
	}
	s.emitString(String, start, s.pos, vstart, s.pos)
}
