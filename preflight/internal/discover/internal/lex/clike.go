package lex

// options select the features of one C-like language.
type options struct {
	dollarIdent  bool // '$' may start and continue identifiers (JS, Java)
	regex        bool // '/' may start a regular expression literal (JS)
	template     bool // `…${x}…` template literals (JS)
	backtickRaw  bool // `…` raw strings (Go)
	backtickName bool // `…` quoted identifiers (Kotlin)
	textBlocks   bool // """…""" strings with escapes (Java)
	kotlin       bool // "$x", "${x}", raw """…""" with templates; nested /* */
	csharp       bool // @"…", $"…{x}…", $@"…", """raw""", @identifier
	php          bool // <?php … ?>, # comments, $vars, "…$x…", heredoc, nowdoc
	ops          []string
}

func jsOptions() options {
	return options{dollarIdent: true, regex: true, template: true, ops: commonOps()}
}
func javaOptions() options   { return options{dollarIdent: true, textBlocks: true, ops: commonOps()} }
func kotlinOptions() options { return options{backtickName: true, kotlin: true, ops: commonOps()} }
func csOptions() options     { return options{csharp: true, ops: commonOps()} }
func goOptions() options     { return options{backtickRaw: true, ops: commonOps()} }
func phpOptions() options {
	return options{php: true, ops: append([]string{"?->"}, commonOps()...)}
}

func (s *scanner) clike(o options) {
	if o.php {
		s.phpText()
	}
	s.clikeLoop(o, false)
}

// clikeLoop lexes code until the end of the input or, when inBrace is set,
// until an unmatched '}' (left unconsumed: it closes an interpolation).
func (s *scanner) clikeLoop(o options, inBrace bool) {
	braces := 0
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		start := s.pos
		switch {
		case isSpace(c):
			s.pos++
		case c == '/' && s.peek(1) == '/':
			if o.php {
				s.phpLineComment()
			} else {
				s.lineComment()
			}
		case c == '/' && s.peek(1) == '*':
			s.blockComment("/*", "*/", o.kotlin)
		case o.php && c == '#' && s.peek(1) != '[':
			s.phpLineComment()
		case o.php && c == '?' && s.peek(1) == '>':
			s.pos += 2
			s.emit(Punct, start, s.pos)
			s.phpText()
		case o.php && c == '$' && isIdentStart(s.peek(1)):
			s.pos++
			s.ident(start, nil)
		case o.php && c == '<' && s.hasPrefix("<<<"):
			s.heredocPHP(o)
		case o.csharp && (c == '@' || c == '$') && s.csharpString(o):
		case o.csharp && c == '@' && isIdentStart(s.peek(1)):
			s.pos++
			s.ident(start, nil)
		case isIdentStart(c) || o.dollarIdent && c == '$':
			s.pos++
			if o.dollarIdent {
				s.ident(start, func(b byte) bool { return b == '$' })
			} else {
				s.ident(start, nil)
			}
		case isDigit(c) || c == '.' && isDigit(s.peek(1)):
			s.number()
		case c == '"':
			switch {
			case (o.textBlocks || o.kotlin || o.csharp) && s.hasPrefix(`"""`):
				if o.kotlin {
					s.interpolated(o, start, s.pos+3, `"""`, false, kotlinInterp)
				} else if o.csharp {
					s.csharpRaw(o, start, 0)
				} else {
					s.delimited(start, s.pos+3, `"""`, true)
				}
			case o.kotlin:
				s.interpolated(o, start, s.pos+1, `"`, true, kotlinInterp)
			case o.php:
				s.interpolated(o, start, s.pos+1, `"`, true, phpInterp)
			default:
				s.quoted(start, '"', true, true)
			}
		case c == '\'':
			if o.php {
				s.quoted(start, '\'', true, false)
			} else {
				s.quoted(start, '\'', true, true)
			}
		case c == '`' && o.template:
			s.interpolated(o, start, s.pos+1, "`", true, jsInterp)
		case c == '`' && o.backtickRaw:
			s.delimited(start, s.pos+1, "`", false)
		case c == '`' && o.backtickName:
			s.quoted(start, '`', false, true)
			s.toks[len(s.toks)-1].Kind = Ident
		case c == '/' && o.regex && s.regexAllowed():
			s.regexLiteral()
		case c == '{':
			braces++
			s.punct(o.ops)
		case c == '}':
			if inBrace && braces == 0 {
				return
			}
			braces--
			s.punct(o.ops)
		default:
			s.punct(o.ops)
		}
	}
}

// delimited scans a string whose contents start at vstart and end at the
// closing delimiter close, with backslash escapes when esc is set.
func (s *scanner) delimited(start, vstart int, close string, esc bool) {
	s.pos = vstart
	for s.pos < len(s.src) {
		switch {
		case esc && s.src[s.pos] == '\\':
			s.pos = min(s.pos+2, len(s.src))
		case s.hasPrefix(close):
			s.pos += len(close)
			s.emitString(String, start, s.pos, vstart, s.pos-len(close))
			return
		default:
			s.pos++
		}
	}
	s.emitString(String, start, s.pos, vstart, s.pos)
}

// regexAllowed reports whether a '/' here starts a regular expression
// rather than a division: at the start, after an operator or opening
// punctuation, or after a keyword that precedes an expression.
func (s *scanner) regexAllowed() bool {
	t, ok := s.lastSignificant()
	if !ok {
		return true
	}
	switch t.Kind {
	case Number, String, StrTail:
		return false
	case Ident:
		switch string(s.src[t.Start:t.End]) {
		case "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await":
			return true
		}
		return false
	case Punct:
		switch s.src[t.End-1] {
		case ')', ']', '}':
			return false
		}
		return !(t.End-t.Start == 2 && (string(s.src[t.Start:t.End]) == "++" || string(s.src[t.Start:t.End]) == "--"))
	}
	return true
}

// regexLiteral scans /…/flags, honouring escapes and [classes]. A regex
// that reaches a newline ends there.
func (s *scanner) regexLiteral() {
	start := s.pos
	s.pos++
	inClass := false
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		switch {
		case c == '\\':
			s.pos = min(s.pos+2, len(s.src))
			continue
		case c == '\n':
			s.emitString(String, start, s.pos, start+1, s.pos)
			return
		case c == '[':
			inClass = true
		case c == ']':
			inClass = false
		case c == '/' && !inClass:
			end := s.pos
			s.pos++
			for s.pos < len(s.src) && isIdentPart(s.src[s.pos]) {
				s.pos++
			}
			s.emitString(String, start, s.pos, start+1, end)
			return
		}
		s.pos++
	}
	s.emitString(String, start, s.pos, start+1, s.pos)
}
