//go:build live

package live

import (
	"net/http"
	"slices"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/plan"
)

// wantAccepted fails unless a got past authentication and authorisation.
func (s *suite) wantAccepted(tgt plan.Target, a answer) {
	s.t.Helper()
	ok := []checkout.Meaning{checkout.MeaningAccepted, checkout.MeaningBusinessRule, checkout.MeaningPastAuthorisation}
	if !slices.Contains(ok, a.row.Meaning) {
		s.errorf("%s with %s: %d reads as row %q (%s); want one meaning %q — the assumption that the id or body "+
			"is looked at only after the credential does not hold here, or the credential lacks a scope",
			tgt.Op, a.who, a.result.HTTPStatus, a.row.ID, a.row.Meaning, ok)
	}
}

// wantRefused fails unless a was refused.
func (s *suite) wantRefused(tgt plan.Target, a answer) {
	s.t.Helper()
	ok := []checkout.Meaning{checkout.MeaningRefused, checkout.MeaningScopeRefused}
	if !slices.Contains(ok, a.row.Meaning) {
		s.errorf("%s with %s: %d reads as row %q (%s); want a refusal (%q): the route answered before checking "+
			"the scope, so the tool would call this credential authorised",
			tgt.Op, a.who, a.result.HTTPStatus, a.row.ID, a.row.Meaning, ok)
	}
}

// wantControlRefused fails unless the control got 401: the route checked
// the credential before anything else.
func (s *suite) wantControlRefused(tgt plan.Target, a answer) {
	s.t.Helper()
	if a.result.HTTPStatus != http.StatusUnauthorized || a.row.Meaning != checkout.MeaningRefused {
		s.errorf("%s with %s: %d reads as row %q (%s); want 401 %q: a credential that cannot exist got the answer "+
			"a real one gets, so this route's answer says nothing about the credential",
			tgt.Op, a.who, a.result.HTTPStatus, a.row.ID, a.row.Meaning, checkout.MeaningRefused)
	}
}
