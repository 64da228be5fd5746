package judge

import (
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// proof is what a probe's control shows about the probe's answer.
type proof int

const (
	// proven: the control was refused while the credential was not, or
	// refused differently: the route checked the credential first.
	proven proof = iota
	// sameAsControl: the control got the same kind of answer: the route
	// answers before it checks the credential (or refuses everyone), so
	// the answer says nothing about the credential.
	sameAsControl
	// noControl: the control got no usable answer, or was not sent.
	noControl
)

// refused reports an outcome that refuses the credential.
func refused(o checkout.Outcome) bool {
	return o == checkout.OutcomeUnauthenticated || o == checkout.OutcomeForbidden || o == checkout.OutcomeScopeRefused
}

// proofOf compares a probe's answer with its control's.
func proofOf(real, control checkout.Result) proof {
	switch {
	case control.Outcome == checkout.OutcomeNotChecked || control.Outcome == checkout.OutcomeInconclusive || control.HTTPStatus == 0:
		return noControl
	case refused(control.Outcome) && !refused(real.Outcome):
		return proven
	case control.Outcome == checkout.OutcomeUnauthenticated && (real.Outcome == checkout.OutcomeForbidden || real.Outcome == checkout.OutcomeScopeRefused):
		return proven // the key is known: refused for a permission, not as unknown
	}
	return sameAsControl
}

// controlReport is a control's answer for the report; nil when the
// control was not sent.
func controlReport(real, control checkout.Result) *report.Control {
	if control.Outcome == checkout.OutcomeNotChecked && control.Attempts == 0 {
		return nil
	}
	return &report.Control{HTTPStatus: control.HTTPStatus, Row: control.Evidence, Proves: proofOf(real, control) == proven}
}

// knownFrom says whether a probe's answer, against its control, shows the
// credential is known to Checkout.com: accepted, refused for a
// permission, or a success, where the control was refused.
func knownFrom(real, control checkout.Result) bool {
	switch real.Outcome {
	case checkout.OutcomeUnexpectedSuccess:
		return true
	case checkout.OutcomeAuthorized, checkout.OutcomeForbidden, checkout.OutcomeScopeRefused:
		return proofOf(real, control) == proven
	}
	return false
}
