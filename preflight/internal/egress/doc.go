// Package egress finds the runner's public (egress) address and checks it
// against an allowlist.
//
// Discover asks several independent echo services at once, through the same
// *http.Client that talks to Checkout.com, so the address it learns is the
// one Checkout.com sees: the same proxy and the same address family. IPv4 and
// IPv6 answers are counted separately; in each family the address most
// services agree on wins, and any disagreement is reported so the caller can
// warn about it (a load-balanced NAT gateway, a flaky proxy).
//
// An Allowlist is a list of entries, each an IPv4 or IPv6 address or a CIDR
// prefix, parsed one at a time by ParseEntry with the position it was
// declared at. Splitting multi-line input into entries (and stripping #
// comments) is done by package config.
//
// Echo answers are untrusted: at most a few hundred bytes are read, anything
// that is not an IP address is ignored, and errors never quote an answer at
// length.
package egress
