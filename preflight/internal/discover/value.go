package discover

// kind classifies what an expression of user code holds, as far as the
// scanner can tell.
type kind uint8

const (
	kNone    kind = iota // unknown, or nothing to do with Checkout.com
	kCtor                // Node: the Checkout class, or the checkout-sdk-node module
	kFactory             // CheckoutSdk (the class with the static builder method)
	kBuilder             // a builder chain in progress: CheckoutSdk.builder()…
	kRoot                // the API object a builder or constructor made
	kClient              // one client of the API object: api.payments, api.PaymentsClient()
	kModule              // a user module whose exports are known (Node namespace import, Python module)
	kHTTP                // an HTTP client bound to a Checkout.com base URL
	kURL                 // a string holding a Checkout.com URL or base URL
)

// value is what the scanner knows about an expression.
type value struct {
	kind kind
	// sdk is the SDK name ("node", "python", …) for kCtor … kClient.
	sdk string
	// platform is "nas", "abc", or "both" (Node); for a builder, what it
	// will build.
	platform string
	// accessor is the client's accessor path (kClient).
	accessor string
	// oauth marks a builder or constructor that requests an OAuth token.
	oauth bool
	// module is the file whose exports a kModule value exposes.
	module string
	// url is the URL a kURL or kHTTP value holds.
	url urlValue
	// pending is the method an HTTP client's fluent request was started
	// with (webClient.post()), until its path is given.
	pending string
	// guessed marks a value inferred from a parameter's conventional name
	// alone: calls through it are reported with low confidence.
	guessed bool
	// indirect marks a value that came from another file or from a name
	// heuristic: calls through it are reported with medium confidence.
	indirect bool
}

// urlValue is a Checkout.com URL known statically, possibly partly.
type urlValue struct {
	// host is the first label of the Checkout.com host ("api", "files",
	// "access", …); empty when only the name of a setting said it is a
	// Checkout.com URL.
	host string
	// path is the path after the host as far as it is known, with each
	// interpolated part written "{}"; "" or "/" for a base URL.
	path string
	// open is true when the path ends in an interpolation whose value is
	// unknown (a base joined with a variable path).
	open bool
	// tok is the index of the token where the path literal starts (the
	// position reported); -1 when the path has no literal of its own.
	tok int
	// file is the slash path of the file holding tok.
	file string
	// line and col are the position of tok.
	line, col int
	// fromSetting is true when the host was inferred from a setting's name
	// (CHECKOUT_API_URL) rather than read from a literal.
	fromSetting bool
}

func (v value) known() bool { return v.kind != kNone }

// isSDK reports whether v is an SDK object (constructor to client).
func (v value) isSDK() bool { return v.kind >= kCtor && v.kind <= kClient }
