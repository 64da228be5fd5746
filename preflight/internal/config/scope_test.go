package config

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseScopes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		values   []Value
		want     []Value
		wantErrs []string
	}{
		{name: "none", values: nil, want: nil},
		{
			name:   "valid",
			values: []Value{{"gateway", at("s", 1, 1)}, {"gateway:payment", at("s", 2, 1)}, {"payment-sessions", at("s", 3, 1)}, {"vault:card-metadata", at("s", 4, 1)}, {"a1:b2:c-3", at("s", 5, 1)}},
			want:   []Value{{"gateway", at("s", 1, 1)}, {"gateway:payment", at("s", 2, 1)}, {"payment-sessions", at("s", 3, 1)}, {"vault:card-metadata", at("s", 4, 1)}, {"a1:b2:c-3", at("s", 5, 1)}},
		},
		{
			name:   "title case, spaces and other shapes",
			values: []Value{{"Gateway:Payment", at("s", 1, 3)}, {"gateway payment", at("s", 2, 3)}, {"gateway", at("s", 3, 3)}, {"gateway::payment", at("s", 4, 3)}, {"gateway_payment", at("s", 5, 3)}, {"", at("s", 6, 3)}, {":x", at("s", 7, 3)}, {"gateway:", at("s", 8, 3)}, {"g\xffw", at("s", 9, 3)}},
			want:   []Value{{"gateway", at("s", 3, 3)}},
			wantErrs: []string{
				`s:1:3: scope "Gateway:Payment" is not valid: scope names are lower case; write "gateway:payment"`,
				`s:2:3: scope "gateway payment" contains a space; separate scopes with commas or new lines (a scope is lower-case letters, digits and "-", in parts joined by ":", like "gateway:payment")`,
				`s:4:3: scope "gateway::payment" is not valid: a scope is lower-case letters, digits and "-", in parts joined by ":", like "gateway:payment"`,
				`s:5:3: scope "gateway_payment" is not valid: a scope is lower-case letters, digits and "-", in parts joined by ":", like "gateway:payment"`,
				`s:6:3: scope is empty; a scope is lower-case letters, digits and "-", in parts joined by ":", like "gateway:payment"`,
				`s:7:3: scope ":x" is not valid: a scope is lower-case letters, digits and "-", in parts joined by ":", like "gateway:payment"`,
				`s:8:3: scope "gateway:" is not valid: a scope is lower-case letters, digits and "-", in parts joined by ":", like "gateway:payment"`,
				`s:9:3: scope "g\xffw" is not valid: a scope is lower-case letters, digits and "-", in parts joined by ":", like "gateway:payment"`,
			},
		},
		{
			name:     "from a flag, no position",
			values:   SplitList("gateway:payment, Vault", at("", 0, 0)),
			want:     []Value{{Text: "gateway:payment"}},
			wantErrs: []string{`scope "Vault" is not valid: scope names are lower case; write "vault"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := ParseScopes(tt.values)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseScopes values mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantErrs, messages(t, err)); diff != "" {
				t.Errorf("ParseScopes errors mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
