package config

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// DefaultPath is where the config file is looked for when none is named.
const DefaultPath = ".github/checkout-preflight.yml"

// MaxFileSize is the largest config file Parse accepts, 1 MiB. A real one is
// a few kilobytes; anything larger is the wrong file.
const MaxFileSize = 1 << 20

// File is a parsed config file. Every Value carries its position in Path.
type File struct {
	// Path is the file's name as given to Parse or Load.
	Path string
	// Version is the schema version; always "1" in a File returned by Parse.
	Version Value
	// Defaults apply to every credential that does not override them.
	Defaults Defaults
	// Credentials lists the declared credentials in file order; never empty
	// in a File returned by Parse.
	Credentials []Credential
}

// Defaults are the settings under "defaults:". A Value with an empty Text
// means the key was not written, or was written with no value.
type Defaults struct {
	// Environment is "auto", "sandbox" or "production"; empty means auto.
	Environment Value
	// Prefix is the merchant prefix ([a-z0-9]+) of the account's API URLs;
	// empty means none.
	Prefix Value
	// Timeout is the run's deadline as written (see ParseDuration); empty
	// means the tool's default.
	Timeout Value
	// FailOn and OnMissing are fail-on and on-missing-credentials as
	// written (see ParseChoice); empty means the default.
	FailOn, OnMissing Value
	// AllowedIPs lists the allowlist entries (addresses or CIDR ranges) as
	// written; their syntax is checked by package egress. Nil means no
	// allowlist was declared.
	AllowedIPs []Value
	// Discover lists the code paths to read calls from (see
	// ParseDiscover), as written; nil means discovery is not declared.
	Discover []Value
}

// Credential is one entry of "credentials:". The *-env fields name
// environment variables, never values. A Value with an empty Text means the
// key was not written (Parse refuses an *-env key written empty). A
// credential names either SecretKeyEnv or both ClientIDEnv and
// ClientSecretEnv (OAuth).
type Credential struct {
	// Name identifies the credential in messages and outputs: letters,
	// digits, ".", "_" and "-", unique within the file.
	Name Value
	// SecretKeyEnv names the variable holding a secret key (sk_...).
	SecretKeyEnv Value
	// PublicKeyEnv names the variable holding a public key (pk_...),
	// checked as a credential of its own beside the entry's secret key or
	// OAuth client, or alone.
	PublicKeyEnv Value
	// ClientIDEnv and ClientSecretEnv name the variables holding an OAuth
	// client's id and secret.
	ClientIDEnv     Value
	ClientSecretEnv Value
	// Environment overrides Defaults.Environment; empty means the default.
	Environment Value
	// Prefix overrides Defaults.Prefix; empty means the default.
	Prefix Value
	// Endpoints lists the endpoint lines as written; each parses with
	// ParseEndpoint (Parse has checked). Nil means none were declared.
	Endpoints []Value
	// Scopes lists scope names the credential must hold, syntax-checked by
	// Parse; nil means none were declared.
	Scopes []Value
	// Discover overrides Defaults.Discover (see ParseDiscover); nil means
	// the default.
	Discover []Value
	// Pos is where the credential's entry starts.
	Pos report.Position
}

// IsOAuth reports whether the credential is an OAuth client (it names a
// client id variable) rather than a secret key.
func (c Credential) IsOAuth() bool { return c.ClientIDEnv.Text != "" }

// EnvNames returns the environment variable names the credential uses, in
// the order secret-key-env, client-id-env, client-secret-env,
// public-key-env, leaving out
// those not written. The caller checks that each one is set, and reports
// at the Value's position when it is not. It returns nil when none is
// written.
func (c Credential) EnvNames() []Value {
	var out []Value
	for _, v := range []Value{c.SecretKeyEnv, c.ClientIDEnv, c.ClientSecretEnv, c.PublicKeyEnv} {
		if v.Text != "" {
			out = append(out, v)
		}
	}
	return out
}

// Load reads the config file at path with readFile (os.ReadFile in
// production, a map lookup in tests) and parses it with Parse. A missing or
// unreadable file is an *Error naming the path and what to do, wrapping
// the read error (so errors.Is(err, fs.ErrNotExist) works).
func Load(path string, readFile func(string) ([]byte, error)) (*File, error) {
	data, err := readFile(path)
	if err != nil {
		where := report.Position{File: path}
		if credentialLike(path) {
			where = report.Position{} // a secret pasted as the path is not shown there either
		}
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &Error{Pos: where, Err: err, Message: fmt.Sprintf(
				"config file %s does not exist; create it (see the README for its format) or give the path of an existing file", quote(path))}
		}
		var why interface{ Reason() string }
		if errors.As(err, &why) {
			return nil, &Error{Pos: where, Err: err, Message: fmt.Sprintf("config file %s %s", quote(path), why.Reason())}
		}
		return nil, &Error{Pos: where, Err: err, Message: fmt.Sprintf(
			"config file %s cannot be read; check that it is a file and that its permissions let the action read it", quote(path))}
	}
	return Parse(path, data)
}
