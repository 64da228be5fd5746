package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// causeKey is what findings of one root cause share.
type causeKey struct {
	id, credential, scope, remedy string
	status                        Status
	// own keeps a finding that groups with nothing else apart.
	own string
}

// groupable lists the checks whose findings of one credential group when
// they share a fix: the endpoints refused for one scope, or not verified
// for one reason; the calls one declaration misses; the declared
// endpoints no code calls.
func groupable(id string) bool {
	switch id {
	case CheckEndpointAuthorized, CheckCodeDeclared, CheckCodeUsed:
		return true
	}
	return false
}

func keyOf(c Check) causeKey {
	k := causeKey{id: c.ID, credential: c.Credential, scope: c.Scope, remedy: c.Remedy, status: c.Status}
	if !groupable(c.ID) {
		k.own = c.Title + "\x00" + c.Message
	}
	return k
}

// causeStatus reports the statuses a cause is made for.
func causeStatus(s Status) bool {
	return s == StatusFail || s == StatusInconclusive || s == StatusWarn || s == StatusNotice
}

// Causes groups the checks that need attention (failed, inconclusive,
// warned, noticed) by root cause, the most severe first and otherwise in
// report order: endpoints of one credential refused for one scope, or not
// verified for one reason, are one cause, and so are the calls its
// declaration misses and the declared endpoints no code calls; an access
// key's endpoints refused for a scope its token lacks join its
// credential.scopes cause; every other finding is a cause of its own. It
// returns an empty, non-nil slice when nothing needs attention.
func Causes(checks []Check) []Cause {
	var keys []causeKey
	groups := map[causeKey][]int{}
	for i, c := range checks {
		if !causeStatus(c.Status) {
			continue
		}
		k := keyOf(c)
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], i)
	}
	// An access key's endpoints refused for a scope its token lacks are
	// that credential's missing-scopes cause.
	merged := map[causeKey]bool{}
	for _, k := range keys {
		if j := scopesCause(checks, keys, groups, k); j >= 0 {
			groups[keys[j]] = append(groups[keys[j]], groups[k]...)
			merged[k] = true
		}
	}
	out := make([]Cause, 0, len(keys))
	for _, k := range keys {
		if !merged[k] {
			slices.Sort(groups[k])
			out = append(out, causeOf(checks, groups[k]))
		}
	}
	slices.SortStableFunc(out, func(a, b Cause) int { return cmp.Compare(rankOf(a.Status), rankOf(b.Status)) })
	return out
}

// scopesCause returns the index in keys of the failing credential.scopes
// group that the endpoint findings of k belong to; -1 when there is none.
func scopesCause(checks []Check, keys []causeKey, groups map[causeKey][]int, k causeKey) int {
	if k.id != CheckEndpointAuthorized || k.scope == "" {
		return -1
	}
	return slices.IndexFunc(keys, func(o causeKey) bool {
		return o.id == CheckScopesGranted && o.credential == k.credential && o.status == StatusFail &&
			strings.Contains(checks[groups[o][0]].Message, fmt.Sprintf("%q", k.scope))
	})
}

func rankOf(s Status) int {
	return map[Status]int{StatusFail: 0, StatusInconclusive: 1, StatusWarn: 2, StatusNotice: 3}[s]
}

// causeOf makes the cause of the findings at idx: one finding's own words,
// or, for several, words that name them all.
func causeOf(checks []Check, idx []int) Cause {
	first := checks[idx[0]]
	c := Cause{Status: first.Status, Check: first.ID, Credential: first.Credential,
		Title: first.Title, Message: first.Message, Remedy: first.Remedy, Findings: idx}
	var endpoints []string
	for _, i := range idx {
		if p := checks[i].Position; p != nil && !slices.Contains(c.Positions, *p) {
			c.Positions = append(c.Positions, *p)
		}
		if e := checks[i].Endpoint; e != "" {
			endpoints = append(endpoints, e)
		}
	}
	if len(idx) == 1 || !groupable(first.ID) {
		return c
	}
	c.Title, c.Message = groupWords(first, len(idx), listed(endpoints))
	return c
}

// groupWords titles and describes n findings like first.
func groupWords(first Check, n int, endpoints string) (title, message string) {
	whose := ""
	if first.Credential != "" {
		whose = " (" + first.Credential + ")"
	}
	switch {
	case first.ID == CheckCodeDeclared:
		return fmt.Sprintf("Undeclared calls: %d endpoints%s", n, whose),
			fmt.Sprintf("the code calls %d endpoints that are not declared: %s", n, endpoints)
	case first.ID == CheckCodeUsed:
		return fmt.Sprintf("Declared, not called: %d endpoints%s", n, whose),
			fmt.Sprintf("no call of %d declared endpoints was found in the code: %s", n, endpoints)
	case first.Scope != "":
		return fmt.Sprintf("Missing scope %s%s", first.Scope, whose),
			fmt.Sprintf("%d endpoints that need %s were refused: %s", n, first.Scope, endpoints)
	case first.Status == StatusInconclusive:
		return fmt.Sprintf("Not verified: %d endpoints%s", n, whose),
			fmt.Sprintf("%d endpoints could not be verified: %s; the first: %s", n, endpoints, first.Message)
	}
	return fmt.Sprintf("%s and %d more", first.Title, n-1),
		fmt.Sprintf("%d endpoints: %s; the first: %s", n, endpoints, first.Message)
}

// listed names up to five endpoints, then how many more.
func listed(endpoints []string) string {
	const shown = 5
	if len(endpoints) <= shown {
		return strings.Join(endpoints, ", ")
	}
	return strings.Join(endpoints[:shown], ", ") + fmt.Sprintf(" and %d more", len(endpoints)-shown)
}
