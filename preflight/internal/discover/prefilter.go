package discover

import (
	"bytes"
	"strings"
)

// containsCko reports whether src holds "cko" in any case: the cheap test
// a file must pass to be tokenized. Every way of reaching Checkout.com the
// scanner recognises names it in the file: the SDK packages
// (checkout-sdk-node, checkout_sdk, com.checkout, Checkout\, Checkout.*,
// github.com/checkout/…, CheckoutSdk), the API hosts (*.checkout.com),
// and the settings a base URL is read from (CKO_…, CHECKOUT_…). Only
// clients passed in from another file escape it; see secondaryNeedles.
func containsCko(src []byte) bool {
	for i := 1; i+1 < len(src); i++ {
		if src[i]|0x20 == 'k' && src[i-1]|0x20 == 'c' && src[i+1]|0x20 == 'o' {
			return true
		}
	}
	return false
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
