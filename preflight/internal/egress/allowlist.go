package egress

import (
	"errors"
	"net/netip"
	"strconv"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// accepted says what an allowlist entry may be; it ends every EntryError.
const accepted = "expected an IP address such as 203.0.113.7 or 2001:db8::7, or a CIDR prefix such as 203.0.113.0/24 or 2001:db8::/32"

// Entry is one allowlist entry.
type Entry struct {
	// Raw is the entry as written, without surrounding white space; show
	// this to users.
	Raw string
	// Prefix is what the entry matches: a /32 or /128 for a single address,
	// otherwise the CIDR prefix with its host bits cleared (10.0.0.1/8 is
	// 10.0.0.0/8). IPv4-mapped IPv6 entries (::ffff:203.0.113.7,
	// ::ffff:203.0.113.0/120) are turned into their IPv4 form.
	Prefix netip.Prefix
	// Pos is where the entry was declared; the zero Position when unknown.
	Pos report.Position
}

// String returns the entry as written.
func (e Entry) String() string { return e.Raw }

// EntryError is why an allowlist entry was rejected.
type EntryError struct {
	// Raw is the entry as written; messages quote it with config.Quote,
	// so a secret pasted here is not shown.
	Raw string
	// Pos is where it was declared; the zero Position when unknown.
	Pos report.Position
	// Reason says what is wrong and what would be accepted, lower-case.
	Reason string
}

// Error returns "file:line:col: allowlist entry "raw": reason", without the
// position when it is unknown.
// Position returns where the entry was declared (zero when unknown).
func (e *EntryError) Position() report.Position { return e.Pos }

func (e *EntryError) Error() string {
	var b strings.Builder
	if !e.Pos.IsZero() {
		b.WriteString(e.Pos.String())
		b.WriteString(": ")
	}
	b.WriteString("allowlist entry ")
	b.WriteString(config.Quote(e.Raw))
	b.WriteString(": ")
	b.WriteString(e.Reason)
	return b.String()
}

// ParseEntry parses one allowlist entry declared at pos (zero when
// unknown): an IPv4 or IPv6 address, which matches only itself, or a CIDR
// prefix. A prefix with host bits set (10.0.0.1/8) is accepted and matches
// like its masked form (10.0.0.0/8); Raw keeps what was written. Empty
// entries, hostnames, IPv6 zones (fe80::1%eth0) and anything else are
// rejected with an *EntryError.
func ParseEntry(raw string, pos report.Position) (Entry, error) {
	s := strings.TrimSpace(raw)
	fail := func(reason string) (Entry, error) {
		return Entry{}, &EntryError{Raw: s, Pos: pos, Reason: reason}
	}
	switch {
	case s == "":
		return fail("is empty; " + accepted)
	case strings.Contains(s, "%"):
		zone := s[strings.Index(s, "%"):]
		if i := strings.Index(zone, "/"); i >= 0 {
			zone = zone[:i]
		}
		return fail("has an IPv6 zone " + strconv.Quote(zone) + ", which names a local network interface and never appears on an egress address; remove it (" + accepted + ")")
	case strings.Contains(s, "/"):
		p, err := parsePrefix(s)
		if err != nil {
			return fail(err.Error())
		}
		return Entry{Raw: s, Prefix: p, Pos: pos}, nil
	}
	addr, err := netip.ParseAddr(s)
	if err != nil {
		if ap, err := netip.ParseAddrPort(s); err == nil {
			return fail("includes port " + strconv.Itoa(int(ap.Port())) + "; remove it, an allowlist holds addresses only (" + accepted + ")")
		}
		if looksLikeHostname(s) {
			return fail("looks like a hostname; hostnames are not accepted, use the address or range the host has (" + accepted + ")")
		}
		return fail("is not an IP address or CIDR prefix; " + accepted)
	}
	addr = addr.Unmap()
	return Entry{Raw: s, Prefix: netip.PrefixFrom(addr, addr.BitLen()), Pos: pos}, nil
}

// parsePrefix parses a CIDR prefix, explaining what is wrong in terms of
// its parts.
func parsePrefix(s string) (netip.Prefix, error) {
	i := strings.LastIndex(s, "/")
	addrPart, bitsPart := s[:i], s[i+1:]
	addr, err := netip.ParseAddr(addrPart)
	if err != nil {
		return netip.Prefix{}, errors.New("address part " + strconv.Quote(addrPart) + " is not an IP address; " + accepted)
	}
	maxBits := addr.BitLen()
	bits, err := strconv.Atoi(bitsPart)
	if err != nil || bitsPart == "" || bitsPart[0] == '+' || bitsPart[0] == '-' || (len(bitsPart) > 1 && bitsPart[0] == '0') {
		return netip.Prefix{}, errors.New("prefix length " + strconv.Quote(bitsPart) + " is not a number from 0 to " + strconv.Itoa(maxBits) + "; " + accepted)
	}
	if bits > maxBits {
		family := "IPv4"
		if addr.Is6() {
			family = "IPv6"
		}
		return netip.Prefix{}, errors.New("prefix length " + bitsPart + " is longer than the " + strconv.Itoa(maxBits) + " bits of an " + family + " address; " + accepted)
	}
	p, err := netip.ParsePrefix(s)
	if err != nil { // not expected after the checks above; keep netip's reason
		return netip.Prefix{}, errors.New("is not a CIDR prefix (" + err.Error() + "); " + accepted)
	}
	if a := p.Addr(); a.Is4In6() && p.Bits() >= 96 {
		p = netip.PrefixFrom(a.Unmap(), p.Bits()-96)
	}
	return p.Masked(), nil
}

// looksLikeHostname reports whether s is made of DNS label characters with
// at least one letter and is not shaped like an IPv6 address.
func looksLikeHostname(s string) bool {
	letter := false
	for _, c := range s {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
			letter = true
		case c >= '0' && c <= '9', c == '-', c == '.', c == '_':
		default:
			return false
		}
	}
	return letter
}

// Allowlist is a list of entries in declared order. An empty (or nil)
// Allowlist matches nothing.
type Allowlist []Entry

// Match returns the first entry, in declared order, that contains addr.
// IPv4-mapped IPv6 addresses are matched as IPv4 and a zone is ignored. It
// returns false for the zero Addr.
func (a Allowlist) Match(addr netip.Addr) (Entry, bool) {
	if !addr.IsValid() {
		return Entry{}, false
	}
	addr = addr.Unmap().WithZone("")
	for _, e := range a {
		if e.Prefix.Contains(addr) {
			return e, true
		}
	}
	return Entry{}, false
}

// Strings returns the entries as written, for the report; nil when a is
// empty.
func (a Allowlist) Strings() []string {
	var out []string
	for _, e := range a {
		out = append(out, e.Raw)
	}
	return out
}

// ParseEntries parses every value with ParseEntry, at its position. It
// returns the entries that parsed, in order, and every rejection joined with
// errors.Join; the error is nil when all parsed, and the list nil when none
// did.
func ParseEntries(values []config.Value) (Allowlist, error) {
	var list Allowlist
	var errs []error
	for _, v := range values {
		e, err := ParseEntry(v.Text, v.Pos)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		list = append(list, e)
	}
	return list, errors.Join(errs...)
}
