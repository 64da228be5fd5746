package engine

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

func TestScrub(t *testing.T) {
	t.Parallel()
	const key = "sk_sbox_m73dzbpy7cf3gfd46xr4yj5xo4e"
	const token = "eyJhbGciOiJIUzI1NiJ9.eyJzY29wZSI6ImdhdGV3YXkifQ.c2lnbmF0dXJl"
	s := &secretSet{}
	s.add(key)
	s.add(token)
	s.add("short")                   // too short to scrub: would match words
	s.add(strings.Repeat("x", 5000)) // too long to be a credential
	r := report.Report{
		Checks: []report.Check{{
			Title:   "Refused: POST /payments",
			Message: `endpoint "` + key + `" is not "METHOD /path"; fingerprint sk_sbox_…xo4e stays`,
			Detail:  "token " + token[10:40] + " and é" + key[12:24] + "é",
			Remedy:  "nothing short here, xxxxxxxxxx neither",
		}},
		Credentials: []report.Credential{{Endpoints: []report.Endpoint{{Endpoint: "GET /x?k=" + key[8:]}}}},
	}
	s.scrub(&r)
	want := []string{
		`endpoint "sk_sbox_[redacted]" is not "METHOD /path"; fingerprint sk_sbox_…xo4e stays`,
		"token [redacted] and é[redacted]é",
		"nothing short here, xxxxxxxxxx neither",
		"GET /x?k=[redacted]",
	}
	got := []string{r.Checks[0].Message, r.Checks[0].Detail, r.Checks[0].Remedy, r.Credentials[0].Endpoints[0].Endpoint}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("scrub mismatch (-want +got):\n%s", diff)
	}
}
