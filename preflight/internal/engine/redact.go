package engine

import (
	"net/url"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// redacted stands where a piece of a secret was.
const redacted = "[redacted]"

// minRedacted is the shortest secret the report is scrubbed of: shorter
// values would match ordinary words, and no recognised credential is that
// short (nor is a short value ever quoted).
const minRedacted = 8

// maxRedacted bounds what is scrubbed: a longer value is no credential
// (package credential refuses it unread) and is never quoted.
const maxRedacted = 4096

// publicPrefixes are the documented, non-secret starts of credentials;
// they are left out of what is scrubbed so that fingerprints survive.
func publicPrefixes() []string {
	return []string{"sk_sbox_", "sk_test_", "pk_sbox_", "pk_test_", "ack_", "sk_", "pk_"}
}

// secretSet collects every secret a run handles, including tokens issued
// during it. It is safe for concurrent use.
type secretSet struct {
	mu     sync.Mutex
	values []string
}

// add records v (without its public prefix) when its length is one a
// credential can have.
func (s *secretSet) add(v string) {
	v = strings.TrimSpace(v)
	for _, p := range publicPrefixes() {
		if strings.HasPrefix(v, p) {
			v = v[len(p):]
			break
		}
	}
	if len(v) < minRedacted || len(v) > maxRedacted {
		return
	}
	s.mu.Lock()
	s.values = append(s.values, v)
	s.mu.Unlock()
}

// scrub is the last line of defence: it replaces, in every text of the
// report, any 8-character piece of a secret (raw or URL-encoded) with
// "[redacted]". Nothing should ever need it — values are quoted only when
// they are not secrets — but a secret pasted into the wrong input (say,
// endpoints) would otherwise be quoted back.
func (s *secretSet) scrub(r *report.Report) {
	s.mu.Lock()
	sc := newScrubber(s.values)
	s.mu.Unlock()
	if len(sc) == 0 {
		return
	}
	for i := range r.Checks {
		c := &r.Checks[i]
		for _, p := range []*string{&c.Title, &c.Message, &c.Remedy, &c.Endpoint, &c.Detail} {
			*p = sc.clean(*p)
		}
	}
	for i := range r.Credentials {
		for j := range r.Credentials[i].Endpoints {
			e := &r.Credentials[i].Endpoints[j]
			for _, p := range []*string{&e.Endpoint, &e.Path, &e.Evidence, &e.RequestID} {
				*p = sc.clean(*p)
			}
		}
	}
	if r.Egress != nil {
		for i := range r.Egress.Sources {
			r.Egress.Sources[i].Error = sc.clean(r.Egress.Sources[i].Error)
		}
	}
}

// scrubber holds every 8-byte window of the secrets, so that a text is
// scrubbed in one pass however many secrets (tokens included) a run had.
type scrubber map[string]struct{}

func newScrubber(secrets []string) scrubber {
	sc := scrubber{}
	for _, v := range secrets {
		for _, form := range []string{v, url.QueryEscape(v)} {
			for i := 0; i+minRedacted <= len(form); i++ {
				sc[form[i:i+minRedacted]] = struct{}{}
			}
		}
	}
	return sc
}

// clean replaces each run of bytes covered by a secret's window, widened
// to whole runes, with "[redacted]".
func (sc scrubber) clean(s string) string {
	if len(s) < minRedacted {
		return s
	}
	marked := make([]bool, len(s))
	hit := false
	for i := 0; i+minRedacted <= len(s); i++ {
		if _, ok := sc[s[i:i+minRedacted]]; ok {
			hit = true
			for k := i; k < i+minRedacted; k++ {
				marked[k] = true
			}
		}
	}
	if !hit {
		return s
	}
	var b strings.Builder
	redacting := false
	for i, r := range s {
		n := utf8.RuneLen(r)
		if n < 0 {
			n = 1
		}
		if slices.Contains(marked[i:min(i+n, len(s))], true) {
			if !redacting {
				b.WriteString(redacted)
			}
			redacting = true
			continue
		}
		redacting = false
		b.WriteRune(r)
	}
	return b.String()
}
