package catalog

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestGrants(t *testing.T) {
	t.Parallel()
	tests := []struct {
		granted, required string
		want              bool
	}{
		{"gateway", "gateway", true},
		{"gateway", "gateway:payment", true},
		{"gateway:payment", "gateway:payment", true},
		{"gateway:payment", "gateway", false},
		{"gateway:payment", "gateway:payment-refunds", false},
		{"gateway:payment", "gateway:payment:details", false}, // only the part before the first ':' is a parent
		{"gate", "gateway:payment", false},
		{"marketplace", "marketplace:transfer:create", true},
		{"Gateway", "gateway:payment", false},
		{"", "gateway", false},
		{"gateway", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.granted+"→"+tt.required, func(t *testing.T) {
			t.Parallel()
			if got := Grants(tt.granted, tt.required); got != tt.want {
				t.Errorf("Grants(%q, %q) = %v, want %v", tt.granted, tt.required, got, tt.want)
			}
		})
	}
}

func TestParent(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"gateway:payment": "gateway", "marketplace:transfer:create": "marketplace", "gateway": "", "": ""} {
		if got := Parent(in); got != want {
			t.Errorf("Parent(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSatisfies(t *testing.T) {
	t.Parallel()
	refunds := []string{"gateway", "gateway:payment-refunds"}
	tests := []struct {
		name    string
		granted []string
		alts    []string
		want    bool
	}{
		{"child", []string{"gateway:payment-refunds"}, refunds, true},
		{"parent", []string{"vault", "gateway"}, refunds, true},
		{"parent grants a child alternative", []string{"transfers"}, []string{"transfers:create"}, true},
		{"sibling", []string{"gateway:payment"}, refunds, false},
		{"nothing granted", nil, refunds, false},
		{"no alternatives", []string{"gateway"}, nil, false},
		{"empty alternatives", []string{"gateway"}, []string{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := Satisfies(tt.granted, tt.alts); got != tt.want {
				t.Errorf("Satisfies(%q, %q) = %v, want %v", tt.granted, tt.alts, got, tt.want)
			}
			if got := fixture(t).Satisfies(tt.granted, tt.alts); got != tt.want {
				t.Errorf("Catalog.Satisfies(%q, %q) = %v, want %v", tt.granted, tt.alts, got, tt.want)
			}
		})
	}
}

func TestCatalogGrantsUsesScopeTable(t *testing.T) {
	t.Parallel()
	c := fixture(t)
	if !c.Grants("legacy", "odd:child") {
		t.Error(`Catalog.Grants("legacy", "odd:child") = false, want true: the scope table names "legacy" as the parent`)
	}
	if Grants("legacy", "odd:child") {
		t.Error(`Grants("legacy", "odd:child") = true, want false: the package function only knows name prefixes`)
	}
	if !c.Grants("odd", "odd:child") || c.Grants("", "odd:child") {
		t.Error("Catalog.Grants must keep the prefix rule and never grant from an empty scope")
	}
}

func TestScope(t *testing.T) {
	t.Parallel()
	c := fixture(t)
	got, ok := c.Scope("gateway:payment")
	if diff := cmp.Diff(ScopeInfo{Name: "gateway:payment", Parent: "gateway", Description: "Request payments"}, got); !ok || diff != "" {
		t.Errorf("Scope(gateway:payment) = %v (ok %v), mismatch (-want +got):\n%s", got, ok, diff)
	}
	if _, ok := c.Scope("GATEWAY"); ok {
		t.Error("Scope is case-sensitive; GATEWAY must not be found")
	}
	scopes := c.Scopes()
	if diff := cmp.Diff(fixtureScopes(), scopes); diff != "" {
		t.Errorf("Scopes() mismatch (-want +got):\n%s", diff)
	}
	scopes[0].Name = "changed"
	ops := c.Operations()
	ops[0].Method = "changed"
	if diff := cmp.Diff(fixtureScopes(), c.Scopes()); diff != "" {
		t.Errorf("Scopes() shares memory with the catalog (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(fixtureOps(), c.Operations()); diff != "" {
		t.Errorf("Operations() shares memory with the catalog (-want +got):\n%s", diff)
	}
}
