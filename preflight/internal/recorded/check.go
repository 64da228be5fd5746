package recorded

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
)

var (
	caseShape     = regexp.MustCompile(`^live-[a-z0-9]+(-[a-zA-Z0-9]+)*$`)
	recordedShape = regexp.MustCompile(`^recorded \d{4}-\d{2}-\d{2}$`)
	// What must never be in a fixture's body or headers, whatever its
	// shape: a string starting pay_ or req_, a UUID (request ids, keys),
	// a Checkout.com id, the probes' own made-up ids.
	forbidden = []struct {
		what string
		re   *regexp.Regexp
	}{
		{"a payment or request id", regexp.MustCompile(`(^|[^a-z0-9_])(pay|req)_`)},
		{"a UUID", regexp.MustCompile(`(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)},
		{"a Checkout.com id", regexp.MustCompile(`\b[a-z]{2,5}_[a-z0-9]{26}\b`)},
		{"a probe's made-up id", regexp.MustCompile(`checkoutpreflight|ckopreflight`)},
	}
)

// Check reports every way a is not a fixture as Write would write it:
// a Case, Method, Route, Credential or Source of the wrong shape, and a
// body or headers that hold anything Scrub and ScrubHeaders would have
// replaced, or anything that looks like an identifier. It returns nil for
// a clean answer; the error joins one error per problem.
func Check(a Answer) error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if !caseShape.MatchString(a.Case) {
		bad("case %q is not \"live-<subject>-<METHOD>-<route>\" (see Name)", a.Case)
	}
	if a.Method == "" || a.Route == "" || a.Host == "" || a.ExpectedRow == "" {
		bad("method, host, route and expected_row are all required")
	}
	if !slices.Contains(Credentials(), a.Credential) {
		bad("credential %q; want one of %q", a.Credential, Credentials())
	}
	if a.Source != SourceDocumented && !recordedShape.MatchString(a.Source) {
		bad("source %q; want %q or \"recorded YYYY-MM-DD\"", a.Source, SourceDocumented)
	}
	if a.Status < 100 || a.Status > 599 {
		bad("status %d is not an HTTP status", a.Status)
	}
	errs = append(errs, checkBody(a.BodyBytes())...)
	errs = append(errs, checkHeaders(a.Headers)...)
	return errors.Join(errs...)
}

// checkBody reports a body that scrubbing would change, and any forbidden
// string in it.
func checkBody(body []byte) []error {
	var errs []error
	if body == nil {
		return nil
	}
	if !json.Valid(body) {
		return []error{fmt.Errorf("body is not JSON; a body that is not JSON is kept as %q", Placeholder)}
	}
	var compact bytes.Buffer
	_ = json.Compact(&compact, body) // valid, checked above
	if scrubbed := Scrub(body); !bytes.Equal(normal(scrubbed), normal(compact.Bytes())) {
		errs = append(errs, fmt.Errorf("body holds values Scrub replaces (strings other than codes under error_type and error_codes, numbers, keys not spelt like codes): scrubbed it is %s", scrubbed))
	}
	return append(errs, forbiddenIn("body", string(body))...)
}

// normal re-encodes a JSON value with sorted keys, for comparisons.
func normal(b []byte) []byte {
	var v any
	if json.Unmarshal(b, &v) != nil {
		return b
	}
	out, _ := json.Marshal(v)
	return out
}

// checkHeaders reports headers other than the two kept, values that
// scrubbing would change, and forbidden strings.
func checkHeaders(h map[string][]string) []error {
	var errs []error
	for k, vs := range h {
		for _, v := range vs {
			var clean string
			switch k {
			case HeaderContentType:
				clean, _ = scrubContentType(v)
			case HeaderWWWAuthenticate:
				clean = scrubChallenge(v)
			default:
				errs = append(errs, fmt.Errorf("header %q is not kept; keep only %s and %s", k, HeaderContentType, HeaderWWWAuthenticate))
				continue
			}
			if clean != v {
				errs = append(errs, fmt.Errorf("header %s %q holds values ScrubHeaders replaces: scrubbed it is %q", k, v, clean))
			}
			errs = append(errs, forbiddenIn("header "+k, v)...)
		}
	}
	return errs
}

func forbiddenIn(where, s string) []error {
	var errs []error
	for _, f := range forbidden {
		if f.re.MatchString(s) {
			errs = append(errs, fmt.Errorf("%s holds %s", where, f.what))
		}
	}
	return errs
}
