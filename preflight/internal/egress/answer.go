package egress

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/netip"
)

// maxAnswer is the most bytes read from an echo service. An address in text
// or in {"ip": "..."} JSON fits many times over.
const maxAnswer = 256

// ParseAnswer reads an echo service's answer: an address as plain text
// (surrounding white space ignored), or a JSON object {"ip": "..."}. An IPv4
// address written as an IPv4-mapped IPv6 address (::ffff:203.0.113.7) is
// returned as IPv4. Empty answers, zoned, unspecified (0.0.0.0, ::) and
// anything else that is not an IP address are rejected with an error that
// describes the answer's shape and never quotes it: the service's text is
// untrusted.
func ParseAnswer(body []byte) (netip.Addr, error) {
	text := bytes.TrimSpace(body)
	if len(text) == 0 {
		return netip.Addr{}, fmt.Errorf("answer is empty; expected an IP address as text or as JSON {\"ip\": \"...\"}")
	}
	if text[0] == '{' {
		var v struct {
			IP string `json:"ip"`
		}
		if err := json.Unmarshal(text, &v); err != nil || v.IP == "" {
			return netip.Addr{}, notAnAddress(body)
		}
		text = bytes.TrimSpace([]byte(v.IP))
	}
	addr, err := netip.ParseAddr(string(text))
	if err != nil || addr.Zone() != "" || addr.IsUnspecified() {
		return netip.Addr{}, notAnAddress(body)
	}
	return addr.Unmap(), nil
}

func notAnAddress(body []byte) error {
	return fmt.Errorf("answer of %d bytes (%s) is not an IP address; expected an address as text or as JSON {\"ip\": \"...\"}",
		len(body), describe(body))
}

// describe names the shape of an answer without quoting it.
func describe(b []byte) string {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0:
		return "blank"
	case b[0] == '<':
		return "markup: an HTML page, perhaps a captive portal or a proxy's error"
	case b[0] == '{' || b[0] == '[':
		return "JSON without a usable \"ip\" member"
	}
	return "text"
}
