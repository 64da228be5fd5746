package simulator

import (
	"slices"
	"time"
)

// maxRecords bounds the requests a Server keeps (and, separately, the side
// effects); later ones are counted by Dropped instead.
const maxRecords = 100_000

// Request is the record of one request the server received. It never holds
// the Authorization value, a key, a client secret or an access token.
type Request struct {
	// Time is when the request arrived, by Options.Now.
	Time time.Time
	// Method, Path and RawQuery are the request's, as received; Host is its
	// Host header.
	Method, Path, RawQuery, Host string
	// Credential is the Name of the credential the request's Authorization
	// (or token-endpoint client id) named, even if that credential was
	// revoked or sent the wrong way; "" when it named none, and for
	// requests answered by a Fault or not answered at all.
	Credential string
	// Status is the status answered; 0 when the request got no answer (yet:
	// still in progress; or the client gave up, the server closed, or a
	// fault closed the connection before the status line).
	Status int
	// RequestID is the Cko-Request-Id answered.
	RequestID string
	// IdempotencyKey reports whether a Cko-Idempotency-Key header was sent.
	IdempotencyKey bool
	// SideEffect reports whether the request would have changed something on
	// the real API: the simulated API answered 2xx to a POST, PUT, PATCH or
	// DELETE (with or without an idempotency key). Fault answers and token
	// requests are never side effects.
	SideEffect bool
	// Route is the matched catalog operation, "METHOD /template"; RouteToken
	// or RouteEcho; "" when no operation matched (404, 405).
	Route string
	// Rule is the behaviour-profile option that decided or shaped the
	// answer, one of the Rule… constants (e.g. RuleLookupBeforeAuth); ""
	// when none did (the default behaviour), and for the token endpoint,
	// the echo, faults and unanswered requests.
	Rule string
}

// records is the bounded request log of a Server; guarded by Server.mu.
type records struct {
	limit   int
	gen     int // raised by reset, so that slots taken before it are ignored
	all     []Request
	side    []Request
	dropped int
}

// slot is where an arriving request's record is kept until it completes.
type slot struct {
	gen, index int // index -1: dropped
}

// arrive keeps r in arrival order and returns its slot.
func (rs *records) arrive(r Request) slot {
	if len(rs.all) >= rs.limit {
		rs.dropped++
		return slot{gen: rs.gen, index: -1}
	}
	rs.all = append(rs.all, r)
	return slot{gen: rs.gen, index: len(rs.all) - 1}
}

// complete replaces the record in sl with r, and keeps r as a side effect
// if it is one.
func (rs *records) complete(sl slot, r Request) {
	if sl.gen != rs.gen {
		return
	}
	if sl.index >= 0 {
		rs.all[sl.index] = r
	}
	if r.SideEffect && len(rs.side) < rs.limit {
		rs.side = append(rs.side, r)
	}
}

func (rs *records) reset() {
	rs.gen++
	rs.all, rs.side, rs.dropped = nil, nil, 0
}

func (s *Server) arrive(r Request) slot {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.records.arrive(r)
}

func (s *Server) complete(sl slot, r Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.records.complete(sl, r)
}

// Requests returns a copy of every recorded request, in arrival order. A
// request still in progress (waiting out Latency, or hanging) is included
// with Status 0. Empty when none.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.records.all)
}

// SideEffects returns a copy of the recorded requests that would have
// changed something (Request.SideEffect), in order. Empty when none, which
// is what a preflight run must leave.
func (s *Server) SideEffects() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.records.side)
}

// Dropped returns how many requests were not kept in Requests because
// 100,000 were already recorded since the last Reset.
func (s *Server) Dropped() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.records.dropped
}
