package catalog

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestOperationScopes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name         string
		op           Operation
		wantScopes   []string
		wantKnown    bool
		wantRequired string
	}{
		{
			name:       "parent and child",
			op:         Operation{Security: []Requirement{oauth("gateway", "gateway:payment"), secret()}},
			wantScopes: []string{"gateway", "gateway:payment"}, wantKnown: true, wantRequired: "gateway:payment",
		},
		{
			name:       "secret key scopes are not OAuth scopes",
			op:         Operation{Security: []Requirement{oauth("balances"), secret("balances", "balances:view")}},
			wantScopes: []string{"balances"}, wantKnown: true, wantRequired: "balances",
		},
		{
			name:       "deepest wins even when listed first",
			op:         Operation{Security: []Requirement{oauth("marketplace:transfer:create", "transfers", "transfers:create")}},
			wantScopes: []string{"marketplace:transfer:create", "transfers", "transfers:create"}, wantKnown: true, wantRequired: "marketplace:transfer:create",
		},
		{
			name:       "tie goes to the first in spec order",
			op:         Operation{Security: []Requirement{oauth("files", "files:retrieve", "files:download")}},
			wantScopes: []string{"files", "files:retrieve", "files:download"}, wantKnown: true, wantRequired: "files:retrieve",
		},
		{
			name:       "several OAuth alternatives, deduplicated",
			op:         Operation{Security: []Requirement{oauth("vault", "vault:instruments"), oauth("vault", "vault:tokenization")}},
			wantScopes: []string{"vault", "vault:instruments", "vault:tokenization"}, wantKnown: true, wantRequired: "vault:instruments",
		},
		{
			name:       "known, no OAuth",
			op:         Operation{Security: []Requirement{{Scheme: SchemePublicKey}}},
			wantScopes: []string{}, wantKnown: true,
		},
		{
			name: "unknown security, hints ignored",
			op:   Operation{ScopeHints: []string{"forward:secrets"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.wantScopes, tt.op.Scopes()); diff != "" {
				t.Errorf("Scopes() mismatch (-want +got):\n%s", diff)
			}
			if got := tt.op.KnownScopes(); got != tt.wantKnown {
				t.Errorf("KnownScopes() = %v, want %v", got, tt.wantKnown)
			}
			if got := tt.op.RequiredScope(); got != tt.wantRequired {
				t.Errorf("RequiredScope() = %q, want %q", got, tt.wantRequired)
			}
		})
	}
}

func TestOperationScopesIsFresh(t *testing.T) {
	t.Parallel()
	op := Operation{Security: []Requirement{oauth("gateway", "gateway:payment")}}
	op.Scopes()[0] = "changed"
	if diff := cmp.Diff([]string{"gateway", "gateway:payment"}, op.Scopes()); diff != "" {
		t.Errorf("Scopes() shares memory with the operation (-want +got):\n%s", diff)
	}
}

func TestOperationString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		op   Operation
		want string
	}{
		{Operation{Method: "POST", Path: "/payments", Host: "api"}, "POST /payments"},
		{Operation{Method: "GET", Path: "/files/{file_id}", Host: "files"}, "GET /files/{file_id}"},
		{Operation{}, " "},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			t.Parallel()
			if got := tt.op.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestIsTokenEndpoint(t *testing.T) {
	t.Parallel()
	tests := []struct {
		op   Operation
		want bool
	}{
		{Operation{Method: "POST", Path: "/connect/token", Host: "access"}, true},
		{Operation{Method: "POST", Path: "/issuing/access/connect/token", Host: "api"}, false},
		{Operation{Method: "POST", Path: "/connect/token", Host: "api"}, false},
		{Operation{Method: "GET", Path: "/connect/token", Host: "access"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.op.Host+" "+tt.op.String(), func(t *testing.T) {
			t.Parallel()
			if got := tt.op.IsTokenEndpoint(); got != tt.want {
				t.Errorf("IsTokenEndpoint() = %v, want %v", got, tt.want)
			}
		})
	}
}
