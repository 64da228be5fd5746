package catalog

// MaxScopeName is the longest scope name ValidScopeName accepts.
const MaxScopeName = 64

// ValidScopeName reports whether s is spelt as Checkout.com spells scope
// names: lower-case letters, digits and "-", in parts joined by ":", such
// as "gateway" or "gateway:payment-refunds", at most MaxScopeName bytes. It
// is the one scope syntax: scopes a user declares and scopes a token
// endpoint says it granted are both held to it. It says nothing about
// whether the scope exists (see Catalog.Scope).
func ValidScopeName(s string) bool {
	if s == "" || len(s) > MaxScopeName {
		return false
	}
	part := 0
	for i := range len(s) {
		switch c := s[i]; {
		case c == ':':
			if part == 0 {
				return false
			}
			part = 0
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-':
			part++
		default:
			return false
		}
	}
	return part > 0
}
