package config

// Setting is one setting a user can give: an action input, the CLI flag of
// the same name, and, where the file allows it, a key of the config file.
// Settings is the one list of them; the flags, the action's inputs
// (action.yml is tested against it), the config file's keys and the README
// all follow it.
type Setting struct {
	// Name is the input's, flag's and config key's name, e.g. "timeout".
	Name string
	// Default is the value used when the setting is given nowhere, as the
	// user would write it; empty means none.
	Default string
	// Env is the environment variable the CLI reads when the flag is not
	// given (CKO_SECRET_KEY); empty means none.
	Env string
	// Secret marks credential material: it is masked and registered with
	// the redactor before anything else is written, never quoted, and never
	// written in the config file (which names variables instead).
	Secret bool
	// List marks a list (lines and/or commas, "#" comments).
	List bool
	// InDefaults and InCredential say whether the config file accepts the
	// setting under "defaults:" and in a "credentials:" entry. URL
	// overrides are inputs only: a config file a pull request can change
	// must not be able to send credentials elsewhere.
	InDefaults, InCredential bool
	// Usage is the one-line description.
	Usage string
	// Arg is the flag's value placeholder in the usage text, e.g. "KEY";
	// empty for a flag given bare (--simulate).
	Arg string
}

// Setting names.
const (
	SecretKey    = "secret-key"
	ClientID     = "client-id"
	ClientSecret = "client-secret"
	PublicKey    = "public-key"
	Environment  = "environment"
	Endpoints    = "endpoints"
	Scopes       = "scopes"
	Discover     = "discover"
	AllowedIPs   = "allowed-ips"
	ConfigPath   = "config"
	Prefix       = "prefix"
	APIURL       = "api-url"
	AuthURL      = "auth-url"
	IPEchoURLs   = "ip-echo-urls"
	Timeout      = "timeout"
	FailOn       = "fail-on"
	OnMissing    = "on-missing-credentials"
	Simulate     = "simulate"
)

// Settings lists every setting, in the order of action.yml and the usage
// text.
func Settings() []Setting {
	return []Setting{
		{Name: SecretKey, Env: "CKO_SECRET_KEY", Secret: true, Usage: "secret key, sk_… or sk_sbox_…", Arg: "KEY"},
		{Name: ClientID, Env: "CKO_CLIENT_ID", Secret: true, Usage: "OAuth access key id, ack_…", Arg: "ID"},
		{Name: ClientSecret, Env: "CKO_CLIENT_SECRET", Secret: true, Usage: "OAuth access key secret", Arg: "SECRET"},
		{Name: PublicKey, Env: "CKO_PUBLIC_KEY", Secret: true, Usage: "public key, pk_… or pk_sbox_…, checked as a credential of its own", Arg: "KEY"},
		{Name: Environment, Default: "auto", InDefaults: true, InCredential: true, Usage: "auto (from the key), sandbox or production", Arg: "ENV"},
		{Name: Endpoints, List: true, InCredential: true, Usage: `"METHOD /path" lines the service calls`, Arg: "LIST"},
		{Name: Scopes, List: true, InCredential: true, Usage: "scopes the credential must hold, besides the endpoints'", Arg: "LIST"},
		{Name: Discover, List: true, InDefaults: true, InCredential: true, Arg: "PATHS", Usage: `code whose Checkout.com calls are checked too: paths or globs under the workspace, "." for all of it, "!glob" to leave some out`},
		{Name: AllowedIPs, List: true, InDefaults: true, Usage: "allowed egress addresses or CIDR prefixes", Arg: "LIST"},
		{Name: ConfigPath, Usage: "YAML config file with several credentials", Arg: "FILE"},
		{Name: Prefix, InDefaults: true, InCredential: true, Usage: "merchant-specific API prefix, [a-z0-9]+", Arg: "PREFIX"},
		{Name: APIURL, Usage: "override the API base URL: https, or http to loopback", Arg: "URL"},
		{Name: AuthURL, Usage: "override the OAuth token URL", Arg: "URL"},
		{Name: IPEchoURLs, List: true, Usage: `IP echo services; "none" turns discovery off`, Arg: "LIST"},
		{Name: Timeout, Default: "30s", InDefaults: true, Usage: "deadline for the whole run: 45, 30s or 2m, from 1s to 10m", Arg: "DURATION"},
		{Name: FailOn, Default: "error", InDefaults: true, Usage: "error, or warning to fail on warnings too", Arg: "error|warning"},
		{Name: OnMissing, Default: "fail", InDefaults: true, Usage: "fail or skip when no credential is set", Arg: "fail|skip"},
		{Name: Simulate, Default: "false", Usage: "check against the embedded Checkout.com simulator; without credentials, its four example services (see simulate)"},
	}
}

// LookupSetting returns the setting called name.
func LookupSetting(name string) (Setting, bool) {
	for _, s := range Settings() {
		if s.Name == name {
			return s, true
		}
	}
	return Setting{}, false
}

// fileKeys returns the names of the settings a config file section
// accepts: under "defaults:" (credential false) or in a credentials entry.
func fileKeys(credential bool) []string {
	var out []string
	for _, s := range Settings() {
		if credential && s.InCredential || !credential && s.InDefaults {
			out = append(out, s.Name)
		}
	}
	return out
}
