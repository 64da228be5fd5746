package lex

// csharpString scans a C# string that starts with '@' or '$' at s.pos:
// @"verbatim", $"interpolated", $@"…" / @$"…", and $"""raw""" strings. It
// reports false, consuming nothing, when none starts here.
func (s *scanner) csharpString(o options) bool {
	start := s.pos
	i := s.pos
	dollars, at := 0, false
	for i < len(s.src) && (s.src[i] == '$' || s.src[i] == '@') {
		if s.src[i] == '$' {
			dollars++
		} else {
			if at {
				return false
			}
			at = true
		}
		i++
	}
	if i >= len(s.src) || s.src[i] != '"' || (at && dollars > 1) {
		return false
	}
	s.pos = i
	code := func() { s.clikeLoop(o, true) }
	switch {
	case !at && s.hasPrefix(`"""`):
		s.csharpRaw(o, start, dollars)
	case at && dollars == 0:
		s.verbatim(start)
	case at:
		s.interp(start, s.pos+1, `"`, false, true, csVerbatimInterp, code)
	default:
		s.interp(start, s.pos+1, `"`, true, false, csInterp, code)
	}
	return true
}

// verbatim scans @"…" where "" is an escaped quote.
func (s *scanner) verbatim(start int) {
	s.pos++ // opening quote
	vstart := s.pos
	for s.pos < len(s.src) {
		if s.src[s.pos] == '"' {
			if s.peek(1) == '"' {
				s.pos += 2
				continue
			}
			s.pos++
			s.emitString(String, start, s.pos, vstart, s.pos-1)
			return
		}
		s.pos++
	}
	s.emitString(String, start, s.pos, vstart, s.pos)
}

// csharpRaw scans a raw string literal of three or more quotes at s.pos,
// interpolated when dollars is 1 (with dollars > 1 the braces that open an
// interpolation are doubled; such strings are kept whole).
func (s *scanner) csharpRaw(o options, start, dollars int) {
	n := 0
	for s.pos+n < len(s.src) && s.src[s.pos+n] == '"' {
		n++
	}
	closeQ := string(s.src[s.pos : s.pos+n])
	vstart := s.pos + n
	if dollars == 1 {
		s.interp(start, vstart, closeQ, false, true, csInterp, func() { s.clikeLoop(o, true) })
		return
	}
	s.delimited(start, vstart, closeQ, false)
}
