package verify

import (
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/credential"
)

// Credential is what was learned about one planned credential. The zero
// value means it was not checked (it was unusable, or the run stopped
// first).
type Credential struct {
	// Checked is true when the credential was checked.
	Checked bool
	// Environment is the environment the credential was found in: its own,
	// or, for an OAuth access key left to "auto", the one whose token
	// endpoint knew it; empty when unknown.
	Environment credential.Environment
	// Targets parallels the plan's Targets: each answer, or a Result with
	// OutcomeNotChecked for a target that was not sent.
	Targets []checkout.Result
	// Activity is the answer to the plan's Activity target; nil when it
	// was not sent.
	Activity *checkout.Result
	// Families parallels the plan's Families: each family lookup's answer.
	Families []checkout.Result
	// Controls parallels Targets, FamilyControls Families, and
	// ActivityControl Activity: the answer each probe got when sent with
	// the plan's Control credential, which cannot exist; a Result with
	// OutcomeNotChecked where the probe was not sent.
	Controls, FamilyControls []checkout.Result
	ActivityControl          *checkout.Result
	// Token is the OAuth exchange; nil for other kinds.
	Token *Token
}

// Token is what the token endpoint(s) said about an OAuth access key.
type Token struct {
	// Err is the first exchange's error; nil when it issued a token.
	Err error
	// TokenURL is the token endpoint of Environment (or every one tried,
	// joined with " and ", when none knew the client).
	TokenURL string
	// Tried is how many environments were asked.
	Tried int
	// Granted lists the scopes the first token carried; nil when none was
	// issued.
	Granted []string
	// Missing lists the required scopes the key was refused, once
	// invalid_scope was resolved scope by scope; never nil.
	Missing []string
	// ScopeErr is set when some scopes could not be decided.
	ScopeErr error
	// Granting parallels the plan's Targets: true when the target was
	// probed with a token carrying a scope that grants it.
	Granting []bool
	// APIResults are the answers to every request made with a token
	// (the targets probed, and the activity probe), to tell whether the
	// API accepted a token at all.
	APIResults []checkout.Result
	// ControlScopes are the scopes of the token sent as the scope control;
	// nil when none was issued.
	ControlScopes []string
	// ScopeControls parallels the plan's Targets: the answer each target
	// got with a token whose scopes do not grant it; nil where no such
	// token was sent.
	ScopeControls []*checkout.Result
}
