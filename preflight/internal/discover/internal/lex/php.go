package lex

// php lexes a PHP file: inline text until "<?php", "<?=" or "<?", code
// until "?>", and so on.
func (s *scanner) php() { s.clike(phpOptions()) }

// phpText scans inline text (HTML) up to and including the next PHP open
// tag, emitting it as Text and the tag as Punct.
func (s *scanner) phpText() {
	start := s.pos
	for s.pos < len(s.src) {
		if s.hasPrefix("<?") {
			if s.pos > start {
				s.emit(Text, start, s.pos)
			}
			n := 2
			switch {
			case s.hasPrefix("<?php"):
				n = 5
			case s.hasPrefix("<?="):
				n = 3
			}
			s.emit(Punct, s.pos, s.pos+n)
			s.pos += n
			return
		}
		s.pos++
	}
	if s.pos > start {
		s.emit(Text, start, s.pos)
	}
}

// phpLineComment scans a // or # comment, which ends at a newline or
// before "?>".
func (s *scanner) phpLineComment() {
	start := s.pos
	for s.pos < len(s.src) && s.src[s.pos] != '\n' && !s.hasPrefix("?>") {
		s.pos++
	}
	s.emit(Comment, start, s.pos)
}

// heredocPHP scans <<<ID, <<<"ID" (both interpolated) or <<<'ID'
// (nowdoc) and the body up to the closing identifier, which may be
// indented and followed by anything but an identifier character. A "<<<"
// not followed by an identifier is punctuation.
func (s *scanner) heredocPHP(o options) {
	start := s.pos
	i := s.pos + 3
	for i < len(s.src) && (s.src[i] == ' ' || s.src[i] == '\t') {
		i++
	}
	quote := byte(0)
	if i < len(s.src) && (s.src[i] == '\'' || s.src[i] == '"') {
		quote = s.src[i]
		i++
	}
	idStart := i
	for i < len(s.src) && isIdentPart(s.src[i]) {
		i++
	}
	id := string(s.src[idStart:i])
	if id == "" || !isIdentStart(id[0]) {
		s.punct(o.ops)
		return
	}
	if quote != 0 {
		if i >= len(s.src) || s.src[i] != quote {
			s.punct(o.ops)
			return
		}
		i++
	}
	// The body starts after the end of this line.
	for i < len(s.src) && s.src[i] != '\n' {
		i++
	}
	if i < len(s.src) {
		i++
	}
	bodyStart := i
	end, vend := findHeredocEnd(s.src, bodyStart, id)
	if quote == '\'' {
		s.pos = end
		s.emitString(String, start, end, bodyStart, vend)
		return
	}
	// Interpolated: lex the body up to vend, then the terminator.
	sub := &scanner{src: s.src[:vend], pos: bodyStart, toks: s.toks, depth: s.depth}
	sub.interp(start, bodyStart, "\x00never", true, true, phpInterp, func() { sub.clikeLoop(o, true) })
	s.toks = sub.toks
	last := &s.toks[len(s.toks)-1]
	last.End = end
	s.pos = end
}

// findHeredocEnd finds the line, at or after from, that holds id alone
// after optional indentation (followed by a non-identifier byte). It
// returns the offset just past id and the offset where that line starts
// (the end of the body); without one, both are len(src).
func findHeredocEnd(src []byte, from int, id string) (end, bodyEnd int) {
	lineStart := from
	for lineStart <= len(src) {
		j := lineStart
		for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
			j++
		}
		if len(src)-j >= len(id) && string(src[j:j+len(id)]) == id && (j+len(id) == len(src) || !isIdentPart(src[j+len(id)])) {
			return j + len(id), lineStart
		}
		nl := indexByteFrom(src, lineStart, '\n')
		if nl < 0 {
			break
		}
		lineStart = nl + 1
	}
	return len(src), len(src)
}

func indexByteFrom(b []byte, from int, c byte) int {
	for i := from; i < len(b); i++ {
		if b[i] == c {
			return i
		}
	}
	return -1
}
