package discover

// unwraps reports whether a member access returns what a holder holds:
// Lazy<T>.Value, Task<T>.Result, Supplier<T>.get(), Kotlin's lazy value,
// CompletableFuture.join().
func unwraps(name string) bool {
	switch name {
	case "Value", "Result", "get", "getObject", "getValue", "value", "join", "orElseThrow", "GetAwaiter", "GetResult", "await":
		return true
	}
	return false
}

// builderSymbol spells an SDK's OAuth builder for the Symbol field.
func builderSymbol(sdk string) string {
	switch sdk {
	case "go":
		return "checkout.Builder().OAuth()…Build()"
	case "dotnet":
		return "CheckoutSdk.Builder().OAuth()…Build()"
	case "php":
		return "CheckoutSdk::builder()->oAuth()…->build()"
	case "java":
		return "CheckoutSdk.builder().oAuth()…build()"
	case "ruby":
		return "CheckoutSdk.builder.oauth…build"
	}
	return "CheckoutSdk.builder().oauth()…build()"
}

// accessorSymbol spells a client method call the way the SDK's own
// documentation does: "cko.payments.refund", "$api->getPaymentsClient()->refundPayment".
func accessorSymbol(sdk, accessor, name string) string {
	switch sdk {
	case "node":
		return "cko." + accessor + "." + name
	case "php":
		return "$api->" + accessor + "()->" + name
	case "dotnet", "java":
		return "api." + accessor + "()." + name
	}
	return "api." + accessor + "." + name
}

// sdkCall records a call of an SDK client method at token n.
func (a *analyzer) sdkCall(v value, platform, name string, n int, eps []sdkEndpoint) {
	if !a.emit {
		return
	}
	conf := "high"
	if v.indirect {
		conf = "medium"
	}
	if v.guessed {
		conf = "low"
	}
	a.found = append(a.found, found{tok: n, endpoints: eps, platform: platform, via: "sdk", symbol: accessorSymbol(v.sdk, v.accessor, name), confidence: conf})
}

// tokenRequest records the OAuth token request a builder or constructor
// makes, at token start.
func (a *analyzer) tokenRequest(start int, v value, symbol string) {
	if !a.emit {
		return
	}
	conf := "high"
	if v.indirect {
		conf = "medium"
	}
	a.found = append(a.found, found{tok: start, endpoints: []sdkEndpoint{{"POST", "/connect/token", "access"}}, platform: "nas", via: "sdk", symbol: symbol, confidence: conf})
}
