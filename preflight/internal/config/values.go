package config

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The bounds ParseDuration accepts for timeout.
const (
	MinTimeout = time.Second
	MaxTimeout = 10 * time.Minute
)

// The functions below parse one setting's value, whatever its source: a
// flag, an action input or the config file. A value is accepted or refused
// identically everywhere, and every error is an *Error at the value's
// position (zero for a flag or an input) whose message names the setting.
// Empty means the setting's default, which the caller applies.

// ParseDuration reads timeout: a whole number of seconds ("45") or a Go
// duration ("30s", "1m30s"), from MinTimeout to MaxTimeout. Empty returns 0.
func ParseDuration(name string, v Value) (time.Duration, error) {
	if v.Text == "" {
		return 0, nil
	}
	d, err := time.ParseDuration(v.Text)
	if n, nerr := strconv.ParseInt(v.Text, 10, 64); nerr == nil {
		d, err = time.Duration(n)*time.Second, nil
		if n > int64(MaxTimeout/time.Second) {
			d = MaxTimeout + 1
		}
	}
	switch {
	case err != nil:
		return 0, errorAt(v.Pos, fmt.Sprintf(`%s %s is not a duration; write it like "30s" or "2m" (or "45" for seconds)`, name, quote(v.Text)))
	case d < MinTimeout || d > MaxTimeout:
		return 0, errorAt(v.Pos, fmt.Sprintf(`%s %s is outside 1s to 10m; write it like "30s" or "2m"`, name, quote(v.Text)))
	}
	return d, nil
}

// ParseChoice reads a setting with a fixed set of values, in any case;
// it returns the accepted spelling (choices[i]), or "" for an empty value.
func ParseChoice(name string, v Value, choices ...string) (string, error) {
	if v.Text == "" {
		return "", nil
	}
	for _, c := range choices {
		if strings.EqualFold(v.Text, c) {
			return c, nil
		}
	}
	msg := fmt.Sprintf("%s %s is not one of %s", name, quote(v.Text), orList(choices))
	if c := closest(strings.ToLower(v.Text), choices); c != "" {
		msg += fmt.Sprintf("; did you mean %q?", c)
	}
	return "", errorAt(v.Pos, msg)
}

// ParseEnvironment reads environment: "auto", "sandbox" or "production"
// in any case; "" when empty.
func ParseEnvironment(v Value) (string, error) {
	return ParseChoice(Environment, v, Environments()...)
}

// ParseBool reads a true/false setting in any case; false when empty.
func ParseBool(name string, v Value) (bool, error) {
	c, err := ParseChoice(name, v, "true", "false")
	return c == "true", err
}

// ParsePrefix reads prefix, the account's unique merchant prefix: letters
// and digits, in any case, returned in lower case ("" when empty). A URL or
// host pasted instead is refused with the prefix to write.
func ParsePrefix(v Value) (string, error) {
	if v.Text == "" {
		return "", nil
	}
	lower := strings.ToLower(v.Text)
	if isPrefix(lower) {
		return lower, nil
	}
	msg := fmt.Sprintf(`prefix %s is not a merchant prefix, which is letters and digits only, like "1a2b3c4d" in "https://1a2b3c4d.api.checkout.com"`, quote(v.Text))
	host := strings.TrimPrefix(strings.TrimPrefix(lower, "https://"), "http://")
	if first, _, ok := strings.Cut(host, "."); ok && isPrefix(first) {
		msg += fmt.Sprintf("; write only %q", first)
	}
	return "", errorAt(v.Pos, msg)
}

func isPrefix(s string) bool {
	for i := range len(s) {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return s != ""
}

// Environments lists the accepted values of "environment", in the order
// messages list them. "auto" (the default) takes the environment from the
// key itself.
func Environments() []string { return []string{"auto", "sandbox", "production"} }

// orList renders choices as `"a", "b" or "c"`.
func orList(choices []string) string {
	q := make([]string, len(choices))
	for i, c := range choices {
		q[i] = strconv.Quote(c)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// FailOnChoices and OnMissingChoices list the values of fail-on and
// on-missing-credentials, the default first.
func FailOnChoices() []string    { return []string{"error", "warning"} }
func OnMissingChoices() []string { return []string{"fail", "skip"} }
