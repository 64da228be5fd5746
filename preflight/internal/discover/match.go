package discover

import (
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/catalog"
)

// toCalls turns what the analyzer found in f into Calls, matching each
// endpoint to the catalog (current platform) or to the previous
// platform's operations.
func toCalls(cat *catalog.Catalog, ix *sdkIndex, f *srcFile, test bool, fs []found) []Call {
	var out []Call
	for _, fd := range fs {
		file, line, col := f.path, 0, 0
		if fd.line > 0 {
			file, line, col = fd.file, fd.line, fd.col
		} else {
			line, col = f.toks[fd.tok].Line, f.toks[fd.tok].Col
		}
		for _, ep := range fd.endpoints {
			c := Call{
				File: file, Line: line, Column: col,
				Method: ep.Method, Host: ep.Host, Language: f.lang.name, Via: fd.via,
				Symbol: fd.symbol, Confidence: fd.confidence, Test: test, How: fd.how,
			}
			if fd.via == "sdk" {
				c.SDK = f.lang.sdk
			}
			resolveEndpoint(cat, ix, &c, ep, fd.platform)
			if c.How == "" {
				c.How = describe(c)
			}
			out = append(out, c)
		}
	}
	return out
}

// resolveEndpoint sets Path, Host, Platform, Scopes and Known.
func resolveEndpoint(cat *catalog.Catalog, ix *sdkIndex, c *Call, ep sdkEndpoint, platform string) {
	c.Path = genericPath(ep.Path)
	c.Platform = "nas"
	if platform != "abc" {
		if m, err := cat.Match(ep.Method, "https://"+ep.Host+".checkout.com"+ep.Path); err == nil {
			c.Path, c.Host, c.Known = m.Operation.Path, m.Operation.Host, true
			c.Scopes = m.Operation.Scopes()
			return
		}
	}
	if platform == "abc" || platform == "both" || platform == "" {
		for _, op := range ix.abc {
			if op.Method == ep.Method && op.Host == ep.Host && genericPath(op.Path) == genericPath(ep.Path) {
				c.Path, c.Platform, c.Known = op.Path, "abc", true
				return
			}
		}
	}
	if platform == "abc" {
		c.Platform = "abc"
	}
}

// genericPath writes every {param} segment of p as {}.
func genericPath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") {
			segs[i] = "{}"
		}
	}
	return strings.Join(segs, "/")
}

// describe says how a call was recognised, for the text output.
func describe(c Call) string {
	if c.Via == "sdk" {
		return sdkPackage(c.SDK) + " " + c.Symbol
	}
	return c.Symbol
}

// sdkPackage names an SDK's package as its users install it.
func sdkPackage(sdk string) string {
	switch sdk {
	case "node":
		return "checkout-sdk-node"
	case "python":
		return "checkout-sdk (Python)"
	case "php":
		return "checkout/checkout-sdk-php"
	case "dotnet":
		return "CheckoutSDK (.NET)"
	case "java":
		return "checkout-sdk-java"
	case "go":
		return "checkout-sdk-go"
	case "ruby":
		return "checkout_sdk (Ruby)"
	}
	return sdk
}

// dedupeCalls sorts calls and drops repeats of the same endpoint at the
// same position (a chain evaluated from two starting points).
func dedupeCalls(calls []Call) []Call {
	sortCalls(calls)
	out := calls[:0]
	for i, c := range calls {
		if i > 0 {
			p := out[len(out)-1]
			if p.File == c.File && p.Line == c.Line && p.Column == c.Column && p.Method == c.Method && p.Path == c.Path && p.Host == c.Host {
				continue
			}
		}
		out = append(out, c)
	}
	return out
}
