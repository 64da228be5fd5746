package egress

import (
	"cmp"
	"context"
	"net/http"
	"net/netip"
	"slices"
	"sync"
)

// DefaultEchoURLs returns a fresh list of the public echo services Discover
// asks by default. Each answers with the caller's address as plain text.
// api64.ipify.org is reachable over IPv6 and reports an IPv6 address when
// the runner has one; the others are IPv4-only.
func DefaultEchoURLs() []string {
	return []string{
		"https://api.ipify.org",
		"https://checkip.amazonaws.com",
		"https://icanhazip.com",
		"https://api64.ipify.org",
	}
}

// Source is what one echo service answered.
type Source struct {
	// URL is the service as passed to Discover.
	URL string
	// Addr is the address it reported, IPv4-mapped addresses unmapped; the
	// zero (invalid) Addr when Err is non-nil.
	Addr netip.Addr
	// Err is why there is no address, a *SourceError; nil on success.
	Err error
}

// Candidate is one distinct address and how many services reported it.
type Candidate struct {
	Addr  netip.Addr
	Count int
}

// Discovery is the result of asking every echo service.
type Discovery struct {
	// IPv4 and IPv6 are the agreed address of each family: the one most
	// services reported, ties going to the one reported first in the order
	// the services were given. The zero (invalid) Addr means no service
	// reported an address of that family.
	IPv4, IPv6 netip.Addr
	// Sources lists each service's answer in the order the URLs were given;
	// nil when no URL was given.
	Sources []Source
	// V4 and V6 list every distinct address seen in each family with its
	// count, most reported first (ties in order of first report); nil when
	// none was seen.
	V4, V6 []Candidate
	// Disagreement is true when services reported more than one distinct
	// address within a family. Different IPv4 and IPv6 addresses are not a
	// disagreement.
	Disagreement bool
}

// Found reports whether any service reported a usable address.
func (d Discovery) Found() bool { return d.IPv4.IsValid() || d.IPv6.IsValid() }

// Addrs returns the agreed addresses, IPv4 first; nil when none was found.
func (d Discovery) Addrs() []netip.Addr {
	var out []netip.Addr
	for _, a := range []netip.Addr{d.IPv4, d.IPv6} {
		if a.IsValid() {
			out = append(out, a)
		}
	}
	return out
}

// Discover asks every echo service in urls concurrently with client and
// returns what they said. Pass the client used for Checkout.com calls so that
// the same proxy and address family are used. A nil client means
// http.DefaultClient; empty urls means no service is asked and nothing is
// found (pass DefaultEchoURLs() for the defaults).
//
// Discover returns when every service has answered or failed; ctx bounds
// the wait (the client's Timeout applies too). A service that does not
// answer in time, answers with a non-2xx status or with something that is
// not an IP address is recorded in Sources with its error and otherwise
// ignored.
func Discover(ctx context.Context, client *http.Client, urls []string) Discovery {
	if client == nil {
		client = http.DefaultClient
	}
	var d Discovery
	if len(urls) == 0 {
		return d
	}
	d.Sources = make([]Source, len(urls))
	var wg sync.WaitGroup
	for i, u := range urls {
		wg.Go(func() {
			addr, err := query(ctx, client, u)
			d.Sources[i] = Source{URL: u, Addr: addr, Err: err}
		})
	}
	wg.Wait()

	var v4, v6 []netip.Addr
	for _, s := range d.Sources {
		switch {
		case s.Err != nil || !s.Addr.IsValid():
		case s.Addr.Is4():
			v4 = append(v4, s.Addr)
		default:
			v6 = append(v6, s.Addr)
		}
	}
	d.V4, d.V6 = tally(v4), tally(v6)
	if len(d.V4) > 0 {
		d.IPv4 = d.V4[0].Addr
	}
	if len(d.V6) > 0 {
		d.IPv6 = d.V6[0].Addr
	}
	d.Disagreement = len(d.V4) > 1 || len(d.V6) > 1
	return d
}

// tally counts distinct addresses, most reported first; ties keep the order
// of first report. It returns nil for no addresses.
func tally(addrs []netip.Addr) []Candidate {
	var out []Candidate
	for _, a := range addrs {
		i := slices.IndexFunc(out, func(c Candidate) bool { return c.Addr == a })
		if i < 0 {
			out = append(out, Candidate{Addr: a, Count: 1})
			continue
		}
		out[i].Count++
	}
	slices.SortStableFunc(out, func(a, b Candidate) int { return cmp.Compare(b.Count, a.Count) })
	return out
}
