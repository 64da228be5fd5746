package gen

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// scopeRow is one object of scopes.json.
type scopeRow struct {
	Name        string  `json:"name"`
	Parent      *string `json:"parent"`
	Description *string `json:"description"`
}

func readScopes(data []byte) ([]Scope, error) {
	var rows []scopeRow
	if err := json.Unmarshal(data, &rows); err != nil {
		return nil, fmt.Errorf("want a JSON list of scope objects: %w", err)
	}
	out := make([]Scope, 0, len(rows))
	for i, r := range rows {
		if r.Name == "" {
			return nil, fmt.Errorf("row %d has no name", i)
		}
		out = append(out, Scope{Name: r.Name, Parent: deref(r.Parent), Description: deref(r.Description)})
	}
	return out, nil
}

// parentOf is the part of a scope name before its first ':'
// ("marketplace:transfer:create" → "marketplace"); "" for a top-level name.
func parentOf(name string) string {
	p, _, ok := strings.Cut(name, ":")
	if !ok {
		return ""
	}
	return p
}

// mergeScopes returns, sorted by name, every scope in table, declared by the
// spec's OAuth flows, or named by an operation's security or hints. The
// table wins; a missing description comes from the spec; a missing parent
// is derived from the name.
func mergeScopes(table []Scope, declared map[string]string, ops []Op) []Scope {
	byName := map[string]Scope{}
	for _, s := range table {
		if _, dup := byName[s.Name]; !dup {
			byName[s.Name] = s
		}
	}
	add := func(name string) {
		if _, ok := byName[name]; !ok {
			byName[name] = Scope{Name: name, Parent: parentOf(name)}
		}
	}
	for name := range declared {
		add(name)
	}
	for _, op := range ops {
		for _, r := range op.Security {
			for _, s := range r.Scopes {
				add(s)
			}
		}
		for _, s := range op.ScopeHints {
			add(s)
		}
	}
	out := make([]Scope, 0, len(byName))
	for _, s := range byName {
		if s.Description == "" {
			s.Description = declared[s.Name]
		}
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b Scope) int { return cmp.Compare(a.Name, b.Name) })
	return out
}

// methodRank orders methods conventionally.
func methodRank(m string) int {
	return slices.Index([]string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"}, m)
}

// sortOps sorts by path, then method, then host.
func sortOps(ops []Op) {
	slices.SortStableFunc(ops, func(a, b Op) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(methodRank(a.Method), methodRank(b.Method)),
			cmp.Compare(a.Method, b.Method), cmp.Compare(a.Host, b.Host))
	})
}
