package recorded

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/safefile"
)

// The credentials an answer was had with, as Answer.Credential names them.
const (
	CredentialFull            = "full"              // a secret key with every scope
	CredentialLimited         = "limited"           // a secret key lacking one named scope
	CredentialControl         = "control"           // a credential that cannot exist (the probe's control)
	CredentialOAuth           = "oauth"             // a token carrying the scope the endpoint needs
	CredentialOAuthOtherScope = "oauth-other-scope" // a token carrying only a scope of another family
	CredentialPublic          = "public"            // a public key
)

// Credentials lists every value Answer.Credential may take.
func Credentials() []string {
	return []string{CredentialFull, CredentialLimited, CredentialControl, CredentialOAuth, CredentialOAuthOtherScope, CredentialPublic}
}

// SourceDocumented is the Source of a hand-made fixture: what the evidence
// table expects, from the OpenAPI document and the SDK tests it cites,
// until the live suite has recorded the real answer.
const SourceDocumented = "documented expectation, not yet recorded"

// SourceRecorded is the Source of an answer recorded on day t (UTC):
// "recorded 2006-01-02".
func SourceRecorded(t time.Time) string { return "recorded " + t.UTC().Format(time.DateOnly) }

// Answer is one fixture: one probe, sent with one credential, and the
// answer it got, scrubbed.
type Answer struct {
	// Case names the fixture and its file (Case + ".json"); see Name.
	Case string `json:"case"`
	// Method is the probe's HTTP method, upper case.
	Method string `json:"method"`
	// Host is the catalog host of the operation ("api", "files", …).
	Host string `json:"host"`
	// Route is the catalog's path template, e.g. "/payments/{id}".
	Route string `json:"route"`
	// Credential is one of Credentials.
	Credential string `json:"credential"`
	// Pair, for a control or a token of another scope family, is the Case
	// of the same probe sent with the credential it is the control of;
	// empty otherwise.
	Pair string `json:"pair,omitempty"`
	// Status is the answer's HTTP status.
	Status int `json:"status"`
	// Headers holds the answer's Content-Type and WWW-Authenticate, as
	// ScrubHeaders left them; nil when it had neither.
	Headers map[string][]string `json:"headers,omitempty"`
	// Body is the body as Scrub left it: a JSON value, or the JSON string
	// Placeholder for a body that was not JSON; empty (or null) for an
	// empty body.
	Body json.RawMessage `json:"body,omitempty"`
	// ExpectedRow is the ID of the evidence-table row the answer read as
	// when it was recorded (or, for SourceDocumented, should read as).
	ExpectedRow string `json:"expected_row"`
	// Source is SourceDocumented or SourceRecorded's "recorded <date>".
	Source string `json:"source"`
}

// Header returns Headers as an http.Header; it is empty, never nil.
func (a Answer) Header() http.Header {
	h := http.Header{}
	for k, vs := range a.Headers {
		for _, v := range vs {
			h.Add(k, v)
		}
	}
	return h
}

// BodyBytes returns the body as the client would have read it: nil for an
// empty body, otherwise Body's bytes as they are (a non-JSON body is the
// quoted Placeholder, which reads as a body that is not a JSON object).
func (a Answer) BodyBytes() []byte {
	b := bytes.TrimSpace(a.Body)
	if len(b) == 0 || string(b) == "null" {
		return nil
	}
	return b
}

// Name returns the Case of a probe of method on route sent by subject
// (e.g. "full-key", "full-key-control"): "live-<subject>-<METHOD>-<route>",
// the route's segments joined by "-" and each {parameter} written "id",
// e.g. "live-full-key-GET-payments-id".
func Name(subject, method, route string) string {
	parts := []string{"live", subject, strings.ToUpper(method)}
	for seg := range strings.SplitSeq(strings.Trim(route, "/"), "/") {
		switch {
		case seg == "":
		case strings.HasPrefix(seg, "{"):
			parts = append(parts, "id")
		default:
			parts = append(parts, slug(seg))
		}
	}
	return strings.Join(parts, "-")
}

// slug keeps the lower-case letters and digits of s, and writes "-" for
// anything else.
func slug(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		}
		return '-'
	}, s)
}

// maxFile bounds a fixture file's size.
const maxFile = 64 << 10

// Load reads every *.json file of dir, in name order. It fails on a file
// that is not one Answer (unknown fields included) or whose Case is not
// its name. It does not Check the answers.
func Load(dir string) ([]Answer, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	out := make([]Answer, 0, len(names))
	for _, name := range names {
		data, err := safefile.Read(dir, filepath.Base(name), maxFile)
		if err != nil {
			return nil, err
		}
		var a Answer
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&a); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if want := strings.TrimSuffix(filepath.Base(name), ".json"); a.Case != want {
			return nil, fmt.Errorf("%s: case is %q; want %q, the file's name", name, a.Case, want)
		}
		out = append(out, a)
	}
	return out, nil
}

// Write writes a as dir/<a.Case>.json, indented, replacing any file of
// that name. It refuses an answer that fails Check, so that nothing
// unscrubbed is ever written.
func Write(dir string, a Answer) error {
	if err := Check(a); err != nil {
		return fmt.Errorf("answer %q not written: %w", a.Case, err)
	}
	data, err := json.MarshalIndent(a, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return safefile.Write(filepath.Join(dir, a.Case+".json"), append(data, '\n'), 0o644)
}
