package redact

import (
	"fmt"
	"unicode/utf8"
)

// Neutralise returns b with every control character except newline and
// tab, and every Unicode line separator and bidirectional override,
// replaced by a visible escape (`\x1b`, `\u202e`), so that no text can move
// the cursor, retitle a terminal, clear the screen or reorder what a reader
// sees. The colour sequences ESC [ digits and ';' m are kept: the terminal
// renderer writes them, and they can only colour text. It returns b itself
// when nothing needed escaping.
func Neutralise(b []byte) []byte {
	if !needsNeutralising(b) {
		return b
	}
	out := make([]byte, 0, len(b)+16)
	for i := 0; i < len(b); {
		if n := sgrLen(b[i:]); n > 0 {
			out = append(out, b[i:i+n]...)
			i += n
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			out = fmt.Appendf(out, `\x%02x`, b[i])
		case unsafe(r) && r < 0x80:
			out = fmt.Appendf(out, `\x%02x`, r)
		case unsafe(r):
			out = fmt.Appendf(out, `\u%04x`, r)
		default:
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return out
}

func needsNeutralising(b []byte) bool {
	for i := 0; i < len(b); {
		if n := sgrLen(b[i:]); n > 0 {
			i += n
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if unsafe(r) || r == utf8.RuneError && size == 1 {
			return true
		}
		i += size
	}
	return false
}

// unsafe reports the runes Neutralise escapes.
func unsafe(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
		return true
	case r == '\u2028' || r == '\u2029' || r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069':
		return true
	}
	return false
}

// sgrLen returns the length of a colour sequence ESC [ [0-9;]* m at the
// start of b, or 0.
func sgrLen(b []byte) int {
	if len(b) < 3 || b[0] != 0x1b || b[1] != '[' {
		return 0
	}
	for i := 2; i < len(b) && i < 32; i++ {
		switch c := b[i]; {
		case c == 'm':
			return i + 1
		case c >= '0' && c <= '9' || c == ';':
		default:
			return 0
		}
	}
	return 0
}
