package discover

import (
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/discover/internal/lex"
)

// srcFile is one source file read for analysis.
type srcFile struct {
	path string // slash path relative to the root
	lang language
	src  []byte
	// toks are the code tokens: comments and inline text removed.
	toks []lex.Token
}

// found is one call the analyzer recognised, before it is matched to the
// catalog.
type found struct {
	tok int // token the call is reported at
	// file, line and col, when line > 0, say where instead (a URL
	// literal in another file).
	file       string
	line, col  int
	endpoints  []sdkEndpoint
	platform   string // "nas", "abc" or "both"
	via        string // "sdk" or "http"
	symbol     string
	how        string
	confidence string
}

// analyzer holds the state of one pass over one file.
type analyzer struct {
	ix *sdkIndex
	w  *world
	f  *srcFile
	// env holds each name's bindings in token order; a use sees the
	// latest binding before it (else the first after it: a field
	// declared below the method that uses it).
	env map[string][]binding
	// cur is the token being evaluated: where a binding is made and a
	// use is looked up.
	cur int
	imp imports
	// emit is set in the final pass, when calls are recorded.
	emit  bool
	found []found
	// exports are the values other files may import from this one.
	exports map[string]value
	// exportNames are names "export const x" or "export function f"
	// exports ("f()" for a function), bound by the passes.
	exportNames []string
	// exportAliases are "export { local as exported }" pairs.
	exportAliases [][2]string
	// handled marks the "(" of calls already recorded as requests through
	// a base-URL client, so that rawHTTP does not judge them again.
	handled map[int]bool
	// bound is the URL value a URL expression last read through a name.
	bound urlValue
	// hints are the known values this file passes to other functions'
	// parameters, by "callee#position" and "callee#keyword".
	hints map[string]value
	// wrappers are this file's functions that send a request to a
	// Checkout.com URL built from one of their parameters.
	wrappers map[string]wrapper
}

// tokensOf lexes f and keeps the code tokens.
func codeTokens(lang lex.Lang, src []byte) []lex.Token {
	all := lex.Tokenize(lang, src)
	out := all[:0]
	for _, t := range all {
		if t.Kind != lex.Comment && t.Kind != lex.Text {
			out = append(out, t)
		}
	}
	return out
}

// analyze runs the binding passes over f and, when emit is set, records
// the calls. w holds what other files export; it may be empty.
func analyze(ix *sdkIndex, w *world, f *srcFile, emit bool) *analyzer {
	a := &analyzer{ix: ix, w: w, f: f, env: map[string][]binding{}, exports: map[string]value{}, hints: map[string]value{}, handled: map[int]bool{}, wrappers: map[string]wrapper{}}
	a.imp = a.readImports()
	// Bindings depend on one another in any order (a field declared after
	// the method using it, a provider defined after its caller): two
	// rounds settle what realistic code needs.
	for range 2 {
		a.declarations()
		a.assignments()
		a.providers()
		a.params()
		a.findWrappers()
	}
	a.collectExports()
	if emit {
		a.emit = true
		a.emitCalls()
	}
	return a
}

// usesSDK reports whether the file binds an SDK object from the SDK's
// own entry points or types (not from a guess).
func (a *analyzer) usesSDK() bool {
	for _, bs := range a.env {
		for _, b := range bs {
			if b.v.isSDK() && !b.v.guessed && !b.v.indirect {
				return true
			}
		}
	}
	return false
}

// emitCalls evaluates every chain that starts at a token not preceded by a
// member operator, and looks for raw HTTP requests.
func (a *analyzer) emitCalls() {
	for i := 0; i < len(a.f.toks); i++ {
		if a.startsChain(i) {
			a.chain(i)
		}
	}
	a.rawHTTP()
}

// startsChain reports whether token i can begin an expression chain.
func (a *analyzer) startsChain(i int) bool {
	t := a.f.toks[i]
	if t.Kind != lex.Ident && !(t.Kind == lex.Punct && a.is(i, "(")) {
		return false
	}
	if i > 0 && (a.isMemberOp(i-1) || a.is(i-1, `\`)) {
		return false
	}
	return true
}

// text returns token i's text.
func (a *analyzer) text(i int) string {
	if i < 0 || i >= len(a.f.toks) {
		return ""
	}
	return string(a.f.toks[i].Text(a.f.src))
}

// is reports whether token i is punctuation or an identifier spelled s.
func (a *analyzer) is(i int, s string) bool {
	return i >= 0 && i < len(a.f.toks) && a.f.toks[i].Is(a.f.src, s)
}

func (a *analyzer) isIdent(i int) bool {
	return i >= 0 && i < len(a.f.toks) && a.f.toks[i].Kind == lex.Ident
}

// isMemberOp reports whether token i is a member access operator.
func (a *analyzer) isMemberOp(i int) bool {
	if i < 0 || i >= len(a.f.toks) || a.f.toks[i].Kind != lex.Punct {
		return false
	}
	switch a.text(i) {
	case ".", "?.", "->", "?->", "::":
		return true
	case "&":
		// Ruby's safe navigation "&." is lexed as "&" then ".".
		return a.f.lang.sdk == "ruby" && a.is(i+1, ".")
	}
	return false
}

// skipGroup returns the index after the bracket group opened at i ("(",
// "[" or "{"); unbalanced groups run to the end.
func (a *analyzer) skipGroup(i int) int {
	depth := 0
	for j := i; j < len(a.f.toks); j++ {
		if a.f.toks[j].Kind != lex.Punct {
			continue
		}
		switch a.f.src[a.f.toks[j].Start] {
		case '(', '[', '{':
			if a.f.toks[j].End-a.f.toks[j].Start == 1 {
				depth++
			}
		case ')', ']', '}':
			if a.f.toks[j].End-a.f.toks[j].Start == 1 {
				depth--
				if depth == 0 {
					return j + 1
				}
			}
		}
	}
	return len(a.f.toks)
}

// binding is one value a name is given at a token.
type binding struct {
	pos int
	v   value
}

// bind records a value for a name at token a.cur; an unknown value is
// not recorded.
func (a *analyzer) bind(name string, v value) {
	if name == "" || !v.known() {
		return
	}
	bs := a.env[name]
	for i := range bs {
		if bs[i].pos == a.cur {
			bs[i].v = v
			return
		}
	}
	a.env[name] = append(bs, binding{a.cur, v})
}

// bound returns the binding of name visible at token a.cur.
func (a *analyzer) envValue(name string) (value, bool) {
	bs := a.env[name]
	if len(bs) == 0 {
		return value{}, false
	}
	best, first := -1, 0
	for i, b := range bs {
		if b.pos <= a.cur && (best < 0 || b.pos > bs[best].pos) {
			best = i
		}
		if b.pos < bs[first].pos {
			first = i
		}
	}
	if best < 0 {
		best = first
	}
	return bs[best].v, true
}

// lastValue returns name's last binding in the file.
func (a *analyzer) lastValue(name string) (value, bool) {
	bs := a.env[name]
	if len(bs) == 0 {
		return value{}, false
	}
	last := 0
	for i, b := range bs {
		if b.pos > bs[last].pos {
			last = i
		}
	}
	return bs[last].v, true
}

// lookup returns the value bound to name in this file or imported into it.
func (a *analyzer) lookup(name string) (value, bool) {
	if v, ok := a.envValue(name); ok {
		return v, true
	}
	if v, ok := a.imp.names[name]; ok {
		return v, true
	}
	if v, ok := a.w.global(a.f.lang.sdk, name); ok {
		return v, true
	}
	if a.f.lang.sdk == "go" && a.w != nil {
		if v, ok := a.w.exports[moduleKey(a.f)][name]; ok {
			v.indirect = true
			return v, true
		}
	}
	// Java, Kotlin and C# name fields without "this."; Ruby reads them
	// through attr_reader methods of the same name.
	if (a.f.lang.sdk == "java" || a.f.lang.sdk == "dotnet" || a.f.lang.sdk == "ruby") && !strings.ContainsAny(name, "@.($") {
		return a.lookup("@" + name)
	}
	return value{}, false
}
