package recorded

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"regexp"
	"slices"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/probe"
)

// Placeholder replaces every string a fixture may not keep.
const Placeholder = "redacted"

// The headers a fixture keeps, as Answer.Headers spells them.
const (
	HeaderContentType     = "Content-Type"
	HeaderWWWAuthenticate = "WWW-Authenticate"
)

// Scrub returns body as a fixture keeps it: nil when it is empty or white
// space; the JSON string Placeholder when it is not JSON; otherwise the
// JSON value with every key spelt like a code kept (another becomes
// "redacted_key_<n>"), the strings of the top-level error_type and
// error_codes kept when spelt like a code and not like an identifier,
// every other string replaced by Placeholder, every number by 0, and
// booleans and nulls kept.
func Scrub(body []byte) json.RawMessage {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return nil
	}
	var v any
	if json.Unmarshal(trimmed, &v) != nil {
		return json.RawMessage(`"` + Placeholder + `"`)
	}
	out, err := json.Marshal(scrubValue(v, true, false))
	if err != nil { // cannot happen: scrubValue makes maps, slices and scalars only
		return json.RawMessage(`"` + Placeholder + `"`)
	}
	return out
}

// scrubValue scrubs v; top is true for the body's top level, codes for the
// value of a top-level error_type or error_codes.
func scrubValue(v any, top, codes bool) any {
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		out := make(map[string]any, len(x))
		renamed := 0
		for _, k := range keys {
			name := k
			if !isCode(k) {
				renamed++
				name = fmt.Sprintf("%s_key_%d", Placeholder, renamed)
			}
			out[name] = scrubValue(x[k], false, top && (k == "error_type" || k == "error_codes"))
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = scrubValue(e, false, codes)
		}
		return out
	case string:
		if codes && isCode(x) && !idLike(x) {
			return x
		}
		return Placeholder
	case float64:
		return 0
	}
	return v // bool or nil
}

// ScrubHeaders returns the headers a fixture keeps: Content-Type when it is
// a media type (with its charset, if any), and each WWW-Authenticate
// challenge with its scheme, its parameter names and the values spelt like
// codes (others become Placeholder). It returns nil when neither is left.
func ScrubHeaders(h http.Header) map[string][]string {
	out := map[string][]string{}
	for _, v := range h.Values(HeaderContentType) {
		if ct, ok := scrubContentType(v); ok {
			out[HeaderContentType] = append(out[HeaderContentType], ct)
		}
	}
	for _, v := range h.Values(HeaderWWWAuthenticate) {
		out[HeaderWWWAuthenticate] = append(out[HeaderWWWAuthenticate], scrubChallenge(v))
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

var (
	mediaTypeShape = regexp.MustCompile(`^[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*$`)
	charsetShape   = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)
	schemeShape    = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9-]*$`)
)

// scrubContentType keeps a media type and its charset; ok is false when v
// is not a media type.
func scrubContentType(v string) (string, bool) {
	mt, params, err := mime.ParseMediaType(v)
	if err != nil || !mediaTypeShape.MatchString(mt) {
		return "", false
	}
	if cs := strings.ToLower(params["charset"]); charsetShape.MatchString(cs) {
		return mt + "; charset=" + cs, true
	}
	return mt, true
}

// scrubChallenge rewrites one challenge as `Scheme k="v", …`, as
// package checkout's reading of WWW-Authenticate splits it: the scheme
// up to the first space, then parameters separated by commas. A parameter
// whose name is not spelt like a code is left out.
func scrubChallenge(v string) string {
	scheme, params, _ := strings.Cut(strings.TrimSpace(v), " ")
	if !schemeShape.MatchString(scheme) {
		scheme = Placeholder
	}
	var kept []string
	for p := range strings.SplitSeq(params, ",") {
		k, val, ok := strings.Cut(strings.TrimSpace(p), "=")
		k = strings.ToLower(strings.TrimSpace(k))
		if !ok || !isCode(k) {
			continue
		}
		if val = strings.Trim(strings.TrimSpace(val), `"`); !isCode(val) || idLike(val) {
			val = Placeholder
		}
		kept = append(kept, fmt.Sprintf("%s=%q", k, val))
	}
	if len(kept) == 0 {
		return scheme
	}
	return scheme + " " + strings.Join(kept, ", ")
}

// isCode reports whether s is spelt like an error code: 1 to 64 of
// lower-case letters, digits and "_" (as package checkout reads codes).
func isCode(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	return strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_')
	}) < 0
}

// checkoutID is the shape of a Checkout.com identifier: a short prefix and
// 26 characters ("pay_" + 26).
var checkoutID = regexp.MustCompile(`^[a-z]{2,5}_[a-z0-9]{26}$`)

// idLike reports a code-shaped string that is an identifier: a
// Checkout.com id, anything starting "pay_" or "req_", or one of the
// probes' own made-up ids.
func idLike(s string) bool {
	return checkoutID.MatchString(s) || strings.HasPrefix(s, "pay_") || strings.HasPrefix(s, "req_") ||
		strings.Contains(s, probe.Marker) || strings.Contains(s, probe.ShortMarker) || strings.Contains(s, "checkoutpreflightcontrol")
}
