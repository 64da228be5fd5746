package catalog

import (
	"slices"
	"strings"
	"sync"
)

// ScopeInfo describes one OAuth scope name.
type ScopeInfo struct {
	// Name is the scope, e.g. "gateway:payment".
	Name string
	// Parent is the scope that grants this one, e.g. "gateway"; empty for a
	// top-level scope.
	Parent string
	// Description is a short human description; empty when none is known.
	Description string
}

// Catalog is an immutable, queryable set of operations and scopes. It is
// safe for concurrent use. The zero value is an empty catalog.
type Catalog struct {
	ops    []Operation
	scopes []ScopeInfo
	byName map[string]int
	pats   []pattern       // pats[i] is ops[i].Path compiled
	hosts  map[string]bool // every Operation.Host
	// byShape indexes pats by shapeKey, each list in catalog order.
	byShape map[string][]int
}

// defaultCatalog is built once, on first use, from the generated data, so
// that programs that never consult the catalog (e.g. --help) pay nothing.
var defaultCatalog = sync.OnceValue(func() *Catalog {
	return New(generatedOperations(), generatedScopes())
})

// Default returns the catalog generated from the Checkout.com API reference
// (see SpecTitle, SpecVersion and the SHA-256 constants). It is built on
// first use and the same *Catalog is returned on every call; everything it
// returns is a copy.
func Default() *Catalog { return defaultCatalog() }

// New builds a catalog from ops and scopes. It copies both; nil means empty.
// Operations are kept in the order given; Match prefers earlier ones only
// when two are otherwise indistinguishable.
func New(ops []Operation, scopes []ScopeInfo) *Catalog {
	c := &Catalog{
		ops:    cloneOps(ops),
		scopes: slices.Clone(scopes),
		byName: make(map[string]int, len(scopes)),
	}
	for i, s := range c.scopes {
		if _, dup := c.byName[s.Name]; !dup {
			c.byName[s.Name] = i
		}
	}
	c.pats = make([]pattern, len(c.ops))
	c.hosts = map[string]bool{}
	c.byShape = map[string][]int{}
	for i, op := range c.ops {
		c.pats[i] = compile(op.Path)
		c.hosts[op.Host] = true
		k := c.pats[i].shapeKey()
		c.byShape[k] = append(c.byShape[k], i)
	}
	return c
}

// Operations returns a fresh deep copy of every operation in the catalog,
// in catalog order (the generated catalog is sorted by path, method, host).
func (c *Catalog) Operations() []Operation { return cloneOps(c.ops) }

func cloneOps(ops []Operation) []Operation {
	if ops == nil {
		return nil
	}
	out := make([]Operation, len(ops))
	for i, op := range ops {
		out[i] = op.clone()
	}
	return out
}

// Scopes returns a fresh copy of every scope the catalog knows.
func (c *Catalog) Scopes() []ScopeInfo { return slices.Clone(c.scopes) }

// Scope returns the named scope (exact, case-sensitive); false when unknown.
func (c *Catalog) Scope(name string) (ScopeInfo, bool) {
	i, ok := c.byName[name]
	if !ok {
		return ScopeInfo{}, false
	}
	return c.scopes[i], true
}

// Parent returns the scope that grants scope: the part of its name before
// the first ':' ("gateway:payment" → "gateway", "marketplace:transfer:create"
// → "marketplace"). It returns "" for a top-level scope.
func Parent(scope string) string {
	p, _, ok := strings.Cut(scope, ":")
	if !ok {
		return ""
	}
	return p
}

// Grants reports whether holding scope granted gives access that requires
// scope required: they are equal, or granted is required's parent (see
// Parent), so "gateway" grants "gateway:payment" but "gateway:payment" does
// not grant "gateway:payment-refunds". Empty strings never grant and are
// never granted.
func Grants(granted, required string) bool {
	if granted == "" || required == "" {
		return false
	}
	return granted == required || Parent(required) == granted
}

// Grants is like the package function Grants but also honours the parent
// the catalog's scope table records for required, if any.
func (c *Catalog) Grants(granted, required string) bool {
	if Grants(granted, required) {
		return true
	}
	s, ok := c.Scope(required)
	return ok && granted != "" && s.Parent == granted
}

// Satisfies is like the package function Satisfies, using c.Grants.
func (c *Catalog) Satisfies(granted, alternatives []string) bool {
	return slices.ContainsFunc(granted, func(g string) bool {
		return slices.ContainsFunc(alternatives, func(a string) bool { return c.Grants(g, a) })
	})
}

// Satisfies reports whether any of the granted scopes grants any of the
// alternatives (see Grants). It is false when either list is empty: an
// operation with no OAuth scope cannot be satisfied by scopes.
func Satisfies(granted, alternatives []string) bool {
	for _, g := range granted {
		for _, a := range alternatives {
			if Grants(g, a) {
				return true
			}
		}
	}
	return false
}
