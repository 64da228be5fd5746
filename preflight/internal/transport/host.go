package transport

import (
	"net/netip"
	"strings"
)

// IsLoopback reports whether host (a host name or an IP address, without
// port or brackets) is "localhost" or a loopback address (127.0.0.0/8,
// ::1, and their IPv4-mapped forms). Plain http:// is allowed only to such
// hosts, which are never proxied.
func IsLoopback(host string) bool {
	if strings.EqualFold(strings.TrimSuffix(host, "."), "localhost") {
		return true
	}
	a, err := netip.ParseAddr(host)
	return err == nil && a.Unmap().IsLoopback()
}

// IsCheckoutHost reports whether host (a host name without port, in any
// case, with or without the final dot) is checkout.com or a name under it,
// such as "api.sandbox.checkout.com" or "{prefix}.api.checkout.com". An
// empty host, an address and a look-alike ("checkout.com.example",
// "mycheckout.com") are not.
func IsCheckoutHost(host string) bool {
	name := strings.ToLower(strings.TrimSuffix(host, "."))
	return name == "checkout.com" || strings.HasSuffix(name, ".checkout.com")
}
