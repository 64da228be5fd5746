package config

import (
	"fmt"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// written reports whether the key of v was written with a value, even "".
func written(v Value) bool { return v.Pos.Line != 0 || v.Text != "" }

// checkCredential checks a credential's name and the combination and shape
// of its key variables. n is its mapping node, label names it in messages;
// meant lists the keys that misspelt ones may have meant, which are not
// reported missing a second time.
func (s *source) checkCredential(index int, label string, n *yaml.Node, c Credential, meant []string) {
	misspelt := func(keys ...string) bool {
		for _, k := range keys {
			if contains(meant, k) {
				return true
			}
		}
		return false
	}
	switch {
	case c.Name.Text == "" && (misspelt("name") || s.wrong[c.Name.Pos]):
	case c.Name.Text == "":
		s.fail(n, fmt.Sprintf(`credentials item %d has no "name"; add one, for example "name: payments-service"`, index))
	case !validName(c.Name.Text):
		s.errs = append(s.errs, errorAt(c.Name.Pos, fmt.Sprintf(
			`credential name %s is not valid; use up to 64 letters, digits, ".", "_" and "-", starting with a letter or digit, like "payments-service"`, quote(c.Name.Text))))
	}
	key, id, secret, public := written(c.SecretKeyEnv), written(c.ClientIDEnv), written(c.ClientSecretEnv), written(c.PublicKeyEnv)
	switch {
	case !key && !id && !secret && !public && misspelt("secret-key-env", "client-id-env", "client-secret-env", "public-key-env"):
	case !key && !id && !secret && !public:
		s.fail(n, fmt.Sprintf(`%s names no key variable; add "secret-key-env" for a secret key, "client-id-env" and "client-secret-env" for an OAuth client, or "public-key-env" for a public key`, label))
	case key && (id || secret):
		other, at := "client-id-env", c.ClientIDEnv
		if !id {
			other, at = "client-secret-env", c.ClientSecretEnv
		}
		s.errs = append(s.errs, errorAt(at.Pos, fmt.Sprintf(
			`%s has both "secret-key-env" and %q; a credential is either a secret key or an OAuth client, so keep one and declare the other as a credential of its own`, label, other)))
	case id && !secret && misspelt("client-secret-env"), secret && !id && misspelt("client-id-env"):
	case id && !secret:
		s.errs = append(s.errs, errorAt(c.ClientIDEnv.Pos, fmt.Sprintf(
			`%s has "client-id-env" but no "client-secret-env"; add the name of the variable that holds the client secret`, label)))
	case secret && !id:
		s.errs = append(s.errs, errorAt(c.ClientSecretEnv.Pos, fmt.Sprintf(
			`%s has "client-secret-env" but no "client-id-env"; add the name of the variable that holds the client id`, label)))
	}
	s.checkEnvName("secret-key-env", "CKO_SECRET_KEY", c.SecretKeyEnv)
	s.checkEnvName("public-key-env", "CKO_PUBLIC_KEY", c.PublicKeyEnv)
	s.checkEnvName("client-id-env", "CKO_CLIENT_ID", c.ClientIDEnv)
	s.checkEnvName("client-secret-env", "CKO_CLIENT_SECRET", c.ClientSecretEnv)
}

// validName reports whether s is an acceptable credential name.
func validName(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := range len(s) {
		c := s[i]
		alnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		if !alnum && (i == 0 || c != '.' && c != '_' && c != '-') {
			return false
		}
	}
	return true
}

// checkEnvName checks that v, the value of key, is an environment variable
// name: [A-Za-z_][A-Za-z0-9_]*. A value that looks like a secret itself is
// reported without quoting it.
func (s *source) checkEnvName(key, example string, v Value) {
	if !written(v) || s.wrong[v.Pos] {
		return
	}
	text := v.Text
	var msg string
	switch {
	case looksSecret(text):
		msg = fmt.Sprintf(`%q holds what looks like a secret itself, not the name of an environment variable; remove it from the file and rotate it in the Dashboard, store the new one as a repository secret, and write the name of the variable that holds it here, for example %q`, key, example)
	case validEnvName(text):
		return
	case text == "":
		msg = fmt.Sprintf(`%q is empty; write the name of the environment variable that holds the value, for example %q`, key, example)
	case strings.Contains(text, "${{"):
		msg = fmt.Sprintf(`%q is an expression (%s), not the name of an environment variable; set the variable in the step's "env:" (for example %s: ${{ secrets.%s }}) and write its name here`, key, quote(text), example, example)
	case strings.HasPrefix(text, "$") && validEnvName(strings.Trim(text, "${}")):
		msg = fmt.Sprintf(`%q is %s; write the variable's name without "$": %q`, key, quote(text), strings.Trim(text, "${}"))
	default:
		msg = fmt.Sprintf(`%q is %s, which is not an environment variable name; use letters, digits and "_", not starting with a digit, for example %q`, key, quote(text), example)
	}
	s.errs = append(s.errs, errorAt(v.Pos, msg))
}

func validEnvName(s string) bool {
	for i := range len(s) {
		c := s[i]
		if !(c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return s != ""
}

// looksSecret reports whether s looks like a key or a client secret rather
// than a variable name: a Checkout.com key prefix ("sk_", "pk_"), or a long random-looking
// string (mixed case and digits without "_", or base64 punctuation).
func looksSecret(s string) bool {
	if strings.HasPrefix(s, "sk_") || strings.HasPrefix(s, "pk_") || strings.HasPrefix(s, "ack_") {
		return true
	}
	if len(s) < 16 || strings.Contains(s, "${{") {
		return false
	}
	if strings.ContainsAny(s, "+/=") {
		return true
	}
	var upper, low, digit bool
	for _, r := range s {
		upper = upper || unicode.IsUpper(r)
		low = low || unicode.IsLower(r)
		digit = digit || unicode.IsDigit(r)
	}
	return len(s) >= 20 && upper && low && digit && !strings.Contains(s, "_")
}
