package config

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// Endpoint is one declared endpoint line, such as "POST /payments".
type Endpoint struct {
	// Method is the HTTP method in upper case: GET, POST, PUT, PATCH or
	// DELETE.
	Method string
	// Path is the path as written, starting with "/", or an absolute
	// https:// URL kept as is so that the catalog can pick the host.
	Path string
	// Raw is the line as the user wrote it, trimmed ("post  /payments/").
	Raw string
	// Pos is where the line starts; zero when it was not written in a file.
	Pos report.Position
}

// String returns the normalised form, "POST /payments".
func (e Endpoint) String() string { return e.Method + " " + e.Path }

// methods lists the methods an endpoint line may use, in the order messages
// list them.
func methods() []string { return []string{"GET", "POST", "PUT", "PATCH", "DELETE"} }

const acceptedMethods = "GET, POST, PUT, PATCH or DELETE"

func isMethod(s string) bool {
	for _, m := range methods() {
		if strings.EqualFold(s, m) {
			return true
		}
	}
	return false
}

// ParseEndpoint parses one endpoint line: a method (GET, POST, PUT, PATCH or
// DELETE, in any case), one or more spaces or tabs, and a path starting with
// "/" or an absolute https:// URL. The error is an *Error positioned at the
// offending part of the line, saying how to write it.
func ParseEndpoint(v Value) (Endpoint, error) {
	trimmed := strings.TrimLeft(v.Text, " \t")
	pos := shift(v.Pos, utf8.RuneCountInString(v.Text[:len(v.Text)-len(trimmed)]))
	raw := strings.TrimRight(trimmed, " \t")
	fail := func(p report.Position, format string, args ...any) (Endpoint, error) {
		return Endpoint{}, &Error{Pos: p, Message: fmt.Sprintf(format, args...), Title: "Invalid endpoint"}
	}
	switch {
	case raw == "":
		return fail(pos, `endpoint is empty; write "METHOD /path", for example "POST /payments"`)
	case !utf8.ValidString(raw):
		return fail(pos, `endpoint %s is not valid UTF-8 text; write it as "METHOD /path", for example "POST /payments"`, quote(raw))
	case strings.ContainsFunc(raw, func(r rune) bool { return r != '\t' && unicode.IsControl(r) }):
		return fail(pos, `endpoint %s contains a control character; write it as "METHOD /path", for example "POST /payments"`, quote(raw))
	}
	fs := fields(raw)
	if len(fs) == 1 {
		return fail(pos, "%s", oneField(raw))
	}
	method, path := fs[0].text, fs[1].text
	if !isMethod(method) {
		if strings.HasPrefix(method, "/") && isMethod(path) {
			return fail(pos, "endpoint %s has the path before the method; write %q", quote(raw), strings.ToUpper(path)+" "+method)
		}
		switch m := strings.ToUpper(method); m {
		case "HEAD", "OPTIONS":
			return fail(pos, "endpoint %s uses method %q, which no endpoint in the catalog accepts; use %s", quote(raw), m, acceptedMethods)
		}
		return fail(pos, "endpoint %s has unknown method %s; use %s", quote(raw), quote(method), acceptedMethods)
	}
	method = strings.ToUpper(method)
	if msg := checkPath(raw, method, path); msg != "" {
		return fail(shift(pos, fs[1].runes), "%s", msg)
	}
	if len(fs) > 2 {
		extra := raw[fs[2].bytes:]
		return fail(shift(pos, fs[2].runes), "endpoint %s has extra text %s after the path; put one endpoint per line or separate endpoints with commas", quote(raw), quote(extra))
	}
	return Endpoint{Method: method, Path: path, Raw: raw, Pos: pos}, nil
}

// oneField explains a line with no space in it.
func oneField(raw string) string {
	lower := strings.ToLower(raw)
	switch {
	case strings.HasPrefix(raw, "/") || strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "http://"):
		return fmt.Sprintf("endpoint %s has no method; put %s before the path, for example %q", quote(raw), acceptedMethods, "POST "+clip(raw))
	case isMethod(raw):
		m := strings.ToUpper(raw)
		return fmt.Sprintf("endpoint %s has no path; write %q, for example %q", quote(raw), m+" /path", m+" /payments")
	}
	for _, m := range methods() {
		if len(raw) > len(m) && strings.EqualFold(raw[:len(m)], m) {
			if rest := raw[len(m):]; strings.HasPrefix(rest, "/") || strings.HasPrefix(strings.ToLower(rest), "https://") {
				return fmt.Sprintf("endpoint %s needs a space between the method and the path; write %q", quote(raw), m+" "+clip(rest))
			}
		}
	}
	return fmt.Sprintf(`endpoint %s is not "METHOD /path"; write it like "POST /payments"`, quote(raw))
}

// checkPath returns what is wrong with path, or "" when it is acceptable.
func checkPath(raw, method, path string) string {
	lower := strings.ToLower(path)
	switch {
	case strings.HasPrefix(path, "/"):
		return ""
	case strings.HasPrefix(lower, "http://"):
		return fmt.Sprintf("endpoint %s uses http://, but Checkout.com is only reachable over https; write %q", quote(raw), method+" https://"+clip(path[len("http://"):]))
	case strings.HasPrefix(lower, "https://"):
		u, err := url.Parse(path)
		if err != nil || u.Host == "" || u.User != nil {
			return fmt.Sprintf(`endpoint %s has URL %s, which is not a valid https:// URL with a host; write a full URL such as "https://api.checkout.com/payments", or just the path "/payments"`, quote(raw), quote(path))
		}
		if u.Path == "" || u.Path == "/" {
			return fmt.Sprintf(`endpoint %s has URL %s, which has no path; add the path, as in "https://api.checkout.com/payments"`, quote(raw), quote(path))
		}
		return ""
	case strings.Contains(path, "://"):
		return fmt.Sprintf(`endpoint %s has URL %s; only https:// URLs or paths starting with "/" are accepted, as in "POST /payments"`, quote(raw), quote(path))
	}
	return fmt.Sprintf("endpoint %s has path %s, which does not start with \"/\"; write %q", quote(raw), quote(path), method+" /"+clip(path))
}

// field is one space-separated word of a line, with its offset in bytes and
// in characters.
type field struct {
	text         string
	bytes, runes int
}

// fields splits s at runs of spaces and tabs.
func fields(s string) []field {
	var out []field
	runes := 0
	start := -1
	for i, r := range s {
		if r == ' ' || r == '\t' {
			if start >= 0 {
				out = append(out, field{text: s[start:i], bytes: start, runes: runes - utf8.RuneCountInString(s[start:i])})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		runes++
	}
	if start >= 0 {
		out = append(out, field{text: s[start:], bytes: start, runes: runes - utf8.RuneCountInString(s[start:])})
	}
	return out
}

// shift moves p right by n characters when its column is known.
func shift(p report.Position, n int) report.Position {
	if p.Column > 0 {
		p.Column += n
	}
	return p
}

// Duplicate is an endpoint declared more than once in one list. The
// repeats are dropped; they are worth a warning, not an error.
type Duplicate struct {
	// Endpoint is the first repeat, which was dropped.
	Endpoint Endpoint
	// First is the declaration that was kept.
	First Endpoint
	// Repeats is how many times the endpoint was repeated after First;
	// at least 1.
	Repeats int
}

// Times is the warning for an endpoint declared n times in all, the first
// at d.First.
func (d Duplicate) Times(n int) string {
	if n <= 2 {
		return d.once()
	}
	where := ""
	if p := d.First.Pos.String(); p != "" {
		where = " (first at " + p + ")"
	}
	return fmt.Sprintf("endpoint %s is declared %d times%s; the repeats are ignored, remove them", quote(d.Endpoint.Raw), n, where)
}

// Message is the warning to show at Endpoint.Pos: Times(Repeats+1), or
// the single repeat's warning.
func (d Duplicate) Message() string {
	if d.Repeats > 1 {
		return d.Times(d.Repeats + 1)
	}
	return d.once()
}

func (d Duplicate) once() string {
	where := ""
	if p := d.First.Pos.String(); p != "" {
		where = " (first at " + p + ")"
	}
	return fmt.Sprintf("endpoint %s is declared twice%s; the repeat is ignored, remove it", quote(d.Endpoint.Raw), where)
}

// MaxListErrors is how many malformed items of one list are reported one
// by one; the rest are counted in one more error, so that a pasted file of
// bad lines costs little memory and gives a readable report.
const MaxListErrors = 20

// ParseEndpoints parses every value with ParseEndpoint. Endpoints with the
// same method and path are declared once: the first is kept in endpoints
// and its repeats are counted in one Duplicate (at the first repeat), for
// the caller to warn about. err joins an *Error for each of the first
// MaxListErrors values that do not parse, and one counting the rest (see
// Errors); endpoints then still holds the values that did. Both slices are
// nil when empty.
func ParseEndpoints(values []Value) (endpoints []Endpoint, duplicates []Duplicate, err error) {
	var errs listErrors
	seen := map[string]int{}
	dup := map[string]int{}
	for _, v := range values {
		e, err := ParseEndpoint(v)
		if err != nil {
			errs.add(err, v.Pos)
			continue
		}
		if i, ok := seen[e.String()]; ok {
			if j, ok := dup[e.String()]; ok {
				duplicates[j].Repeats++
				continue
			}
			dup[e.String()] = len(duplicates)
			duplicates = append(duplicates, Duplicate{Endpoint: e, First: endpoints[i], Repeats: 1})
			continue
		}
		seen[e.String()] = len(endpoints)
		endpoints = append(endpoints, e)
	}
	return endpoints, duplicates, errs.join("endpoints that are not \"METHOD /path\"")
}

// listErrors collects the errors of one list, the first MaxListErrors one
// by one.
type listErrors struct {
	errs  []error
	extra int
	at    report.Position
}

func (l *listErrors) add(err error, pos report.Position) {
	if len(l.errs) < MaxListErrors {
		l.errs = append(l.errs, err)
		return
	}
	if l.extra == 0 {
		l.at = pos
	}
	l.extra++
}

// join returns the errors, with one counting those not listed ("and 12
// more what, not listed").
func (l *listErrors) join(what string) error {
	if l.extra > 0 {
		l.errs = append(l.errs, errorAt(l.at, fmt.Sprintf("and %d more %s, not listed one by one; fix the ones above and run again", l.extra, what)))
	}
	return errors.Join(l.errs...)
}
