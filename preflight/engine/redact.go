package engine

import (
	"strings"
	"sync"

	"github.com/checkout-preflight/checkout-preflight/preflight/oauth"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

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
// report, any 8-character piece of a secret (raw, URL- or base64-encoded)
// with "[redacted]". Nothing should ever need it — values are quoted only
// when they are not secrets — but a secret pasted into the wrong input
// (say, endpoints) would otherwise be quoted back.
func (s *secretSet) scrub(r *report.Report) {
	s.mu.Lock()
	secrets := append([]string(nil), s.values...)
	s.mu.Unlock()
	if len(secrets) == 0 {
		return
	}
	clean := func(p *string) { *p = oauth.Redact(*p, secrets...) }
	for i := range r.Checks {
		c := &r.Checks[i]
		for _, p := range []*string{&c.Title, &c.Message, &c.Remedy, &c.Endpoint, &c.Detail} {
			clean(p)
		}
	}
	for i := range r.Credentials {
		for j := range r.Credentials[i].Endpoints {
			e := &r.Credentials[i].Endpoints[j]
			for _, p := range []*string{&e.Endpoint, &e.Path, &e.Evidence, &e.RequestID} {
				clean(p)
			}
		}
	}
	if r.Egress != nil {
		for i := range r.Egress.Sources {
			clean(&r.Egress.Sources[i].Error)
		}
	}
}
