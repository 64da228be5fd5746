package discover

import (
	"bytes"
	"strings"
)

// containsCko is the cheap test a file must pass to be tokenized: it
// holds "checkout" in any case, or "cko" in any case at the start of a
// word (cko, $cko, CKO_API, getCkoClient; not "backoff" or "lockout").
// Every way of reaching Checkout.com the scanner recognises names one of
// them in the file: the SDK packages (checkout-sdk-node, checkout_sdk,
// com.checkout, Checkout\…, Checkout.*, github.com/checkout/…,
// CheckoutSdk), the API hosts (*.checkout.com), the settings a base URL is
// read from (CKO_…, CHECKOUT_…) and the conventional client names. Only
// clients passed in from another file escape it; see secondaryNeedles.
func containsCko(src []byte) bool {
	for i := 1; i+1 < len(src); i++ {
		if src[i]|0x20 != 'k' || src[i-1]|0x20 != 'c' || src[i+1]|0x20 != 'o' {
			continue
		}
		c := i - 1 // the 'c'
		if c == 0 || !isLetter(src[c-1]) || src[c] == 'C' && isLower(src[c-1]) {
			return true
		}
		if c >= 3 && hasFoldPrefix(src[c-3:], "checkout") {
			return true
		}
	}
	return false
}

func isLetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }

func isLower(b byte) bool { return b >= 'a' && b <= 'z' }

// hasFoldPrefix reports whether b starts with the lower-case ASCII word p,
// ignoring case.
func hasFoldPrefix(b []byte, p string) bool {
	if len(b) < len(p) {
		return false
	}
	for i := range len(p) {
		if b[i]|0x20 != p[i] {
			return false
		}
	}
	return true
}

func containsAny(src []byte, needles [][]byte) bool {
	for _, n := range needles {
		if bytes.Contains(src, n) {
			return true
		}
	}
	return false
}

func cutGo(key string) (string, bool) { return strings.CutPrefix(key, "go:") }

func cutDot(s string) (string, string, bool) { return strings.Cut(s, ".") }

func cutColon(s string) (string, string, bool) { return strings.Cut(s, ":") }

// isSDKSource reports whether a file is part of a committed copy of an
// official SDK's own sources: it lives under a directory named like the
// SDK package, or it declares the SDK's own package or namespace.
func isSDKSource(p string, lang language, src []byte) bool {
	for _, dir := range []string{"checkout-sdk-node/", "checkout_sdk/", "checkout-sdk-python/", "checkout-sdk-php/", "checkout-sdk-net/", "checkout-sdk-java/", "checkout-sdk-go/", "checkout-sdk-ruby/", "CheckoutSdk/", "CheckoutSdk.Extensions/"} {
		if strings.HasPrefix(p, dir) || strings.Contains(p, "/"+dir) {
			return true
		}
	}
	head := src[:min(len(src), 4096)]
	switch lang.sdk {
	case "java":
		return declares(head, "package com.checkout;") || declares(head, "package com.checkout.")
	case "dotnet":
		return declares(head, "namespace Checkout;") || declares(head, "namespace Checkout.") || declares(head, "namespace Checkout\n") || declares(head, "namespace Checkout\r") || declares(head, "namespace Checkout {")
	case "php":
		return declares(head, `namespace Checkout;`) || declares(head, `namespace Checkout\`)
	case "ruby":
		return declares(head, "module CheckoutSdk")
	case "go":
		return bytes.Contains(head, []byte(`"github.com/checkout/checkout-sdk-go/v2/client"`)) || bytes.Contains(head, []byte(`"github.com/checkout/checkout-sdk-go/v2/common"`)) && bytes.Contains(head, []byte("func NewClient("))
	}
	return false
}

// declares reports whether decl starts a line of src.
func declares(src []byte, decl string) bool {
	for i := 0; ; {
		j := bytes.Index(src[i:], []byte(decl))
		if j < 0 {
			return false
		}
		at := i + j
		if at == 0 || src[at-1] == '\n' {
			return true
		}
		i = at + 1
	}
}
