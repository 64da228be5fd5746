package checkout

import (
	"net/http"
	"slices"
	"testing"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/recorded"
)

// answersDir holds the fixtures the live suite records (see package
// recorded and preflight/internal/live).
const answersDir = "testdata/answers"

func loadAnswers(tb testing.TB) []recorded.Answer {
	tb.Helper()
	answers, err := recorded.Load(answersDir)
	if err != nil {
		tb.Fatal(err)
	}
	if len(answers) == 0 {
		tb.Fatalf("no fixtures in %s", answersDir)
	}
	return answers
}

func rowByID(id string) (Row, bool) {
	i := slices.IndexFunc(EvidenceRows(), func(r Row) bool { return r.ID == id })
	if i < 0 {
		return Row{}, false
	}
	return EvidenceRows()[i], true
}

// replay reads a fixture as Client.Probe reads a real answer.
func replay(a recorded.Answer) Row {
	return Evidence(a.Method, readAnswer(a.Status, a.Header(), a.BodyBytes()))
}

// TestRecordedAnswersReadAsExpected replays every recorded answer through
// readAnswer and Evidence: a change to either that reads a recorded answer
// differently fails here.
func TestRecordedAnswersReadAsExpected(t *testing.T) {
	t.Parallel()
	for _, a := range loadAnswers(t) {
		t.Run(a.Case, func(t *testing.T) {
			t.Parallel()
			want, ok := rowByID(a.ExpectedRow)
			if !ok {
				t.Fatalf("expected_row %q is not a row of the evidence table", a.ExpectedRow)
			}
			if got := replay(a); got.ID != want.ID {
				t.Errorf("%s %s answered %d (%s) reads as row %q (%s, %s); the fixture expects %q (%s)\n"+
					"the evidence table no longer reads this answer as when it was %s: if the change is deliberate, "+
					"rerun the live suite with CKO_LIVE_RECORD=1, else restore the row",
					a.Method, a.Route, a.Status, a.Credential, got.ID, got.When, got.Meaning, want.ID, want.Meaning, a.Source)
			}
		})
	}
}

// accepting reports the meanings of an answer that got past
// authentication and authorisation.
func accepting(m Meaning) bool {
	return m == MeaningAccepted || m == MeaningBusinessRule || m == MeaningPastAuthorisation
}

// TestRecordedControlsAreRefused checks the pairs: the same probe sent
// with a credential that cannot exist is refused (the route checked the
// credential before its id or body), a token of another scope family is
// refused, and the credential they are the control of got through.
func TestRecordedControlsAreRefused(t *testing.T) {
	t.Parallel()
	answers := loadAnswers(t)
	byCase := map[string]recorded.Answer{}
	for _, a := range answers {
		byCase[a.Case] = a
	}
	pairs := 0
	for _, a := range answers {
		if a.Pair == "" {
			if a.Credential == recorded.CredentialControl || a.Credential == recorded.CredentialOAuthOtherScope {
				t.Errorf("%s: a %s answer names no pair", a.Case, a.Credential)
			}
			continue
		}
		pairs++
		real, ok := byCase[a.Pair]
		switch {
		case !ok:
			t.Errorf("%s: pair %q has no fixture", a.Case, a.Pair)
			continue
		case real.Method != a.Method || real.Route != a.Route || real.Host != a.Host:
			t.Errorf("%s: pair %q is %s %s %s, not the same probe", a.Case, real.Case, real.Method, real.Host, real.Route)
		}
		got := replay(a).Meaning
		switch a.Credential {
		case recorded.CredentialControl:
			if got != MeaningRefused || a.Status != http.StatusUnauthorized {
				t.Errorf("%s: the control was answered %d, meaning %q; want 401, %q", a.Case, a.Status, got, MeaningRefused)
			}
		case recorded.CredentialOAuthOtherScope:
			if got != MeaningRefused && got != MeaningScopeRefused {
				t.Errorf("%s: a token of another scope family reads %q; want %q or %q", a.Case, got, MeaningRefused, MeaningScopeRefused)
			}
		default:
			t.Errorf("%s: credential %q cannot be the control of another answer", a.Case, a.Credential)
		}
		if m := replay(real).Meaning; !accepting(m) {
			t.Errorf("%s: %s reads %q, so its control proves nothing", a.Case, real.Case, m)
		}
	}
	if pairs == 0 {
		t.Error("no fixture is the control of another")
	}
}

// TestRecordedAnswersHoldNoIDs checks every fixture for what must never be
// committed: ids, request ids, and anything not spelt like a code.
func TestRecordedAnswersHoldNoIDs(t *testing.T) {
	t.Parallel()
	for _, a := range loadAnswers(t) {
		if err := recorded.Check(a); err != nil {
			t.Errorf("%s: %v", a.Case, err)
		}
	}
}

// TestRecordedWritesNeverSucceeded: a probe is built so that it cannot
// succeed; a recorded success means it may have changed the account.
func TestRecordedWritesNeverSucceeded(t *testing.T) {
	t.Parallel()
	for _, a := range loadAnswers(t) {
		if r := replay(a); r.Meaning == MeaningUnexpectedSuccess || a.ExpectedRow == "write-succeeded" {
			t.Errorf("%s: %s %s succeeded (%d); check the sandbox account for a change made by the probe", a.Case, a.Method, a.Route, a.Status)
		}
	}
}
