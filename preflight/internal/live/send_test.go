//go:build live

package live

import (
	"net/http"
	"slices"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/checkout"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/plan"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/probe"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/recorded"
)

// answer is what one probe got.
type answer struct {
	// who names the credential in messages ("the full key", "the control").
	who string
	// result is checkout.Client's verdict; row the evidence row it names.
	result checkout.Result
	row    checkout.Row
	// exchange is what the answer carried; got is false when none came.
	exchange recorded.Exchange
	got      bool
}

// send sends tgt's probe with authorization through checkout.Client, as a
// run does, and keeps what the answer carried. A 2xx to a write fails the
// test, loudly.
func (s *suite) send(urls checkout.Endpoints, who, authorization string, tgt plan.Target) answer {
	s.t.Helper()
	mustBeHarmless(s, tgt.Probe)
	capture := &recorded.Capture{Base: s.http.Transport}
	hc := *s.http
	hc.Transport = capture
	c := &checkout.Client{HTTP: &hc, Endpoints: urls, UserAgent: userAgent}
	a := answer{who: who, result: c.Probe(s.ctx, authorization, tgt.Probe)}
	a.exchange, a.got = capture.Last()
	if a.result.Evidence == "" {
		s.fatalf("%s with %s: no answer: %v", tgt.Op, who, a.result.Err)
	}
	a.row = row(a.result.Evidence)
	s.logf("%s with %s: %d, row %s (%s), Cko-Request-Id %q", tgt.Op, who, a.result.HTTPStatus, a.row.ID, a.row.Meaning, a.result.RequestID)
	if a.row.Meaning == checkout.MeaningUnexpectedSuccess {
		s.errorf("!!! %s with %s SUCCEEDED (%d, Cko-Request-Id %q): a probe must never succeed; "+
			"check the sandbox account for a change made by this request and report it: %v",
			tgt.Op, who, a.result.HTTPStatus, a.result.RequestID, a.result.Err)
	}
	return a
}

// mustBeHarmless stops the test before sending anything but one of the
// tool's probes: an id that does not exist, a body that cannot validate.
func mustBeHarmless(s *suite, p probe.Probe) {
	s.t.Helper()
	read := p.Method == http.MethodGet || p.Method == http.MethodHead
	switch {
	case p.Skip != "":
		s.fatalf("%s %s must not be probed: %s", p.Method, p.Path, p.Skip)
	case strings.ContainsAny(p.Path, "{}"):
		s.fatalf("%s %s has a template parameter left", p.Method, p.Path)
	case !read && string(p.Body) != probe.EmptyArray:
		s.fatalf("%s %s would be sent with a body other than %s", p.Method, p.Path, probe.EmptyArray)
	case p.Method == http.MethodDelete:
		s.fatalf("the suite sends no DELETE (%s)", p.Path)
	}
}

// row returns the evidence row named id.
func row(id string) checkout.Row {
	rows := checkout.EvidenceRows()
	if i := slices.IndexFunc(rows, func(r checkout.Row) bool { return r.ID == id }); i >= 0 {
		return rows[i]
	}
	return checkout.Row{ID: id}
}
