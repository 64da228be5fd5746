package egress_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/config"
	"github.com/checkout-preflight/checkout-preflight/preflight/internal/egress"
	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

func ExampleDiscover() {
	// A fake echo service; in production pass egress.DefaultEchoURLs() and
	// the client used for Checkout.com.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = io.WriteString(w, "203.0.113.7\n")
	}))
	defer srv.Close()

	d := egress.Discover(context.Background(), srv.Client(), []string{srv.URL, srv.URL + "/json"})
	fmt.Println(d.Found(), d.IPv4, d.IPv6.IsValid(), d.Disagreement)
	// Output: true 203.0.113.7 false false
}

func ExampleAllowlist_Match() {
	list, err := egress.ParseEntries([]config.Value{{Text: "198.51.100.0/24"}, {Text: "2001:db8::/32"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range []string{"198.51.100.42", "::ffff:198.51.100.42", "203.0.113.7"} {
		e, ok := list.Match(netip.MustParseAddr(a))
		fmt.Printf("%s: %v %s\n", a, ok, e)
	}
	// Output:
	// 198.51.100.42: true 198.51.100.0/24
	// ::ffff:198.51.100.42: true 198.51.100.0/24
	// 203.0.113.7: false
}

func ExampleParseEntry() {
	_, err := egress.ParseEntry("10.0.0.0/33", report.Position{File: "preflight.yml", Line: 4, Column: 7})
	fmt.Println(err)
	// Output: preflight.yml:4:7: allowlist entry "10.0.0.0/33": prefix length 33 is longer than the 32 bits of an IPv4 address; expected an IP address such as 203.0.113.7 or 2001:db8::7, or a CIDR prefix such as 203.0.113.0/24 or 2001:db8::/32
}
