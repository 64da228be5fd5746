package catalog

import (
	"strings"
	"testing"
)

func TestValidScopeName(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{
		"gateway": true, "gateway:payment-refunds": true, "a:b:c": true, "fx": true, "payouts:bank-details": true,
		"": false, ":": false, "gateway:": false, ":payment": false, "a::b": false, "Gateway": false,
		"disputes view": false, "gateway\x1b[31m": false, `sc"ope`: false, strings.Repeat("a", MaxScopeName): true,
		strings.Repeat("a", MaxScopeName+1): false,
	} {
		if got := ValidScopeName(s); got != want {
			t.Errorf("ValidScopeName(%q) = %v, want %v", s, got, want)
		}
	}
	for _, s := range Default().Scopes() {
		if !strings.Contains(s.Name, " ") && !ValidScopeName(s.Name) {
			t.Errorf("catalog scope %q fails ValidScopeName", s.Name)
		}
	}
}
