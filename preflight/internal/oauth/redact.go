package oauth

import (
	"encoding/base64"
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Redacted replaces secret material in text produced by [Redact].
const Redacted = "[redacted]"

// minSecretSubstring is the length from which any substring of a secret
// counts as leaking it.
const minSecretSubstring = 8

// maxDescription is the length, in runes, to which provider text is cut
// before it goes into an error message.
const maxDescription = 200

// Redact returns s with every trace of the secrets replaced by "[redacted]":
// each secret's full value, every substring of 8 or more characters of it,
// its URL-encoded forms (query and path escaping), its base64 forms at any
// alignment (standard and URL alphabets, so a secret inside an HTTP Basic
// value is caught), and the Basic credentials formed from any two of the
// secrets. Secrets shorter than 8 characters are replaced only where they
// occur whole. Empty secrets are ignored; with no secrets s is returned
// unchanged. Adjacent redactions merge into one "[redacted]".
func Redact(s string, secrets ...string) string {
	if s == "" {
		return s
	}
	needles := secretForms(secrets)
	if len(needles) == 0 {
		return s
	}
	marked := make([]bool, len(s))
	hit := false
	for _, n := range needles {
		if markNeedle(s, n, marked) {
			hit = true
		}
	}
	if !hit {
		return s
	}
	return replaceMarked(s, marked)
}

// markNeedle marks in marked the bytes of s that belong to n: whole
// occurrences for short needles, 8-byte windows for long ones. It reports
// whether anything was marked.
func markNeedle(s, n string, marked []bool) bool {
	found := false
	if len(n) < minSecretSubstring {
		for i := 0; i+len(n) <= len(s); {
			j := strings.Index(s[i:], n)
			if j < 0 {
				break
			}
			for k := i + j; k < i+j+len(n); k++ {
				marked[k] = true
			}
			found = true
			i += j + 1
		}
		return found
	}
	grams := make(map[string]struct{}, len(n)-minSecretSubstring+1)
	for i := 0; i+minSecretSubstring <= len(n); i++ {
		grams[n[i:i+minSecretSubstring]] = struct{}{}
	}
	for i := 0; i+minSecretSubstring <= len(s); i++ {
		if _, ok := grams[s[i:i+minSecretSubstring]]; ok {
			for k := i; k < i+minSecretSubstring; k++ {
				marked[k] = true
			}
			found = true
		}
	}
	return found
}

// replaceMarked replaces each run of marked bytes, widened to whole runes,
// by Redacted.
func replaceMarked(s string, marked []bool) string {
	for i := 0; i < len(s); {
		_, size := utf8.DecodeRuneInString(s[i:])
		if slices.Contains(marked[i:i+size], true) {
			for k := i; k < i+size; k++ {
				marked[k] = true
			}
		}
		i += size
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && marked[j] == marked[i] {
			j++
		}
		if marked[i] {
			b.WriteString(Redacted)
		} else {
			b.WriteString(s[i:j])
		}
		i = j
	}
	return b.String()
}

// secretForms lists the strings whose presence would leak one of secrets.
func secretForms(secrets []string) []string {
	var forms []string
	seen := make(map[string]bool)
	add := func(v string) {
		if v != "" && !seen[v] {
			seen[v] = true
			forms = append(forms, v)
		}
	}
	var live []string
	for _, v := range secrets {
		if v == "" {
			continue
		}
		live = append(live, v)
		add(v)
		add(url.QueryEscape(v))
		add(url.PathEscape(v))
		for _, enc := range alignedBase64(v) {
			add(enc)
		}
		for _, enc := range alignedBase64(url.QueryEscape(v)) {
			add(enc)
		}
	}
	for _, a := range live {
		for _, b := range live {
			if a == b {
				continue
			}
			add(base64.StdEncoding.EncodeToString([]byte(url.QueryEscape(a) + ":" + url.QueryEscape(b))))
			add(base64.StdEncoding.EncodeToString([]byte(a + ":" + b)))
		}
	}
	return forms
}

// alignedBase64 returns, for each of the three positions v can take within
// a base64-encoded stream, the characters of the encoding that depend on v
// alone, in the standard and URL alphabets. Parts shorter than 8
// characters are left out: they would match unrelated text.
func alignedBase64(v string) []string {
	var out []string
	for k := range 3 {
		in := make([]byte, k, k+len(v))
		in = append(in, v...)
		enc := base64.StdEncoding.EncodeToString(in)
		first := (k + 2) / 3 // first 3-byte group made of v's bytes only
		last := len(in) / 3  // groups before this one are complete
		if last <= first {
			continue
		}
		mid := enc[4*first : 4*last]
		if len(mid) < minSecretSubstring {
			continue
		}
		out = append(out, mid, strings.NewReplacer("+", "-", "/", "_").Replace(mid))
	}
	return out
}

// sanitize makes provider text safe for one line of output: secrets
// redacted, control and other non-printing characters turned into spaces,
// runs of space collapsed, and the result cut to max runes with "…".
func sanitize(s string, max int, secrets ...string) string {
	s = Redact(s, secrets...)
	s = strings.Map(func(r rune) rune {
		if r == utf8.RuneError || !unicode.IsPrint(r) {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	n := 0
	for i := range s {
		if n == max {
			return s[:i] + "…"
		}
		n++
	}
	return s
}
