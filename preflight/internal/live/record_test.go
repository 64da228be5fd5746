//go:build live

package live

import (
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/plan"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/recorded"
)

// answersDir is where package checkout's replay test reads fixtures.
const answersDir = "../checkout/testdata/answers"

// record returns the case name of a, got by subject (see recorded.Name),
// and, when recording, writes a as that fixture, scrubbed. pair is the
// case a is the control of; empty for none.
func (s *suite) record(subject, kind, pair string, tgt plan.Target, a answer) string {
	s.t.Helper()
	name := recorded.Name(subject, tgt.Op.Method, tgt.Op.Path)
	if !recording() || !a.got {
		return name
	}
	f := recorded.Answer{
		Case: name, Method: tgt.Op.Method, Host: tgt.Op.Host, Route: tgt.Op.Path,
		Credential: kind, Pair: pair, Status: a.exchange.Status,
		Headers: recorded.ScrubHeaders(a.exchange.Header), Body: recorded.Scrub(a.exchange.Body),
		ExpectedRow: a.result.Evidence, Source: recorded.SourceRecorded(time.Now()),
	}
	if err := recorded.Write(answersDir, f); err != nil {
		s.errorf("%v", err)
		return name
	}
	s.logf("recorded %s", name)
	return name
}
