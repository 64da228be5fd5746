package lex

// heredoc is a Ruby heredoc whose body starts on the next line.
type heredoc struct {
	id          string
	indented    bool // <<~ or <<-: the terminator may be indented
	interpolate bool
}

// ruby lexes Ruby: # comments, =begin/=end, __END__, sigils, symbols,
// strings with #{code}, %-literals, heredocs and regular expressions.
func (s *scanner) ruby() {
	var pending []heredoc
	s.rubyLoop(false, &pending)
}

func (s *scanner) rubyLoop(inBrace bool, pending *[]heredoc) {
	braces := 0
	ops := commonOps()
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		start := s.pos
		atLineStart := start == 0 || s.src[start-1] == '\n'
		switch {
		case c == '\n':
			s.pos++
			if len(*pending) > 0 {
				s.heredocBodies(*pending)
				*pending = (*pending)[:0]
			}
		case isSpace(c):
			s.pos++
		case c == '#':
			s.lineComment()
		case atLineStart && s.hasPrefix("=begin") && (len(s.src) == s.pos+6 || isSpace(s.src[s.pos+6])):
			s.rubyBlockComment()
		case atLineStart && s.hasPrefix("__END__") && (len(s.src) == s.pos+7 || s.src[s.pos+7] == '\n' || s.src[s.pos+7] == '\r'):
			s.emit(Text, start, len(s.src))
			s.pos = len(s.src)
		case c == '@' || c == '$' && (isIdentStart(s.peek(1)) || isDigit(s.peek(1))):
			for s.pos < len(s.src) && (s.src[s.pos] == '@' || s.src[s.pos] == '$') {
				s.pos++
			}
			s.ident(start, nil)
		case c == '$' && s.pos+1 < len(s.src) && !isSpace(s.src[s.pos+1]):
			s.pos += 2 // special globals: $!, $~, $:, …
			s.emit(Ident, start, s.pos)
		case isIdentStart(c):
			s.pos++
			s.rubyIdent(start)
		case isDigit(c):
			s.number()
		case c == ':' && s.peek(1) == '"':
			s.pos++
			s.interp(start, s.pos+1, `"`, true, true, rubyInterp, s.rubyCode(pending))
		case c == ':' && isIdentStart(s.peek(1)) && !s.prevIsIdentChar():
			s.pos++
			s.rubyIdent(start)
			s.toks[len(s.toks)-1].Kind = String
			s.toks[len(s.toks)-1].ValStart = start + 1
		case c == '"' || c == '`':
			s.interp(start, s.pos+1, string(c), true, true, rubyInterp, s.rubyCode(pending))
		case c == '\'':
			s.quoted(start, '\'', true, false)
		case c == '%' && s.percentLiteral(pending):
		case c == '<' && s.heredocOpener(pending):
		case c == '/' && s.regexAllowed():
			s.rubyRegex(start)
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

// rubyCode returns the lexer for interpolated code.
func (s *scanner) rubyCode(pending *[]heredoc) func() {
	return func() { s.rubyLoop(true, pending) }
}

// rubyIdent scans the rest of an identifier; a method name may end in '?'
// or '!' (not before '=', which makes "!=" or "?=").
func (s *scanner) rubyIdent(start int) {
	for s.pos < len(s.src) && isIdentPart(s.src[s.pos]) {
		s.pos++
	}
	if c := s.peek(0); (c == '?' || c == '!') && s.peek(1) != '=' && s.peek(1) != ':' {
		s.pos++
	}
	s.emit(Ident, start, s.pos)
}

func (s *scanner) prevIsIdentChar() bool {
	if s.pos == 0 {
		return false
	}
	c := s.src[s.pos-1]
	return isIdentPart(c) || c == ':' || c == ')' || c == ']'
}

// rubyBlockComment scans =begin … =end (both at the start of a line).
func (s *scanner) rubyBlockComment() {
	start := s.pos
	for s.pos < len(s.src) {
		nl := indexByteFrom(s.src, s.pos, '\n')
		if nl < 0 {
			break
		}
		s.pos = nl + 1
		if s.hasPrefix("=end") && (len(s.src) == s.pos+4 || isSpace(s.src[s.pos+4])) {
			s.pos += 4
			for s.pos < len(s.src) && s.src[s.pos] != '\n' {
				s.pos++
			}
			s.emit(Comment, start, s.pos)
			return
		}
	}
	s.pos = len(s.src)
	s.emit(Comment, start, s.pos)
}

// rubyRegex scans /…/flags with #{code}.
func (s *scanner) rubyRegex(start int) {
	s.pos++
	vstart := s.pos
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		switch {
		case c == '\\':
			s.pos = min(s.pos+2, len(s.src))
			continue
		case c == '/':
			end := s.pos
			s.pos++
			for s.pos < len(s.src) && isIdentPart(s.src[s.pos]) {
				s.pos++
			}
			s.emitString(String, start, s.pos, vstart, end)
			return
		case c == '\n':
			s.emitString(String, start, s.pos, vstart, s.pos)
			return
		}
		s.pos++
	}
	s.emitString(String, start, s.pos, vstart, s.pos)
}

// percentLiteral scans %w[…], %i(…), %q{…}, %Q<…>, %(…), %r{…}, %x(…) and
// the like. It reports false, consuming nothing, when '%' is the modulo
// operator.
func (s *scanner) percentLiteral(pending *[]heredoc) bool {
	start := s.pos
	i := s.pos + 1
	kind := byte('Q')
	if i < len(s.src) && isIdentStart(s.src[i]) {
		switch s.src[i] {
		case 'w', 'W', 'i', 'I', 'q', 'Q', 'r', 's', 'x':
			kind = s.src[i]
			i++
		default:
			return false
		}
	} else if t, ok := s.lastSignificant(); ok && (t.Kind == Ident || t.Kind == Number || t.Kind.IsString() || t.Kind == Punct && (s.src[t.End-1] == ')' || s.src[t.End-1] == ']')) {
		return false // a % b
	}
	if i >= len(s.src) {
		return false
	}
	open := s.src[i]
	if isIdentPart(open) || isSpace(open) {
		return false
	}
	closeB := open
	switch open {
	case '(':
		closeB = ')'
	case '[':
		closeB = ']'
	case '{':
		closeB = '}'
	case '<':
		closeB = '>'
	}
	s.pos = i + 1
	vstart := s.pos
	interpolate := kind == 'Q' || kind == 'W' || kind == 'I' || kind == 'r' || kind == 'x'
	depth := 0
	pieces := 0
	pieceStart := start
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		switch {
		case c == '\\':
			s.pos = min(s.pos+2, len(s.src))
			continue
		case interpolate && c == '#' && s.peek(1) == '{' && s.depth < maxDepth:
			kindTok := StrHead
			if pieces > 0 {
				kindTok = StrMid
			}
			s.emitString(kindTok, pieceStart, s.pos+2, vstart, s.pos)
			pieces++
			s.pos += 2
			s.depth++
			s.rubyLoop(true, pending)
			s.depth--
			pieceStart = s.pos
			if s.pos < len(s.src) {
				s.pos++
			}
			vstart = s.pos
			continue
		case c == open && open != closeB:
			depth++
		case c == closeB:
			if depth == 0 {
				s.pos++
				for kind == 'r' && s.pos < len(s.src) && isIdentPart(s.src[s.pos]) {
					s.pos++
				}
				k := String
				if pieces > 0 {
					k = StrTail
				}
				s.emitString(k, pieceStart, s.pos, vstart, s.pos-1)
				return true
			}
			depth--
		}
		s.pos++
	}
	k := String
	if pieces > 0 {
		k = StrTail
	}
	s.emitString(k, pieceStart, s.pos, vstart, s.pos)
	return true
}

// heredocOpener scans <<~ID, <<-ID, <<ID, with ID optionally quoted, and
// queues its body for the end of the line. It reports false, consuming
// nothing, for the << operator.
func (s *scanner) heredocOpener(pending *[]heredoc) bool {
	if !s.hasPrefix("<<") {
		return false
	}
	i := s.pos + 2
	h := heredoc{interpolate: true}
	if i < len(s.src) && (s.src[i] == '~' || s.src[i] == '-') {
		h.indented = true
		i++
	}
	quote := byte(0)
	if i < len(s.src) && (s.src[i] == '\'' || s.src[i] == '"' || s.src[i] == '`') {
		quote = s.src[i]
		h.interpolate = quote != '\''
		i++
	}
	idStart := i
	for i < len(s.src) && isIdentPart(s.src[i]) {
		i++
	}
	if i == idStart || !isIdentStart(s.src[idStart]) {
		return false
	}
	if quote == 0 && !h.indented && !(s.src[idStart] >= 'A' && s.src[idStart] <= 'Z') {
		return false // a << b
	}
	h.id = string(s.src[idStart:i])
	if quote != 0 {
		if i >= len(s.src) || s.src[i] != quote {
			return false
		}
		i++
	}
	if t, ok := s.lastSignificant(); ok && quote == 0 && !h.indented && (t.Kind == Ident || t.Kind == Number) {
		return false // x <<CONST
	}
	s.emitString(String, s.pos, i, i, i)
	s.pos = i
	*pending = append(*pending, h)
	return true
}

// heredocBodies scans the bodies of the queued heredocs, which start at
// s.pos (the beginning of a line).
func (s *scanner) heredocBodies(hs []heredoc) {
	for _, h := range hs {
		if s.pos >= len(s.src) {
			return
		}
		bodyStart := s.pos
		end, bodyEnd := s.rubyHeredocEnd(bodyStart, h)
		if !h.interpolate {
			s.emitString(String, bodyStart, end, bodyStart, bodyEnd)
			s.pos = end
			continue
		}
		var inner []heredoc
		sub := &scanner{src: s.src[:bodyEnd], pos: bodyStart, toks: s.toks, depth: s.depth}
		sub.interp(bodyStart, bodyStart, "\x00never", true, true, rubyInterp, func() { sub.rubyLoop(true, &inner) })
		s.toks = sub.toks
		s.toks[len(s.toks)-1].End = end
		s.pos = end
	}
}

// rubyHeredocEnd finds the terminator line of h from from: the offset
// past the terminator and the offset where its line starts.
func (s *scanner) rubyHeredocEnd(from int, h heredoc) (end, bodyEnd int) {
	lineStart := from
	for lineStart < len(s.src) {
		j := lineStart
		if h.indented {
			for j < len(s.src) && (s.src[j] == ' ' || s.src[j] == '\t') {
				j++
			}
		}
		k := j + len(h.id)
		if k <= len(s.src) && string(s.src[j:k]) == h.id && (k == len(s.src) || s.src[k] == '\n' || s.src[k] == '\r') {
			return k, lineStart
		}
		nl := indexByteFrom(s.src, lineStart, '\n')
		if nl < 0 {
			break
		}
		lineStart = nl + 1
	}
	return len(s.src), len(s.src)
}
