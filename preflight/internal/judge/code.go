package judge

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/plan"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// CodeScan is one reading of the code for Checkout.com calls: the discover
// paths, the credentials that read them, and what was found.
type CodeScan struct {
	// Paths are the discover paths read.
	Paths config.CodePaths
	// Credentials name the credentials whose calls these paths hold.
	Credentials []string
	// Files is how many source files were read; Calls how many calls were
	// found in them.
	Files, Calls int
	// Skipped counts the files left out, by reason (see package discover:
	// "test", "vendored", "gitignored", …); nil when none was.
	Skipped map[string]int
	// Err is why the scan did not finish; nil when it did.
	Err error
}

// codeScanned is the check of one scan: it fails when the code could not
// be read, or held no source file at all (discovery would then check
// nothing while seeming on).
func codeScanned(s CodeScan) report.Check {
	c := report.Check{ID: report.CheckCodeScanned, Position: positionOf(s.Paths.Pos), Detail: skippedDetail(s.Skipped)}
	where := pathsText(s.Paths)
	switch {
	case errors.Is(s.Err, context.DeadlineExceeded) || errors.Is(s.Err, context.Canceled):
		c.Status, c.Title = report.StatusInconclusive, "Code not read"
		c.Message = fmt.Sprintf("the run ended before the code in %s was read", where)
		c.Remedy = "re-run the job; if it persists, narrow discover to the directories that hold the Checkout.com calls"
	case s.Err != nil:
		c.Status, c.Title = report.StatusFail, "Code not read"
		c.Message = fmt.Sprintf("could not read the code for discover: %v", s.Err)
		c.Remedy = "discover paths are relative to the workspace; check their spelling, and that the repository is checked out (actions/checkout) before this step"
	case s.Files == 0:
		c.Status, c.Title = report.StatusFail, "No code found"
		c.Message = fmt.Sprintf("discover read no source file in %s, so no call of the code was checked", where)
		c.Remedy = "point discover at the directories that hold the service's code, and check out the repository (actions/checkout) before this step"
	default:
		c.Status, c.Title = report.StatusPass, "Code read"
		c.Message = fmt.Sprintf("read %s in %s: %s of Checkout.com, checked for %s",
			plural(s.Files, "source file", "source files"), where, plural(s.Calls, "call", "calls"), strings.Join(s.Credentials, ", "))
	}
	return c
}

// pathsText names discover paths in a message.
func pathsText(p config.CodePaths) string {
	if len(p.Paths) == 0 {
		return "the workspace"
	}
	q := make([]string, len(p.Paths))
	for i, s := range p.Paths {
		q[i] = config.Quote(s)
	}
	return strings.Join(q, ", ")
}

// skippedDetail says which files were left out; "" when none was.
func skippedDetail(counts map[string]int) string {
	if len(counts) == 0 {
		return ""
	}
	var parts []string
	for _, reason := range slices.Sorted(maps.Keys(counts)) {
		parts = append(parts, fmt.Sprintf("%s %d", reason, counts[reason]))
	}
	return "files left out, by reason: " + strings.Join(parts, ", ") + " (test files are never read; vendored code, build output and .gitignore'd files are skipped)"
}

// codeChecks compares what a credential declares with what its code calls
// (when it both declares endpoints and turns discovery on): an undeclared
// call fails, at the call; a declared endpoint no code calls is a notice,
// at the declaration; calls of endpoints the catalog does not know are one
// notice. It returns nil when discovery is off for the credential.
func codeChecks(c plan.Credential) []report.Check {
	if !c.Spec.Code.On {
		return nil
	}
	var out []report.Check
	drift := len(c.Spec.Endpoints) > 0
	for _, t := range c.Targets {
		switch {
		case !drift:
		case t.Origin == plan.OriginDiscovered:
			out = append(out, undeclaredCall(c, t))
		case t.Origin == plan.OriginDeclared && len(t.Calls) == 0:
			out = append(out, unusedEndpoint(c, t))
		}
	}
	if len(c.Unmatched) > 0 {
		out = append(out, unknownCalls(c))
	}
	return out
}

func undeclaredCall(c plan.Credential, t plan.Target) report.Check {
	first := t.Calls[0]
	name := t.Op.String()
	return report.Check{ID: report.CheckCodeDeclared, Status: report.StatusFail, Credential: c.Name(), Endpoint: name,
		Position: positionOf(first.Pos), Title: "Undeclared call: " + name,
		Message: fmt.Sprintf("%s calls %q, which is not among %s", callName(first), name, endpointsOf(c)),
		Remedy:  fmt.Sprintf("add %q to %s, so that the declaration stays the review of what the key must allow; the key was checked against it all the same", name, endpointsOf(c)),
		Detail:  callSites(t.Calls)}
}

func unusedEndpoint(c plan.Credential, t plan.Target) report.Check {
	name := t.Op.String()
	return report.Check{ID: report.CheckCodeUsed, Status: report.StatusNotice, Credential: c.Name(), Endpoint: t.Op.String(),
		Position: positionOf(t.Decl.Pos), Title: "Declared, not called: " + name,
		Message: fmt.Sprintf("no call of %q was found in %s", name, pathsText(c.Spec.Code)),
		Remedy:  "remove it from endpoints if the service no longer calls it; keep it if the call is made in a way discovery does not recognise (see README, Discover endpoints from code)"}
}

func unknownCalls(c plan.Credential) report.Check {
	first := c.Unmatched[0]
	var lines []string
	for _, u := range c.Unmatched {
		lines = append(lines, fmt.Sprintf("%s: %s %s (%s)", u.Pos, u.Method, u.Path, orUnknown(u.Symbol)))
	}
	return report.Check{ID: report.CheckCodeKnown, Status: report.StatusNotice, Credential: c.Name(),
		Position: positionOf(first.Pos), Title: "Calls not checked",
		Message: fmt.Sprintf("%s an endpoint the catalog does not know (%s %s), so the key is not checked against %s",
			callCount(len(c.Unmatched)), first.Method, first.Path, map[bool]string{true: "it", false: "them"}[len(c.Unmatched) == 1]),
		Remedy: "if the endpoint is of the previous platform or new, declare what it needs in scopes; otherwise nothing to do",
		Detail: strings.Join(lines, "\n")}
}

func callCount(n int) string {
	if n == 1 {
		return "1 call reaches"
	}
	return fmt.Sprintf("%d calls reach", n)
}

// callName names a call in a finding placed at the call:
// "`cko.payments.refund(…)`".
func callName(c plan.Call) string {
	if c.Symbol == "" {
		return "the request"
	}
	return fmt.Sprintf("`%s(…)`", c.Symbol)
}

// callText names a call anywhere else: "`cko.payments.refund(…)` at
// src/pay.ts:12:5".
func callText(c plan.Call) string {
	return callName(c) + " at " + c.Pos.String()
}

// endpointsOf names a credential's declared endpoints in a message.
func endpointsOf(c plan.Credential) string {
	switch c.Name() {
	case "", config.SecretKey, config.ClientID, config.PublicKey:
		return "the declared endpoints"
	}
	return "the endpoints of " + c.Name()
}

// callSites lists every call, one a line; "" for one call, which the
// message names.
func callSites(calls []plan.Call) string {
	if len(calls) < 2 {
		return ""
	}
	lines := []string{fmt.Sprintf("called %d times:", len(calls))}
	for _, c := range calls {
		lines = append(lines, callText(c))
	}
	return strings.Join(lines, "\n")
}
