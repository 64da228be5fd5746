// Package gen turns Checkout.com's OpenAPI document, the operations table
// and the scope table into the Go source of package catalog's generated
// data (zz_catalog.go). It is the library behind the cataloggen command and
// is called in-process by catalog's staleness test, so both produce the
// same bytes from the same inputs.
package gen

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
)

// Inputs are the raw bytes of the source documents. Spec is required;
// Operations and Scopes are optional (nil means not given).
type Inputs struct {
	// Spec is an OpenAPI 3 document in JSON, in the format of
	// https://api-reference.checkout.com/swagger.json.
	Spec []byte
	// Operations is operations.json: one object per known operation with
	// its status ("current", "removed_from_spec", "sdk_only"); nil to use
	// the spec alone.
	Operations []byte
	// Scopes is scopes.json: one object per OAuth scope name with its parent
	// and description; nil to use the scopes the spec declares and uses.
	Scopes []byte
}

// Op is one catalog operation as the generator sees it; it mirrors
// catalog.Operation (the generator must not import the package it
// generates).
type Op struct {
	Method, Path, Host, Summary, OperationID, Tag, Status string
	SandboxOnly, ProductionOnly                           bool
	Security                                              []Requirement // nil = unknown
	ScopeHints                                            []string
	SchemeHints                                           []string
}

// Requirement mirrors catalog.Requirement.
type Requirement struct {
	Scheme string
	Scopes []string
}

// Scope mirrors catalog.ScopeInfo.
type Scope struct{ Name, Parent, Description string }

// Catalog is everything the generated file records.
type Catalog struct {
	Title, Version                    string
	SpecSHA, OperationsSHA, ScopesSHA string // hex SHA-256; "" when not given
	Ops                               []Op
	Scopes                            []Scope
}

// Build reads the inputs into a Catalog with operations and scopes sorted.
func Build(in Inputs) (Catalog, error) {
	spec, err := readSpec(in.Spec)
	if err != nil {
		return Catalog{}, fmt.Errorf("reading the OpenAPI document: %w", err)
	}
	c := Catalog{Title: spec.title, Version: spec.version, SpecSHA: digest(in.Spec), Ops: spec.ops}
	if in.Operations != nil {
		rows, err := readOperations(in.Operations)
		if err != nil {
			return Catalog{}, fmt.Errorf("reading operations.json: %w", err)
		}
		c.OperationsSHA = digest(in.Operations)
		if c.Ops, err = mergeOperations(c.Ops, rows); err != nil {
			return Catalog{}, fmt.Errorf("merging operations.json: %w", err)
		}
	}
	var table []Scope
	if in.Scopes != nil {
		if table, err = readScopes(in.Scopes); err != nil {
			return Catalog{}, fmt.Errorf("reading scopes.json: %w", err)
		}
		c.ScopesSHA = digest(in.Scopes)
	}
	c.Scopes = mergeScopes(table, spec.declaredScopes, c.Ops)
	sortOps(c.Ops)
	return c, nil
}

// Generate returns the gofmt'ed Go source of zz_catalog.go for the inputs.
func Generate(in Inputs) ([]byte, error) {
	c, err := Build(in)
	if err != nil {
		return nil, err
	}
	return Render(c)
}

func digest(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
