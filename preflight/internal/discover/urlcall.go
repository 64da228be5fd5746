package discover

import (
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/discover/internal/lex"
)

// urlCall evaluates an operand that is a name or a call: a URL wrapper
// or join, a format call, a name bound to a URL, or a setting whose name
// says it holds a Checkout.com URL.
func (a *analyzer) urlCall(i, depth int) (string, int, int, bool) {
	if a.is(i, "new") {
		parts, ends := a.qualName(i + 1)
		open := ends[len(ends)-1]
		if a.is(open, "(") {
			end := a.skipGroup(open)
			switch parts[len(parts)-1] {
			case "URL", "URI", "Uri":
				args := a.arguments(open, end)
				if len(args) == 2 { // new URL(path, base), new Uri(base, relative)
					if parts[len(parts)-1] == "URL" {
						return a.join(args[1], args[0], depth, end)
					}
					return a.join(args[0], args[1], depth, end)
				}
				if len(args) == 1 {
					s, tok, _, ok := a.urlText(args[0], depth+1)
					return s, tok, end, ok
				}
			}
			return "", -1, end, false
		}
	}
	if !a.isIdent(i) && !a.is(i, "$this") {
		return "", -1, i + 1, false
	}
	parts, ends := a.qualName(i)
	open := ends[len(ends)-1]
	if a.is(open, "(") {
		end := a.skipGroup(open)
		args := a.arguments(open, end)
		name := strings.Join(parts, ".")
		last := parts[len(parts)-1]
		switch {
		case last == "Sprintf" || last == "format" || last == "Format" || last == "sprintf":
			if len(args) > 0 {
				f, tok, _, ok := a.urlText(args[0], depth+1)
				if ok {
					vals, _ := a.argTexts(args[1:], end, depth)
					return substitute(f, vals), tok, end, true
				}
			}
		case last == "JoinPath" || last == "urljoin" || name == "URI.join" || last == "join" && (parts[0] == "urllib" || parts[0] == "parse"):
			if len(args) >= 2 {
				return a.joinAll(args, depth, end)
			}
		case last == "create" && parts[0] == "URI", last == "parse" && (parts[0] == "URI" || parts[0] == "Uri" || parts[0] == "url"),
			name == "URI", name == "URL", name == "Uri", last == "toUri", last == "Parse" && parts[0] == "url", name == "URI.parse":
			if len(args) >= 1 {
				s, tok, _, ok := a.urlText(args[0], depth+1)
				return s, tok, end, ok
			}
		}
	}
	v, end := a.chain(i)
	if v.kind == kURL {
		a.bound = v.url
		return v.url.text(), -1, end, true
	}
	if end <= i {
		end = i + 1
	}
	// A setting read with a default: os.environ.get("CKO_URL", "https://…").
	for k := i; k < end && a.readsSetting(i, end); k++ {
		if a.f.toks[k].Kind == lex.String {
			if _, _, ok := parseCheckoutURL(string(a.f.toks[k].Value(a.f.src))); ok {
				return string(a.f.toks[k].Value(a.f.src)), k, end, true
			}
		}
	}
	if a.settingName(i, end) {
		return "\x01", -1, end, true
	}
	return "", -1, end, false
}

// argTexts evaluates format arguments.
func (a *analyzer) argTexts(args []int, end, depth int) ([]string, int) {
	var out []string
	for _, arg := range args {
		t, _, _, ok := a.urlText(arg, depth+1)
		if !ok {
			t = hole
		}
		out = append(out, t)
	}
	return out, end
}

// join evaluates base joined with a relative reference.
func (a *analyzer) join(base, rel, depth, end int) (string, int, int, bool) {
	b, _, _, okb := a.urlText(base, depth+1)
	r, tok, _, okr := a.urlText(rel, depth+1)
	if !okb || !okr {
		return "", -1, end, false
	}
	return strings.TrimSuffix(b, "/") + "/" + strings.TrimPrefix(r, "/"), tok, end, true
}

// joinAll evaluates url.JoinPath(base, seg, …) and urljoin(base, path).
func (a *analyzer) joinAll(args []int, depth, end int) (string, int, int, bool) {
	b, _, _, ok := a.urlText(args[0], depth+1)
	if !ok {
		return "", -1, end, false
	}
	out := strings.TrimSuffix(b, "/")
	tok := -1
	for _, arg := range args[1:] {
		s, t, _, ok := a.urlText(arg, depth+1)
		if !ok {
			s = hole
		} else if tok < 0 {
			tok = t
		}
		out += "/" + strings.Trim(s, "/")
	}
	return out, tok, end, true
}
