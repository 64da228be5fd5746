package discover

import (
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/discover/internal/lex"
)

// chainVerb looks along the chain around a call for a builder's method:
// HttpRequest.newBuilder().uri(…).POST(…), Request.Builder().url(…).post(…),
// webClient.post().uri(…), .method("PATCH", …).
func (a *analyzer) chainVerb(start, end int) string {
	for k := end; k < len(a.f.toks) && k < end+200; {
		if a.is(k, ";") || a.f.toks[k].Kind == lex.Punct && (a.is(k, ")") || a.is(k, "}") || a.is(k, ",")) {
			break
		}
		if a.isMemberOp(k) && a.isIdent(k+1) && a.is(k+2, "(") {
			name := a.text(k + 1)
			if name == "method" {
				if m := a.methodInArgs(k+3, a.skipGroup(k+2)); m != "" {
					return m
				}
			}
			if m := verb(name); m != "" && m != "HEAD" && (name == strings.ToUpper(name) || a.f.lang.is("java", "kotlin")) {
				return m
			}
			k = a.skipGroup(k + 2)
			continue
		}
		k++
	}
	// Before: webClient.post().uri(…)
	for k := start - 1; k > 0 && k > start-12; k-- {
		if a.is(k, "(") && a.is(k+1, ")") && a.isIdent(k-1) && a.isMemberOp(k-2) {
			if m := verb(a.text(k - 1)); m != "" {
				return m
			}
		}
		if a.is(k, ";") || a.is(k, "{") {
			break
		}
	}
	return ""
}
