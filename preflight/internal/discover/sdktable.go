package discover

// sdkEndpoint is one HTTP request: method, path template as the source
// spells it, and the first label of the host ("api", "files", "access"…).
type sdkEndpoint struct{ Method, Path, Host string }

// sdkMethod is one method of an official SDK client, as generated from
// sdk-methods/<sdk>.json (see zz_sdk.go).
type sdkMethod struct {
	// SDK is "node", "python", "php", "dotnet", "java", "go" or "ruby".
	SDK string
	// Accessor is how the client is reached from the root API object, its
	// receiver and any "()" removed: "payments", "issuing.cards" (Node),
	// "getPaymentsClient" (PHP), "PaymentsClient" (.NET), "paymentsClient"
	// (Java), "Payments" (Go).
	Accessor string
	// Name is the method name user code calls.
	Name string
	// Platform is "nas", "abc" (reached through the previous builder) or
	// "both" (Node: one client set for both platforms).
	Platform string
	// Type is the client's fully qualified type for typed declarations
	// (Java, .NET interface, PHP, Go "import/path.Type", Ruby); empty when
	// callers do not declare it.
	Type string
	// Endpoints are the requests the method makes (production spelling);
	// usually one.
	Endpoints []sdkEndpoint
}

// sdkRoot is the type an SDK's builder returns for a platform.
type sdkRoot struct{ SDK, Platform, Type string }
