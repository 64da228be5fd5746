package lex

// style says how interpolations open inside a string.
type style uint8

const (
	jsInterp         style = iota + 1 // ${code}
	kotlinInterp                      // ${code}, $name
	phpInterp                         // {$code}, ${name}, $name, $name->prop, $name[key]
	csInterp                          // {code}; {{ and }} are escapes
	csVerbatimInterp                  // like csInterp, and "" is an escaped quote
	pyInterp                          // {code}; {{ and }} are escapes
	rubyInterp                        // #{code}, #@ivar, #$global
)

// interpolated scans a C-like interpolated string; see interp.
func (s *scanner) interpolated(o options, start, vstart int, close string, multiline bool, st style) {
	esc := !(o.kotlin && close == `"""`)
	s.interp(start, vstart, close, esc, multiline, st, func() { s.clikeLoop(o, true) })
}

// interp scans a string whose contents start at vstart and end at close.
// Each interpolation splits it: the text before it (with the opener) is a
// StrHead or StrMid token, the interpolated code is lexed by code (which
// stops before an unmatched '}'), and the remainder starts a new piece at
// the closing brace. Without interpolation the whole is one String.
func (s *scanner) interp(start, vstart int, close string, esc, multiline bool, st style, code func()) {
	pieces := 0
	pieceStart := start
	s.pos = vstart
	finish := func(end, vend int) {
		kind := String
		if pieces > 0 {
			kind = StrTail
		}
		s.emitString(kind, pieceStart, end, vstart, vend)
	}
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		if esc && c == '\\' {
			s.pos = min(s.pos+2, len(s.src))
			continue
		}
		if st == csVerbatimInterp && s.hasPrefix(`""`) {
			s.pos += 2
			continue
		}
		if s.hasPrefix(close) {
			s.pos += len(close)
			finish(s.pos, s.pos-len(close))
			return
		}
		if c == '\n' && !multiline {
			finish(s.pos, s.pos)
			return
		}
		n, simple, skip := s.opens(st)
		if skip > 0 {
			s.pos += skip
			continue
		}
		if n == 0 && !simple || s.depth >= maxDepth {
			s.pos++
			continue
		}
		kind := StrHead
		if pieces > 0 {
			kind = StrMid
		}
		s.emitString(kind, pieceStart, s.pos+n, vstart, s.pos)
		pieces++
		s.pos += n
		s.depth++
		if simple {
			s.simpleInterp(st)
			pieceStart = s.pos
		} else {
			code()
			pieceStart = s.pos
			if s.pos < len(s.src) && s.src[s.pos] == '}' {
				s.pos++
			}
		}
		s.depth--
		vstart = s.pos
	}
	finish(s.pos, s.pos)
}

// opens reports whether an interpolation opens at s.pos: the length of its
// opener and whether it is a simple one (a bare name), or the number of
// bytes of an escape to skip.
func (s *scanner) opens(st style) (n int, simple bool, skip int) {
	c := s.src[s.pos]
	switch st {
	case jsInterp:
		if c == '$' && s.peek(1) == '{' {
			return 2, false, 0
		}
	case kotlinInterp:
		if c == '$' && s.peek(1) == '{' {
			return 2, false, 0
		}
		if c == '$' && isIdentStart(s.peek(1)) {
			return 1, true, 0
		}
	case phpInterp:
		switch {
		case c == '{' && s.peek(1) == '$':
			return 1, false, 0
		case c == '$' && s.peek(1) == '{':
			return 2, false, 0
		case c == '$' && isIdentStart(s.peek(1)):
			return 0, true, 0 // the '$' belongs to the variable token
		}
	case csInterp, csVerbatimInterp, pyInterp:
		if (c == '{' || c == '}') && s.peek(1) == c {
			return 0, false, 2
		}
		if c == '{' {
			return 1, false, 0
		}
	case rubyInterp:
		if c == '#' && s.peek(1) == '{' {
			return 2, false, 0
		}
		if c == '#' && (s.peek(1) == '@' || s.peek(1) == '$') && isIdentStart(s.peek(2)) {
			return 1, true, 0
		}
		if c == '#' && s.peek(1) == '@' && s.peek(2) == '@' && isIdentStart(s.peek(3)) {
			return 1, true, 0
		}
	}
	return 0, false, 0
}

// simpleInterp lexes a bare interpolated name: Kotlin "$name", PHP "$name"
// (plus "->prop" or "[key]"), Ruby "#@ivar".
func (s *scanner) simpleInterp(st style) {
	start := s.pos
	switch st {
	case phpInterp:
		s.pos++ // '$'
		s.ident(start, nil)
		if s.hasPrefix("->") && isIdentStart(s.peek(2)) {
			s.emit(Punct, s.pos, s.pos+2)
			s.pos += 2
			s.ident(s.pos, nil)
		} else if s.peek(0) == '[' {
			s.emit(Punct, s.pos, s.pos+1)
			s.pos++
			ks := s.pos
			for s.pos < len(s.src) && s.src[s.pos] != ']' && s.src[s.pos] != '"' && s.src[s.pos] != '\n' {
				s.pos++
			}
			if s.pos > ks {
				s.emit(Ident, ks, s.pos)
			}
			if s.peek(0) == ']' {
				s.emit(Punct, s.pos, s.pos+1)
				s.pos++
			}
		}
	case rubyInterp:
		for s.pos < len(s.src) && (s.src[s.pos] == '@' || s.src[s.pos] == '$') {
			s.pos++
		}
		s.ident(start, nil)
	default:
		s.ident(start, nil)
	}
}
