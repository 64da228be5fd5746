package gen

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// row is one object of operations.json.
type row struct {
	Method      string          `json:"method"`
	Path        string          `json:"path"`
	Host        string          `json:"host"`
	Summary     *string         `json:"summary"`
	Tag         *string         `json:"tag"`
	OperationID *string         `json:"operation_id"`
	Status      string          `json:"status"`
	SandboxOnly bool            `json:"sandbox_only"`
	Security    json.RawMessage `json:"security"`
	SDKSchemes  []string        `json:"sdk_auth_schemes"`
	ScopeHints  []struct {
		Scopes []string `json:"scopes"`
	} `json:"scope_hints"`
	Notes []string `json:"notes"`
}

func readOperations(data []byte) ([]row, error) {
	var rows []row
	if err := json.Unmarshal(data, &rows); err != nil {
		return nil, fmt.Errorf("want a JSON list of operation objects: %w", err)
	}
	for i, r := range rows {
		if r.Method == "" || !strings.HasPrefix(r.Path, "/") || r.Host == "" {
			return nil, fmt.Errorf("row %d (%s %s on %q) lacks a method, a path starting with \"/\" or a host", i, r.Method, r.Path, r.Host)
		}
		switch r.Status {
		case "current", "removed_from_spec", "sdk_only":
		default:
			return nil, fmt.Errorf("row %d (%s %s): unknown status %q; want current, removed_from_spec or sdk_only", i, r.Method, r.Path, r.Status)
		}
	}
	return rows, nil
}

var paramRE = regexp.MustCompile(`\{[^/}]*\}`)

// shapeKey identifies an operation regardless of parameter names:
// "GET api /payments/{}".
func shapeKey(method, host, path string) string {
	return strings.ToUpper(method) + " " + host + " " + paramRE.ReplaceAllString(path, "{}")
}

// mergeOperations adds to the spec's operations the removed_from_spec and
// sdk_only rows the spec lacks (matched on method, host and path shape),
// and gives spec operations of unknown security the scope and scheme hints
// their row carries. A row path with alternative segments
// ("/klarna-external|klarna/...") becomes one operation per alternative;
// see expandAlternatives.
func mergeOperations(ops []Op, rows []row) ([]Op, error) {
	index := map[string]int{}
	for i, op := range ops {
		index[shapeKey(op.Method, op.Host, op.Path)] = i
	}
	for _, r := range rows {
		if i, ok := index[shapeKey(r.Method, r.Host, r.Path)]; ok {
			if ops[i].Security == nil {
				ops[i].ScopeHints = hints(r)
				ops[i].SchemeHints = schemeHints(r)
			}
			continue
		}
		if r.Status == "current" {
			continue // the spec is the authority for current operations
		}
		for _, alt := range expandAlternatives(r.Path) {
			key := shapeKey(r.Method, r.Host, alt.path)
			if _, ok := index[key]; ok {
				continue
			}
			sec, err := parseSecurity(r.Security)
			if err != nil {
				return nil, fmt.Errorf("%s %s on %q: %w", r.Method, r.Path, r.Host, err)
			}
			op := Op{
				Method: strings.ToUpper(r.Method), Path: alt.path, Host: r.Host,
				Summary: deref(r.Summary), OperationID: deref(r.OperationID), Tag: deref(r.Tag),
				Status: r.Status, SandboxOnly: r.SandboxOnly || alt.sandboxOnly, ProductionOnly: alt.productionOnly,
				Security: sec,
			}
			if sec == nil {
				op.ScopeHints, op.SchemeHints = hints(r), schemeHints(r)
			}
			index[key] = len(ops)
			ops = append(ops, op)
		}
	}
	return ops, nil
}

type alternative struct {
	path                        string
	sandboxOnly, productionOnly bool
}

// expandAlternatives splits a path whose first segment lists alternatives
// ("/klarna-external|klarna/credit-sessions": operations.json notes the
// prefix is "klarna-external" in sandbox and "klarna" in production) into
// one path per alternative; the first is sandbox-only and the second
// production-only. Other paths are returned as they are.
func expandAlternatives(path string) []alternative {
	first, rest, _ := strings.Cut(strings.TrimPrefix(path, "/"), "/")
	alts := strings.Split(first, "|")
	if len(alts) != 2 {
		return []alternative{{path: path}}
	}
	if rest != "" {
		rest = "/" + rest
	}
	return []alternative{
		{path: "/" + alts[0] + rest, sandboxOnly: true},
		{path: "/" + alts[1] + rest, productionOnly: true},
	}
}

// hints flattens a row's scope hint lists, deduplicated, in order of first
// appearance; nil when there are none.
func hints(r row) []string {
	var out []string
	for _, h := range r.ScopeHints {
		for _, s := range h.Scopes {
			if !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	return out
}

// schemeHints returns the known schemes the SDKs authenticate the row with.
func schemeHints(r row) []string {
	var out []string
	for _, s := range r.SDKSchemes {
		if knownScheme(s) && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return oneLine(*s)
}
