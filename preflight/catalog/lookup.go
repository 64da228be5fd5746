package catalog

import (
	"cmp"
	"slices"
)

// Match finds the operation that method and path refer to.
//
// method is case-insensitive. path may be a template with any parameter
// names ("/payments/{paymentId}/refunds"), a concrete path
// ("/payments/pay_abc123/refunds") or a full URL
// ("https://files.sandbox.checkout.com/files"); a query string, fragment and
// trailing slash are ignored. A URL on a checkout.com host selects the
// operation's host by its first known label ("{prefix}.api.checkout.com"
// selects "api"); without one, host "api" is preferred, then the others in
// alphabetical order. Where several templates fit, literal segments beat
// parameters, left to right: "/payments/search" is not "/payments/{id}".
//
// When nothing matches, the error is a *NoMatchError listing the closest
// known operations, and, if the path is known but not with this method,
// the methods it supports.
func (c *Catalog) Match(method, path string) (Match, error) {
	r := parseRequest(method, path, c.hosts)
	noMatch := &NoMatchError{Method: r.method, Path: path}
	if r.method == "" {
		noMatch.Suggestions = c.suggest(r)
		return Match{}, noMatch
	}

	// Most specific templates that fit the path, whatever the method.
	best := -1
	var fits []int
	for _, i := range c.candidates(r.segs) {
		p := c.pats[i]
		if (r.host != "" && c.ops[i].Host != r.host) || !p.matches(r.segs) {
			continue
		}
		switch {
		case best < 0 || p.moreSpecific(c.pats[best]):
			best, fits = i, []int{i}
		case p.sameShape(c.pats[best]):
			fits = append(fits, i)
		}
	}
	var found []int
	for _, i := range fits {
		if c.ops[i].Method == r.method {
			found = append(found, i)
		}
	}
	if len(found) == 0 {
		for _, i := range fits {
			noMatch.Methods = append(noMatch.Methods, c.ops[i].Method)
		}
		if len(fits) > 0 {
			noMatch.Template = c.ops[fits[0]].Path
		}
		noMatch.Methods = sortedMethods(noMatch.Methods)
		noMatch.Suggestions = c.suggest(r, fits...)
		return Match{}, noMatch
	}
	i := slices.MinFunc(found, func(a, b int) int {
		return cmp.Or(cmp.Compare(hostRank(c.ops[a].Host), hostRank(c.ops[b].Host)),
			cmp.Compare(c.ops[a].Host, c.ops[b].Host), cmp.Compare(a, b))
	})
	m := Match{Operation: c.ops[i].clone(), Method: r.method, Path: r.path, Params: map[string]string{}}
	for j, isParam := range c.pats[i].param {
		if isParam {
			m.Params[c.pats[i].segs[j]] = r.segs[j]
		}
	}
	return m, nil
}

// hostRank orders hosts when the request does not name one: "api" first.
func hostRank(host string) int {
	if host == "api" {
		return 0
	}
	return 1
}

// methodRank gives the conventional order of HTTP methods in messages.
func methodRank(m string) int {
	switch m {
	case "GET":
		return 0
	case "HEAD":
		return 1
	case "POST":
		return 2
	case "PUT":
		return 3
	case "PATCH":
		return 4
	case "DELETE":
		return 5
	}
	return 6
}

// sortedMethods returns the methods deduplicated in conventional order.
func sortedMethods(ms []string) []string {
	slices.SortFunc(ms, func(a, b string) int {
		return cmp.Or(cmp.Compare(methodRank(a), methodRank(b)), cmp.Compare(a, b))
	})
	return slices.Compact(ms)
}
