package config

import (
	"strings"
	"unicode/utf8"
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
		if d := distance(k, n); d < bestDist {
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

// distance is the Levenshtein distance between a and b, in characters.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
