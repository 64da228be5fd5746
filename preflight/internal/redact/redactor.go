package redact

import (
	"encoding/base64"
	"net/url"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Window is the length in bytes of the shortest piece of a secret that is
// redacted: no 8-byte piece of any form of a secret ever leaves the
// program. Secrets shorter than Window are not matched (they would match
// ordinary words); callers refuse such values instead of quoting them.
const Window = 8

// MaxSecret bounds the length of a secret the Redactor records; longer
// values are cut to this length (their first MaxSecret bytes are still
// redacted), so a hostile server cannot make redaction costly.
const MaxSecret = 16 << 10

// Placeholder replaces each redacted run of bytes.
const Placeholder = "[redacted]"

// PublicPrefixes are the documented, non-secret starts of Checkout.com
// credentials, longest first.
func PublicPrefixes() []string {
	return []string{"sk_sbox_", "sk_test_", "pk_sbox_", "pk_test_", "ack_", "sk_", "pk_"}
}

// Redactor is the set of a run's secrets. It is safe for concurrent use;
// the zero value is not usable (use New).
type Redactor struct {
	escapers []func(string) string
	mu       sync.RWMutex
	windows  map[uint64]uint8 // a piece, and how many of its first bytes are public
	// filter has the bit filterBit(k) set for every key k of windows, so
	// that mark skips, without a map lookup, the positions of a text no
	// piece can start at (almost all of them).
	filter [filterBits / 64]uint64
	seen   map[string]struct{}
}

// filterBits is the size of Redactor.filter in bits.
const filterBits = 1 << 16

// filterBit is the bit of Redactor.filter for a window's key.
func filterBit(k uint64) uint64 { return (k * 0x9E3779B97F4A7C15) >> (64 - 16) }

// mayHold reports whether the window with key k may be a secret's piece:
// false means it certainly is not.
func (r *Redactor) mayHold(k uint64) bool {
	bit := filterBit(k)
	return r.filter[bit/64]&(1<<(bit%64)) != 0
}

// New returns an empty Redactor. Each escaper is an output encoding (for
// example JSON string escaping) applied to every secret added, so that the
// escaped form is redacted too; nil escapers are ignored.
func New(escapers ...func(string) string) *Redactor {
	r := &Redactor{windows: map[uint64]uint8{}, seen: map[string]struct{}{}}
	for _, e := range escapers {
		if e != nil {
			r.escapers = append(r.escapers, e)
		}
	}
	return r
}

// Add records secret. Surrounding whitespace is ignored; a value shorter
// than Window after its public prefix adds nothing (see Window). Adding the
// same value twice is harmless.
func (r *Redactor) Add(secret string) {
	secret = strings.TrimSpace(secret)
	if len(secret) > MaxSecret {
		secret = secret[:MaxSecret]
	}
	prefix := publicPrefix(secret)
	if len(secret)-len(prefix) < Window {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.seen[secret]; ok {
		return
	}
	r.seen[secret] = struct{}{}
	forms := r.forms(secret, prefix)
	for i, f := range forms {
		// Most escapers leave a token as it is: each spelling once.
		if !slices.ContainsFunc(forms[:i], func(g form) bool { return g.text == f.text && g.public <= f.public }) {
			r.addWindows(f.text, f.public)
		}
	}
}

// AddURL records the user information (user name and password) of a URL,
// such as a proxy's; it does nothing for a URL without any or one that does
// not parse.
func (r *Redactor) AddURL(raw string) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.User == nil {
		return
	}
	r.Add(u.User.Username())
	if p, ok := u.User.Password(); ok {
		r.Add(p)
	}
}

// Empty reports whether no secret is recorded.
func (r *Redactor) Empty() bool {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return len(r.windows) == 0
}

// form is one spelling of a secret; its first public bytes are not secret.
type form struct {
	text   string
	public int
}

// forms lists every spelling of secret that could appear in output.
func (r *Redactor) forms(secret, prefix string) []form {
	rest := secret[len(prefix):]
	out := []form{{secret, len(prefix)}}
	for _, esc := range []func(string) string{url.QueryEscape, url.PathEscape} {
		out = append(out, form{esc(secret), len(esc(prefix))})
	}
	for _, esc := range r.escapers {
		out = append(out, form{esc(secret), len(esc(prefix))})
	}
	for _, v := range []string{rest, url.QueryEscape(rest)} {
		for _, b := range alignedBase64(v) {
			out = append(out, form{b, 0})
		}
	}
	return out
}

// addWindows records every Window-byte piece of s that holds at least one
// byte after its first public bytes, with the number of public bytes it
// starts with (which are not redacted, so that "sk_sbox_" stays visible).
func (r *Redactor) addWindows(s string, public int) {
	for i := max(0, public-Window+1); i+Window <= len(s); i++ {
		lead := uint8(max(public-i, 0))
		k := key(s[i : i+Window])
		if old, ok := r.windows[k]; !ok || lead < old {
			r.windows[k] = lead
		}
		bit := filterBit(k)
		r.filter[bit/64] |= 1 << (bit % 64)
	}
}

// key packs the first Window bytes of s into a map key.
func key(s string) uint64 {
	_ = s[Window-1]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// publicPrefix returns the documented public start of secret, or "".
func publicPrefix(secret string) string {
	for _, p := range PublicPrefixes() {
		if strings.HasPrefix(secret, p) {
			return p
		}
	}
	return ""
}

// alignedBase64 returns, for each of the three offsets v can have inside a
// base64 stream, the characters that depend on v's bytes alone, in the
// standard and URL alphabets (with no padding, which covers padded and
// unpadded encodings). Parts shorter than Window are left out.
func alignedBase64(v string) []string {
	var out []string
	for k := range 3 {
		in := make([]byte, k, k+len(v))
		in = append(in, v...)
		enc := base64.StdEncoding.EncodeToString(in)
		first := (k + 2) / 3 // the first 3-byte group made of v's bytes only
		last := len(in) / 3  // the groups before this one are complete
		if last <= first || 4*(last-first) < Window {
			continue
		}
		mid := enc[4*first : 4*last]
		out = append(out, mid, strings.NewReplacer("+", "-", "/", "_").Replace(mid))
	}
	return out
}

// String returns s with every piece of a recorded secret replaced by
// Placeholder (see the package documentation).
func (r *Redactor) String(s string) string {
	if len(s) < Window {
		return s
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	marked := r.mark(s)
	if marked == nil {
		return s
	}
	return replace(s, marked)
}

// Bytes is String for a byte slice; it returns b itself when nothing was
// redacted.
func (r *Redactor) Bytes(b []byte) []byte {
	s := string(b)
	if out := r.String(s); out != s {
		return []byte(out)
	}
	return b
}

// mark returns which bytes of s belong to a secret's window, or nil when
// none does. The caller holds r.mu.
func (r *Redactor) mark(s string) []bool {
	if len(r.windows) == 0 {
		return nil
	}
	var marked []bool
	for i := 0; i+Window <= len(s); i++ {
		k := key(s[i : i+Window])
		if !r.mayHold(k) {
			continue
		}
		lead, ok := r.windows[k]
		if !ok {
			continue
		}
		if marked == nil {
			marked = make([]bool, len(s))
		}
		for k := i + int(lead); k < i+Window; k++ {
			marked[k] = true
		}
	}
	return marked
}

// replace replaces each run of marked bytes, widened to whole runes, with
// one Placeholder.
func replace(s string, marked []bool) string {
	var b strings.Builder
	b.Grow(len(s))
	redacting := false
	for i := 0; i < len(s); {
		_, size := utf8.DecodeRuneInString(s[i:])
		hit := false
		for k := i; k < i+size; k++ {
			hit = hit || marked[k]
		}
		switch {
		case hit && !redacting:
			b.WriteString(Placeholder)
		case !hit:
			b.WriteString(s[i : i+size])
		}
		redacting = hit
		i += size
	}
	return b.String()
}
