package config

import (
	"strings"
	"unicode/utf8"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/textdist"
)

// closest returns the candidate the user most likely meant by key, or ""
// when none is close: the same key once case, "_" and spaces are ignored, a
// key that starts with the other, or one at most two edits away.
func closest(key string, candidates []string) string {
	norm := func(s string) string {
		return strings.NewReplacer("_", "-", " ", "-").Replace(strings.ToLower(s))
	}
	k := norm(key)
	best, bestDist := "", 3
	for _, c := range candidates {
		n := norm(c)
		if n == k {
			return c
		}
		if d := textdist.Levenshtein(k, n); d < bestDist {
			best, bestDist = c, d
		}
	}
	if best != "" {
		return best
	}
	if utf8.RuneCountInString(k) >= 3 {
		for _, c := range candidates {
			if n := norm(c); strings.HasPrefix(n, k) || strings.HasPrefix(k, n) {
				return c
			}
		}
	}
	return ""
}
