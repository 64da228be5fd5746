package credential

import "fmt"

// Bounds of a value that can be a secret (see Plausible).
const (
	MinSecretLength = 16
	MaxSecretLength = 8 << 10
)

// Plausible checks that v could be a real secret — a key, a client secret
// or an access token — before it is masked or redacted: MinSecretLength to
// MaxSecretLength bytes of printable ASCII without spaces, with at least 8
// distinct characters. Masking a value that fails (the token "e", a
// one-letter input) would turn every occurrence of it in the job's log
// into "***"; such a value is refused instead. The error describes the
// value's shape, never the value.
func Plausible(v string) error {
	if len(v) < MinSecretLength || len(v) > MaxSecretLength {
		return fmt.Errorf("%d bytes long, while real ones are %d to %d", len(v), MinSecretLength, MaxSecretLength)
	}
	var seen [128]bool
	distinct := 0
	for i := range len(v) {
		c := v[i]
		if c < 0x21 || c > 0x7e {
			return fmt.Errorf("holds a character other than printable ASCII at byte %d", i)
		}
		if !seen[c] {
			seen[c] = true
			distinct++
		}
	}
	if distinct < 8 {
		return fmt.Errorf("made of only %d distinct characters", distinct)
	}
	return nil
}
