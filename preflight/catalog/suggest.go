package catalog

import (
	"cmp"
	"slices"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/textdist"
)

const (
	// maxSuggestions caps NoMatchError.Suggestions.
	maxSuggestions = 5
	// Paths with more segments or bytes than these get no suggestions,
	// which keeps the cost of a bad input bounded.
	maxSuggestSegments = 16
	maxSuggestPath     = 512
)

// suggest returns the operations closest to r, best first. Distance is a
// segment-wise edit distance (see pathDistance) plus 1 when the method
// differs, so operations with the same method come first among equally
// close paths. Operations farther than about a third of the path plus 1.5,
// and those sharing no literal segment (give or take a typo) with r, are
// left out.
//
// Operations in first come before all others, in the order given; the
// caller uses it for the operations on a path known with another method.
func (c *Catalog) suggest(r request, first ...int) []Operation {
	type scored struct {
		i    int
		cost float64
	}
	if len(r.segs) > maxSuggestSegments || len(r.path) > maxSuggestPath {
		return nil // far longer than any endpoint: nothing can be close
	}
	limit := 1.5 + float64(len(r.segs))/3
	var all []scored
	for i, p := range c.pats {
		if !related(r.segs, p) {
			continue
		}
		cost := pathDistance(r.segs, p)
		if c.ops[i].Method != r.method {
			cost++
		}
		if r.host != "" && c.ops[i].Host != r.host {
			cost += 0.5
		}
		if cost <= limit {
			all = append(all, scored{i, cost})
		}
	}
	slices.SortFunc(all, func(a, b scored) int {
		return cmp.Or(cmp.Compare(a.cost, b.cost),
			cmp.Compare(hostRank(c.ops[a.i].Host), hostRank(c.ops[b.i].Host)),
			cmp.Compare(c.ops[a.i].Path, c.ops[b.i].Path),
			cmp.Compare(methodRank(c.ops[a.i].Method), methodRank(c.ops[b.i].Method)),
			cmp.Compare(c.ops[a.i].Host, c.ops[b.i].Host), cmp.Compare(a.i, b.i))
	})
	for k, i := range first {
		all = slices.Insert(all, k, scored{i, -1})
	}
	var out []Operation
	seen := map[string]bool{}
	for _, s := range all {
		op := c.ops[s.i]
		if key := op.String(); !seen[key] && len(out) < maxSuggestions {
			seen[key] = true
			out = append(out, op.clone())
		}
	}
	return out
}

// related reports whether some literal segment of p is close to some
// segment given (see literalCost).
func related(segs []string, p pattern) bool {
	for j, lit := range p.segs {
		if p.param[j] {
			continue
		}
		for _, s := range segs {
			if literalCost(s, lit) <= 0.5 {
				return true
			}
		}
	}
	return false
}

// pathDistance is the edit distance between concrete segments and a
// pattern. Substituting a segment costs literalCost (any segment fits a
// parameter for free); inserting or deleting a literal costs 1 and a
// parameter 0.5.
func pathDistance(segs []string, p pattern) float64 {
	n, m := len(segs), len(p.segs)
	weight := func(j int) float64 {
		if p.param[j] {
			return 0.5
		}
		return 1
	}
	prev := make([]float64, m+1)
	cur := make([]float64, m+1)
	for j := 1; j <= m; j++ {
		prev[j] = prev[j-1] + weight(j-1)
	}
	for i := 1; i <= n; i++ {
		_, given := paramName(segs[i-1])
		del := 1.0
		if given {
			del = 0.5
		}
		cur[0] = prev[0] + del
		for j := 1; j <= m; j++ {
			sub := 0.0
			switch {
			case p.param[j-1]:
			case given:
				sub = 1
			default:
				sub = literalCost(segs[i-1], p.segs[j-1])
			}
			cur[j] = min(prev[j-1]+sub, prev[j]+del, cur[j-1]+weight(j-1))
		}
		prev, cur = cur, prev
	}
	return prev[m]
}

// literalCost is the cost of reading segment given as literal want: their
// segmentDistance, at most 0.5 when one is a prefix of the other, and 2 (no
// cheaper than deleting one and inserting the other) when they are
// unrelated (distance above 0.5).
func literalCost(given, want string) float64 {
	lg, lw := strings.ToLower(given), strings.ToLower(want)
	prefix := strings.HasPrefix(lg, lw) || strings.HasPrefix(lw, lg)
	if !prefix && 2*abs(len(lg)-len(lw)) > max(len(lg), len(lw)) {
		return 2 // the lengths alone put the distance above 0.5
	}
	d := segmentDistance(lg, lw)
	if prefix {
		d = min(d, 0.5)
	}
	if d > 0.5 {
		return 2
	}
	return d
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// segmentDistance is the Levenshtein distance of a and b (ignoring case) divided
// by the length of the longer: 0 for equal strings, 1 for unrelated ones.
func segmentDistance(a, b string) float64 {
	ra, rb := []rune(strings.ToLower(a)), []rune(strings.ToLower(b))
	if len(ra) == 0 && len(rb) == 0 {
		return 0
	}
	return float64(textdist.Levenshtein(string(ra), string(rb))) / float64(max(len(ra), len(rb)))
}
