package simulator

// Names of the DemoCredentials, for looking them up in records.
const (
	DemoFullAccess    = "sandbox-full-access"
	DemoNoRefunds     = "sandbox-no-refunds"
	DemoRevoked       = "sandbox-revoked"
	DemoOAuthNoView   = "oauth-no-disputes-view"
	DemoPrevious      = "previous-platform"
	DemoPublic        = "sandbox-public"
	DemoRefundBlocked = "sandbox-refunds-blocked"
)

// DemoCredentials returns a fresh set of obviously fake credentials in the
// real formats, for demos and end-to-end tests (the `checkout-preflight
// simulate` command uses them):
//
//   - DemoFullAccess, "sk_sbox_fakennppvxwgwoej6d3n7rbotey": a sandbox
//     secret key with every top-level scope;
//   - DemoNoRefunds, "sk_sbox_fakenloya654vxtp3opomxeicxx": a sandbox secret
//     key with the gateway payment scopes except gateway:payment-refunds,
//     plus vault and disputes;
//   - DemoRevoked, "sk_sbox_fakenxz6pjlgbuuumue6yclmdvc": a revoked sandbox
//     secret key (401 everywhere);
//   - DemoOAuthNoView, client "ack_fake5piuzsacvcxqknmkwkteve": an OAuth
//     access key with gateway, vault, disputes:accept and
//     disputes:provide-evidence but not disputes:view;
//   - DemoPrevious, "sk_test_9974d75b-3338-44fe-a179-0134676b1b69": a
//     previous-platform secret key (sent raw; reaches everything);
//   - DemoPublic, "pk_sbox_fakeu5myxwdxgu2rssle2wiilkj": a sandbox public
//     key (only POST /tokens);
//   - DemoRefundBlocked, "sk_sbox_fakelof5b7ohwvk5ctvq4kryuxg": a sandbox
//     secret key with every top-level scope whose refunds route
//     ("POST /payments/{id}/refunds") is restricted (403).
//
// Keys match `^sk_(sbox_)?[a-z2-7]{26}[a-z2-7*#$=]$` (public keys with
// "pk_"), access keys `^ack_[a-z2-7]{26}$`; none is a real credential.
func DemoCredentials() []Credential {
	return []Credential{
		{Name: DemoFullAccess, SecretKey: "sk_sbox_fakennppvxwgwoej6d3n7rbotey", Scopes: allTopLevelScopes()},
		{Name: DemoNoRefunds, SecretKey: "sk_sbox_fakenloya654vxtp3opomxeicxx", Scopes: []string{
			"gateway:payment", "gateway:payment-details", "gateway:payment-authorizations",
			"gateway:payment-captures", "gateway:payment-voids", "vault", "disputes",
		}},
		{Name: DemoRevoked, SecretKey: "sk_sbox_fakenxz6pjlgbuuumue6yclmdvc", Scopes: allTopLevelScopes(), Revoked: true},
		{
			Name:         DemoOAuthNoView,
			ClientID:     "ack_fake5piuzsacvcxqknmkwkteve",
			ClientSecret: "fake-56qaefin-j6dyrt3n-llzenzsd",
			Scopes:       []string{"gateway", "vault", "disputes:accept", "disputes:provide-evidence"},
		},
		{Name: DemoPrevious, SecretKey: "sk_test_9974d75b-3338-44fe-a179-0134676b1b69"},
		{Name: DemoPublic, SecretKey: "pk_sbox_fakeu5myxwdxgu2rssle2wiilkj"},
		{
			Name: DemoRefundBlocked, SecretKey: "sk_sbox_fakelof5b7ohwvk5ctvq4kryuxg", Scopes: allTopLevelScopes(),
			Restricted: []string{"POST /payments/{id}/refunds"},
		},
	}
}

// allTopLevelScopes returns the top-level scopes of the current platform.
func allTopLevelScopes() []string {
	return []string{
		"accounts", "balances", "disputes", "files", "financial-actions", "flow",
		"forward", "fx", "gateway", "issuing", "marketplace", "payouts",
		"reports", "risk", "sessions", "transfers", "vault",
	}
}
