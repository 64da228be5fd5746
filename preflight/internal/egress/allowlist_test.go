package egress

import (
	"errors"
	"net/netip"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

func TestParseEntry(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, raw string
		wantRaw   string // Entry.Raw
		want      string // Entry.Prefix, or "" for an error
		wantErr   string // the whole error message
	}{
		{name: "exact IPv4", raw: "203.0.113.7", wantRaw: "203.0.113.7", want: "203.0.113.7/32"},
		{name: "white space trimmed", raw: " 203.0.113.7\t", wantRaw: "203.0.113.7", want: "203.0.113.7/32"},
		{name: "CIDR IPv4", raw: "203.0.113.0/24", wantRaw: "203.0.113.0/24", want: "203.0.113.0/24"},
		{name: "exact IPv6", raw: "2001:db8::7", wantRaw: "2001:db8::7", want: "2001:db8::7/128"},
		{name: "CIDR IPv6", raw: "2001:DB8::/32", wantRaw: "2001:DB8::/32", want: "2001:db8::/32"},
		{name: "IPv4-mapped address becomes IPv4", raw: "::ffff:203.0.113.7", wantRaw: "::ffff:203.0.113.7", want: "203.0.113.7/32"},
		{name: "IPv4-mapped prefix becomes IPv4", raw: "::ffff:203.0.113.0/120", wantRaw: "::ffff:203.0.113.0/120", want: "203.0.113.0/24"},
		{name: "host bits set are accepted and masked", raw: "10.0.0.1/8", wantRaw: "10.0.0.1/8", want: "10.0.0.0/8"},
		{name: "single-address prefix", raw: "203.0.113.7/32", wantRaw: "203.0.113.7/32", want: "203.0.113.7/32"},
		{name: "everything", raw: "0.0.0.0/0", wantRaw: "0.0.0.0/0", want: "0.0.0.0/0"},
		{
			name: "IPv4 prefix too long", raw: "10.0.0.0/33",
			wantErr: `allowlist entry "10.0.0.0/33": prefix length 33 is longer than the 32 bits of an IPv4 address; ` + accepted,
		},
		{
			name: "IPv6 prefix too long", raw: "2001:db8::/129",
			wantErr: `allowlist entry "2001:db8::/129": prefix length 129 is longer than the 128 bits of an IPv6 address; ` + accepted,
		},
		{
			name: "prefix length missing", raw: "10.0.0.0/",
			wantErr: `allowlist entry "10.0.0.0/": prefix length "" is not a number from 0 to 32; ` + accepted,
		},
		{
			name: "prefix length not a number", raw: "10.0.0.0/x",
			wantErr: `allowlist entry "10.0.0.0/x": prefix length "x" is not a number from 0 to 32; ` + accepted,
		},
		{
			name: "prefix length with leading zero", raw: "10.0.0.0/08",
			wantErr: `allowlist entry "10.0.0.0/08": prefix length "08" is not a number from 0 to 32; ` + accepted,
		},
		{
			name: "prefix length negative", raw: "10.0.0.0/-1",
			wantErr: `allowlist entry "10.0.0.0/-1": prefix length "-1" is not a number from 0 to 32; ` + accepted,
		},
		{
			name: "prefix of a hostname", raw: "example.com/24",
			wantErr: `allowlist entry "example.com/24": address part "example.com" is not an IP address; ` + accepted,
		},
		{
			name: "zone", raw: "fe80::1%eth0",
			wantErr: `allowlist entry "fe80::1%eth0": has an IPv6 zone "%eth0", which names a local network interface and never appears on an egress address; remove it (` + accepted + `)`,
		},
		{
			name: "zone in a prefix", raw: "fe80::1%eth0/64",
			wantErr: `allowlist entry "fe80::1%eth0/64": has an IPv6 zone "%eth0", which names a local network interface and never appears on an egress address; remove it (` + accepted + `)`,
		},
		{
			name: "hostname", raw: "api.example.com",
			wantErr: `allowlist entry "api.example.com": looks like a hostname; hostnames are not accepted, use the address or range the host has (` + accepted + `)`,
		},
		{
			name: "localhost", raw: "localhost",
			wantErr: `allowlist entry "localhost": looks like a hostname; hostnames are not accepted, use the address or range the host has (` + accepted + `)`,
		},
		{
			name: "IPv4 with port", raw: "203.0.113.7:443",
			wantErr: `allowlist entry "203.0.113.7:443": includes port 443; remove it, an allowlist holds addresses only (` + accepted + `)`,
		},
		{
			name: "IPv6 with port", raw: "[2001:db8::7]:8443",
			wantErr: `allowlist entry "[2001:db8::7]:8443": includes port 8443; remove it, an allowlist holds addresses only (` + accepted + `)`,
		},
		{name: "empty", raw: "", wantErr: `allowlist entry "": is empty; ` + accepted},
		{name: "blank", raw: "  \t", wantErr: `allowlist entry "": is empty; ` + accepted},
		{name: "octet out of range", raw: "10.0.0.256", wantErr: `allowlist entry "10.0.0.256": is not an IP address or CIDR prefix; ` + accepted},
		{name: "range", raw: "10.0.0.1-10.0.0.9", wantErr: `allowlist entry "10.0.0.1-10.0.0.9": is not an IP address or CIDR prefix; ` + accepted},
		{name: "garbage", raw: "*", wantErr: `allowlist entry "*": is not an IP address or CIDR prefix; ` + accepted},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := ParseEntry(tt.raw, report.Position{})
			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("ParseEntry(%q) = %v, want error %q", tt.raw, got.Prefix, tt.wantErr)
				}
				if diff := cmp.Diff(tt.wantErr, err.Error()); diff != "" {
					t.Errorf("ParseEntry(%q) error mismatch (-want +got):\n%s", tt.raw, diff)
				}
				var ee *EntryError
				if !errors.As(err, &ee) || ee.Raw != strings.TrimSpace(tt.raw) {
					t.Errorf("ParseEntry(%q) error = %#v, want an *EntryError with Raw %q", tt.raw, err, strings.TrimSpace(tt.raw))
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseEntry(%q) error = %v", tt.raw, err)
			}
			if diff := cmp.Diff([]string{tt.wantRaw, tt.want}, []string{got.Raw, got.Prefix.String()}); diff != "" {
				t.Errorf("ParseEntry(%q) Raw, Prefix mismatch (-want +got):\n%s", tt.raw, diff)
			}
		})
	}
}

func TestParseEntryPosition(t *testing.T) {
	t.Parallel()
	pos := report.Position{File: ".github/preflight.yml", Line: 12, Column: 9}
	e, err := ParseEntry("203.0.113.0/24", pos)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(pos, e.Pos); diff != "" {
		t.Errorf("Entry.Pos mismatch (-want +got):\n%s", diff)
	}
	_, err = ParseEntry("10.0.0.0/33", pos)
	var ee *EntryError
	if !errors.As(err, &ee) {
		t.Fatalf("ParseEntry error = %v, want an *EntryError", err)
	}
	if diff := cmp.Diff(pos, ee.Pos); diff != "" {
		t.Errorf("EntryError.Pos mismatch (-want +got):\n%s", diff)
	}
	want := `.github/preflight.yml:12:9: allowlist entry "10.0.0.0/33": prefix length 33 is longer than the 32 bits of an IPv4 address; ` + accepted
	if diff := cmp.Diff(want, err.Error()); diff != "" {
		t.Errorf("error mismatch (-want +got):\n%s", diff)
	}
}

func TestAllowlistMatch(t *testing.T) {
	t.Parallel()
	list, err := ParseEntries(values(
		"203.0.113.7",
		"198.51.100.0/24",
		"2001:db8::7",
		"2001:db8:1::/48",
		"10.0.0.1/8",
		"198.51.0.0/16", // overlaps the /24 declared before it
	))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, addr string // "" for the zero Addr
		want       string // Raw of the matching entry, "" for no match
	}{
		{name: "exact IPv4", addr: "203.0.113.7", want: "203.0.113.7"},
		{name: "exact IPv4 neighbour", addr: "203.0.113.8"},
		{name: "CIDR IPv4", addr: "198.51.100.200", want: "198.51.100.0/24"},
		{name: "first match in declared order", addr: "198.51.100.1", want: "198.51.100.0/24"},
		{name: "later, wider entry", addr: "198.51.7.1", want: "198.51.0.0/16"},
		{name: "masked host-bits entry", addr: "10.200.0.1", want: "10.0.0.1/8"},
		{name: "exact IPv6", addr: "2001:db8::7", want: "2001:db8::7"},
		{name: "exact IPv6 neighbour", addr: "2001:db8::8"},
		{name: "CIDR IPv6", addr: "2001:db8:1:ff::1", want: "2001:db8:1::/48"},
		{name: "outside IPv6 CIDR", addr: "2001:db8:2::1"},
		{name: "IPv4-mapped address matches IPv4 entry", addr: "::ffff:203.0.113.7", want: "203.0.113.7"},
		{name: "IPv4-mapped address matches IPv4 CIDR", addr: "::ffff:198.51.100.9", want: "198.51.100.0/24"},
		{name: "zone ignored", addr: "2001:db8::7%eth0", want: "2001:db8::7"},
		{name: "zero Addr", addr: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var addr netip.Addr
			if tt.addr != "" {
				addr = netip.MustParseAddr(tt.addr)
			}
			e, ok := list.Match(addr)
			if ok != (tt.want != "") {
				t.Fatalf("Match(%s) ok = %v (entry %q), want %v", tt.addr, ok, e.Raw, tt.want != "")
			}
			if diff := cmp.Diff(tt.want, e.Raw); diff != "" {
				t.Errorf("Match(%s) entry mismatch (-want +got):\n%s", tt.addr, diff)
			}
		})
	}
	if _, ok := Allowlist(nil).Match(netip.MustParseAddr("203.0.113.7")); ok {
		t.Error("an empty allowlist matched")
	}
}

func TestParseEntries(t *testing.T) {
	t.Parallel()
	list, err := ParseEntries(values("203.0.113.7", "example.com", "2001:db8::/32", "10.0.0.0/33"))
	if diff := cmp.Diff([]string{"203.0.113.7", "2001:db8::/32"}, list.Strings()); diff != "" {
		t.Errorf("parsed entries mismatch (-want +got):\n%s", diff)
	}
	if err == nil {
		t.Fatal("ParseEntries returned no error for two bad entries")
	}
	for _, want := range []string{`allowlist entry "example.com": looks like a hostname`, `allowlist entry "10.0.0.0/33": prefix length 33`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not contain %q", err, want)
		}
	}
	var ee *EntryError
	if !errors.As(err, &ee) || ee.Raw != "example.com" {
		t.Errorf("errors.As found %#v, want the first *EntryError", ee)
	}

	list, err = ParseEntries(values("203.0.113.7"))
	if err != nil || len(list) != 1 {
		t.Errorf("ParseEntries of one good entry = %v, %v; want one entry and no error", list, err)
	}
	list, err = ParseEntries(nil)
	if err != nil || list != nil || list.Strings() != nil {
		t.Errorf("ParseEntries(nil) = %v, %v; want nil, nil", list, err)
	}
}

func FuzzParseEntry(f *testing.F) {
	for _, seed := range []string{
		"203.0.113.7", "203.0.113.0/24", "2001:db8::7", "2001:db8::/32", "::ffff:203.0.113.7",
		"::ffff:203.0.113.0/120", "::ffff:0:0/80", "10.0.0.1/8", "10.0.0.0/33", "10.0.0.0/", "/",
		"fe80::1%eth0", "fe80::1%eth0/64", "%", "example.com", "203.0.113.7:443", "[::1]:1",
		"", " ", "0.0.0.0/0", "::/0", "10.0.0.0/+8", "10.0.0.0/99999999999999999999",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		e, err := ParseEntry(raw, report.Position{File: "f.yml", Line: 1, Column: 1})
		if err != nil {
			var ee *EntryError
			if !errors.As(err, &ee) {
				t.Fatalf("ParseEntry(%q) error %T is not an *EntryError", raw, err)
			}
			if !strings.HasPrefix(err.Error(), "f.yml:1:1: allowlist entry ") {
				t.Fatalf("ParseEntry(%q) error %q lacks the position", raw, err)
			}
			return
		}
		p := e.Prefix
		if !p.IsValid() || p != p.Masked() || p.Addr().Zone() != "" {
			t.Fatalf("ParseEntry(%q) = %v, want a valid, masked, unzoned prefix", raw, p)
		}
		if m, ok := (Allowlist{e}).Match(p.Addr()); !ok || m.Raw != e.Raw {
			t.Fatalf("ParseEntry(%q) = %v does not match its own address", raw, p)
		}
	})
}
