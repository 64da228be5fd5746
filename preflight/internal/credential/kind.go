package credential

import (
	"regexp"
	"strings"
)

// Kind names what sort of credential a value is.
type Kind string

// The kinds of credential. KindUnknown is a value that matches no
// documented shape.
const (
	KindUnknown           Kind = "unknown"
	KindSecretKey         Kind = "secret_key"          // current platform sk_…, sent as "Bearer <key>"
	KindPublicKey         Kind = "public_key"          // current platform pk_…
	KindPreviousSecretKey Kind = "previous_secret_key" // previous platform sk_<uuid>, sent raw
	KindPreviousPublicKey Kind = "previous_public_key" // previous platform pk_<uuid>
	KindOAuth             Kind = "oauth"               // access key: ack_… client id plus a client secret
)

// Label is how the kind is named to people, e.g. "secret key".
func (k Kind) Label() string {
	switch k {
	case KindSecretKey:
		return "secret key"
	case KindPublicKey:
		return "public key"
	case KindPreviousSecretKey:
		return "previous-platform secret key"
	case KindPreviousPublicKey:
		return "previous-platform public key"
	case KindOAuth:
		return "OAuth access key"
	default:
		return "unrecognised credential"
	}
}

// Environment is the Checkout.com environment a credential belongs to.
// The empty Environment means unknown.
type Environment string

// Environments, and the setting that asks for inference from the key.
const (
	Sandbox    Environment = "sandbox"
	Production Environment = "production"
	Auto                   = "auto"
)

// shape is one documented credential format.
type shape struct {
	kind    Kind
	re      *regexp.Regexp
	sandbox string // prefix that marks a sandbox value
	example string // what the shape looks like, for messages
}

// shapes returns the documented formats, from the official SDKs.
func shapes() []shape {
	return []shape{
		{KindSecretKey, regexp.MustCompile(`^sk_(sbox_)?[a-z2-7]{26}[a-z2-7*#$=]$`), "sk_sbox_", "sk_sbox_… or sk_… followed by 27 base32 characters"},
		{KindPublicKey, regexp.MustCompile(`^pk_(sbox_)?[a-z2-7]{26}[a-z2-7*#$=]$`), "pk_sbox_", "pk_sbox_… or pk_… followed by 27 base32 characters"},
		{KindPreviousSecretKey, regexp.MustCompile(`^sk_(test_)?\w{8}-\w{4}-\w{4}-\w{4}-\w{12}$`), "sk_test_", "sk_test_<uuid> or sk_<uuid> (previous platform)"},
		{KindPreviousPublicKey, regexp.MustCompile(`^pk_(test_)?\w{8}-\w{4}-\w{4}-\w{4}-\w{12}$`), "pk_test_", "pk_test_<uuid> or pk_<uuid> (previous platform)"},
	}
}

// clientIDPattern is the shape of an OAuth access key id.
var clientIDPattern = regexp.MustCompile(`^ack_[a-z2-7]{26}$`)

// Classify returns the kind and environment of a trimmed value, or
// KindUnknown and "" when it matches no documented shape. An OAuth client
// id classifies as KindOAuth with an unknown environment.
func Classify(v string) (Kind, Environment) {
	if clientIDPattern.MatchString(v) {
		return KindOAuth, ""
	}
	for _, s := range shapes() {
		if s.re.MatchString(v) {
			if strings.HasPrefix(v, s.sandbox) {
				return s.kind, Sandbox
			}
			return s.kind, Production
		}
	}
	return KindUnknown, ""
}

// AcceptedSecretShapes lists, for messages, the shapes accepted where a
// secret key is expected.
func AcceptedSecretShapes() []string {
	return []string{shapes()[0].example, shapes()[2].example}
}
