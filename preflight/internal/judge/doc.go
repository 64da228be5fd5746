// Package judge turns a plan and what verification learned into the
// report: one pure function, Judge, with no network, clock or file system.
//
// It owns every verdict: whether a credential is active, what each answer
// says about each endpoint (authorised, refused, missing a scope,
// inconclusive), the OAuth scope checks, the egress checks, the checks of
// a run cut short, and the overall result (Verdict), which renderers read
// and never recompute. It writes the findings' wording — titles, messages
// and remedies — and nothing else: it never sends, prints or redacts (the
// sinks redact).
package judge
