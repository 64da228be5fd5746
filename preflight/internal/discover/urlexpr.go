package discover

import (
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/discover/internal/lex"
)

// urlExpr evaluates the expression at token i as a URL: literals,
// interpolations, concatenation, format calls (fmt.Sprintf, String.format,
// str.format, %, sprintf, format), joins (url.JoinPath, urljoin, URI.join,
// new URL(path, base)), wrappers (URI.create, URI(…), new Uri(…)) and
// names bound to URLs. It returns the URL (absolute on a Checkout.com
// host, or a path starting with "/", or relative when rel is set), the
// index after the expression, and whether it is one.
func (a *analyzer) urlExpr(i int) (urlValue, int, bool) {
	a.bound = urlValue{tok: -1}
	text, tok, end, ok := a.urlText(i, 0)
	if !ok {
		return urlValue{}, end, false
	}
	u, end, ok := a.classify(text, tok, end)
	if ok && tok < 0 && a.bound.line > 0 {
		// Only a name: report where its literal is.
		u.file, u.line, u.col = a.bound.file, a.bound.line, a.bound.col
	}
	return u, end, ok
}

// classify turns the text of a URL expression into a urlValue.
func (a *analyzer) classify(text string, tok, end int) (urlValue, int, bool) {
	u := urlValue{tok: tok, file: a.f.path}
	if tok >= 0 {
		u.line, u.col = a.f.toks[tok].Line, a.f.toks[tok].Col
	}
	if strings.HasPrefix(text, "\x01") { // a base read from a setting
		u.host, u.fromSetting = "api", true
		u.path = cleanPath(strings.TrimPrefix(text, "\x01"))
		return u, end, true
	}
	if host, p, ok := parseCheckoutURL(text); ok {
		u.host, u.path = host, p
		return u, end, true
	}
	if strings.HasPrefix(text, "/") && len(text) > 1 && !strings.HasPrefix(text, "//") && !strings.ContainsAny(text, " \n") {
		u.path = cleanPath(text)
		return u, end, true
	}
	return urlValue{}, end, false
}

// urlText evaluates the concatenation at i to text (holes for unknown
// parts) and the first string literal token in it (-1 for none).
func (a *analyzer) urlText(i, depth int) (text string, tok, end int, ok bool) {
	if depth > 8 || i >= len(a.f.toks) {
		return "", -1, i, false
	}
	var b strings.Builder
	tok = -1
	known := false
	for {
		t, lt, next, k := a.urlOperand(i, depth)
		if !k {
			if b.Len() == 0 {
				// cond ? A : B, A || B, A ?? B, A or B: the alternative.
				if a.is(next, "?") || a.is(next, "||") || a.is(next, "??") || a.is(next, "or") || a.is(next, "?:") {
					return a.urlText(next+1, depth+1)
				}
				// env === 'production' ? A : B
				if q := a.ternaryAfter(next); q > 0 {
					return a.urlText(q+1, depth+1)
				}
				return "", -1, next, false
			}
			b.WriteString(hole)
		} else {
			known = true
			b.WriteString(t)
			if tok < 0 {
				tok = lt
			}
		}
		i = next
		if a.isConcat(i) {
			i++
			continue
		}
		break
	}
	// Python and Ruby: "…%s…" % (args)
	if a.is(i, "%") && a.f.lang.is("python", "ruby") && known {
		args, next := a.formatArgs(i + 1)
		return substitute(b.String(), args), tok, next, true
	}
	// Ternaries and defaults: cond ? A : B, A || B, A ?? B, A or B.
	if !known || strings.Count(b.String(), hole) == len(b.String()) {
		if a.is(i, "?") || a.is(i, "||") || a.is(i, "??") || a.is(i, "or") || a.is(i, "?:") {
			return a.urlText(i+1, depth+1)
		}
	}
	if a.is(i, "if") && a.f.lang.is("python") {
		// A if cond else B: keep A, skip the rest.
		for j := i; j < len(a.f.toks) && j < i+40; j++ {
			if a.is(j, "else") {
				_, _, e, _ := a.urlText(j+1, depth+1)
				return b.String(), tok, e, known
			}
		}
	}
	return b.String(), tok, i, known
}

// ternaryAfter returns the index of the "?" of a ternary whose condition
// continues at i (a comparison), or -1.
func (a *analyzer) ternaryAfter(i int) int {
	for k := i; k < len(a.f.toks) && k < i+12; k++ {
		switch {
		case a.is(k, "?"):
			return k
		case a.is(k, ";") || a.is(k, ",") || a.is(k, ")") || a.is(k, "}") || a.is(k, "="):
			return -1
		case a.is(k, "("):
			k = a.skipGroup(k) - 1
		}
	}
	return -1
}

// isConcat reports whether token i joins strings: "+" everywhere, "." in
// PHP, "<<" in Ruby.
func (a *analyzer) isConcat(i int) bool {
	return a.is(i, "+") || a.f.lang.sdk == "php" && a.is(i, ".")
}

// urlOperand evaluates one operand of a concatenation.
func (a *analyzer) urlOperand(i, depth int) (text string, tok, end int, ok bool) {
	if i >= len(a.f.toks) {
		return "", -1, i, false
	}
	t := a.f.toks[i]
	switch {
	case t.Kind == lex.String:
		s := string(t.Value(a.f.src))
		// "…".format(args)
		if a.is(i+1, ".") && a.is(i+2, "format") && a.is(i+3, "(") {
			args, next := a.formatArgs(i + 3)
			return substitute(s, args), i, next, true
		}
		return s, i, i + 1, true
	case t.Kind == lex.StrHead:
		return a.interpolation(i, depth)
	case a.is(i, "("):
		s, tk, e, ok := a.urlText(i+1, depth+1)
		if a.is(e, ")") {
			return s, tk, e + 1, ok
		}
		return "", -1, a.skipGroup(i), false
	}
	return a.urlCall(i, depth)
}

// interpolation evaluates an interpolated string starting at the StrHead
// token i.
func (a *analyzer) interpolation(i, depth int) (string, int, int, bool) {
	var b strings.Builder
	j := i
	for j < len(a.f.toks) {
		t := a.f.toks[j]
		b.WriteString(string(t.Value(a.f.src)))
		if t.Kind == lex.StrTail || t.Kind == lex.String {
			return b.String(), i, j + 1, true
		}
		// The interpolated code runs to the next piece.
		k := j + 1
		for k < len(a.f.toks) && a.f.toks[k].Kind != lex.StrMid && a.f.toks[k].Kind != lex.StrTail {
			if a.f.toks[k].Kind == lex.StrHead {
				k = a.skipInterpolated(k)
				continue
			}
			k++
		}
		if s, ok := a.nameURL(j+1, k); ok {
			b.WriteString(s)
		} else {
			b.WriteString(hole)
		}
		j = k
	}
	return b.String(), i, j, true
}

// skipInterpolated returns the index after the interpolated string that
// starts at the StrHead token k.
func (a *analyzer) skipInterpolated(k int) int {
	depth := 0
	for ; k < len(a.f.toks); k++ {
		switch a.f.toks[k].Kind {
		case lex.StrHead:
			depth++
		case lex.StrTail:
			depth--
			if depth == 0 {
				return k + 1
			}
		}
	}
	return k
}

// nameURL returns the URL text a name (tokens [from, to)) is bound to.
func (a *analyzer) nameURL(from, to int) (string, bool) {
	v, end := a.chain(from)
	if end != to {
		return "", false
	}
	if v.kind == kURL {
		return v.url.text(), true
	}
	if a.settingName(from, to) {
		return "\x01", true
	}
	return "", false
}

// readsSetting reports whether the chain [from, to) reads the
// environment or configuration: os.environ.get, ENV.fetch, getenv,
// process.env, config(…), settings.…, getProperty.
func (a *analyzer) readsSetting(from, to int) bool {
	for k := from; k < to && k < len(a.f.toks); k++ {
		if !a.isIdent(k) {
			continue
		}
		switch strings.ToLower(strings.TrimPrefix(a.text(k), "$")) {
		case "environ", "env", "getenv", "config", "settings", "getproperty", "getenvironmentvariable", "get_env", "configuration", "options":
			return true
		}
	}
	return false
}

// settingName reports whether the tokens [from, to) read a setting whose
// name says it holds a Checkout.com URL: CKO_API_URL, checkout.base-url,
// CHECKOUT_BASE_URI, …
func (a *analyzer) settingName(from, to int) bool {
	for k := from; k < to && k < len(a.f.toks); k++ {
		name := a.text(k)
		if a.f.toks[k].Kind.IsString() {
			name = string(a.f.toks[k].Value(a.f.src))
		}
		up := strings.ToUpper(name)
		if (strings.Contains(up, "CKO") || strings.Contains(up, "CHECKOUT")) &&
			(strings.Contains(up, "URL") || strings.Contains(up, "URI") || strings.Contains(up, "BASE") || strings.Contains(up, "HOST") || strings.Contains(up, "ENDPOINT") || strings.HasSuffix(up, "API")) {
			return true
		}
	}
	return false
}

// formatArgs evaluates the arguments of a format call whose "(" is at
// open (or a single operand / tuple after "%"): each argument's URL text,
// or a hole.
func (a *analyzer) formatArgs(open int) ([]string, int) {
	if !a.is(open, "(") && !a.is(open, "[") {
		t, _, e, ok := a.urlOperand(open, 1)
		if !ok {
			t = hole
		}
		return []string{t}, e
	}
	end := a.skipGroup(open)
	var out []string
	for _, arg := range a.arguments(open, end) {
		t, _, e, ok := a.urlText(arg, 1)
		if !ok || e >= end || !(a.is(e, ",") || e == end-1) {
			t = hole
		}
		out = append(out, t)
	}
	return out, end
}

// substitute fills the placeholders of a format string (%s, %d, %v, {},
// {0}, {name}) with args in order; an unknown argument is a hole.
func substitute(format string, args []string) string {
	var b strings.Builder
	n := 0
	next := func() string {
		if n < len(args) {
			n++
			return args[n-1]
		}
		return hole
	}
	for i := 0; i < len(format); i++ {
		c := format[i]
		switch {
		case c == '%' && i+1 < len(format) && format[i+1] == '%':
			b.WriteByte('%')
			i++
		case c == '%' && i+1 < len(format) && strings.IndexByte("sdvqxfiu", format[i+1]) >= 0:
			b.WriteString(next())
			i++
		case c == '{' && i+1 < len(format) && format[i+1] == '}':
			b.WriteString(next())
			i++
		case c == '{':
			j := strings.IndexByte(format[i:], '}')
			if j < 0 {
				b.WriteByte(c)
				continue
			}
			inner := format[i+1 : i+j]
			if k := strings.IndexAny(inner, ":,"); k >= 0 {
				inner = inner[:k]
			}
			if idx, ok := atoi(inner); ok && idx < len(args) {
				b.WriteString(args[idx])
			} else {
				b.WriteString(format[i : i+j+1]) // a template parameter: {id}
			}
			i += j
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func atoi(s string) (int, bool) {
	if s == "" || len(s) > 3 {
		return 0, false
	}
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
