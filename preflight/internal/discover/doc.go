// Package discover finds, in a source tree, the places where a service
// calls the Checkout.com API, and says which endpoint each call reaches
// and which OAuth scopes it needs.
//
// It owns: walking a file system (honouring .gitignore files, exclusions,
// vendored code, build output and test files), a tokenizer per language
// family (package internal/lex) so that comments and strings are told
// apart from code, recognition of calls through the seven official server
// SDKs and of raw HTTP requests to Checkout.com hosts, matching each call
// to the endpoint catalog (or to the previous platform's operations), and
// rendering the result as text or JSON (WriteText, WriteJSON).
//
// It must not: read the process environment, reach the network, write
// files, or run the code it reads. The file system is injected as an
// fs.FS; nothing outside it is read.
//
// # What is recognised
//
// SDK calls, for checkout-sdk-node (JavaScript and TypeScript),
// checkout-sdk (Python), checkout/checkout-sdk-php, CheckoutSDK (.NET),
// checkout-sdk-java (Java and Kotlin callers), checkout-sdk-go/v2 and the
// checkout_sdk gem: a method of a client reached through the SDK's
// accessor (cko.payments.refund, $api->getPaymentsClient()->refundPayment,
// api.PaymentsClient().RefundPayment, api.Payments.RefundPaymentWithContext)
// on a receiver whose value the scanner followed from the SDK's entry
// point or type:
//
//   - builders and constructors (CheckoutSdk.builder()…build(),
//     checkout.Builder()…Build(), new Checkout(…)), including the previous
//     platform's builders (…previous()…) and the OAuth ones, whose token
//     request (POST /connect/token on the access host) is reported at the
//     expression's first token;
//   - variables, fields and properties (this.x, self.x, @x, $this->x, Go
//     struct fields through any receiver), destructuring
//     (const { payments } = cko), Kotlin "by lazy", Ruby "||=" memoisation,
//     Python "with … as", RSpec "let";
//   - typed declarations: fields, parameters and constructor injection by
//     the SDK's types (PaymentsClient, ICheckoutApi, IPaymentsClient,
//     *nas.Api, CheckoutApi $api, api: CheckoutApi), resolved through the
//     file's imports (and C# global usings), holders such as Lazy<T>;
//   - functions whose result is a client (getCko(), def api; @api ||= …,
//     @Bean methods, Go constructors returning *nas.Api);
//   - across files: Node module.exports / export and require / import
//     (relative specifiers and @/, ~/, src/ path aliases), Python module
//     imports, Go package members, Ruby constants, module methods and
//     mixins, static members of Java, Kotlin, C# and PHP classes, values
//     passed as arguments to functions and constructors of untyped
//     languages, pytest fixtures;
//   - as a last resort, an untyped parameter named as the SDK's documents
//     name the API object (api, cko, checkout_api, …) in a project that uses
//     the SDK, when both the accessor and the method are the SDK's (low
//     confidence).
//
// Raw HTTP requests: a call whose URL argument is on a Checkout.com API
// host ([prefix.]api|access|files|transfers|balances|forward|
// identity-verification[.sandbox].checkout.com) — a literal, a template
// or f-string, a concatenation, a format call (fmt.Sprintf, String.format,
// str.format, %, sprintf, string.Format), a join (url.JoinPath, urljoin,
// new URL(path, base), new Uri(base, path)), a wrapper (URI.create, URI(…))
// or a name bound to one, in this file or imported — and whose HTTP method
// comes from the call (axios.post, requests.post, http.NewRequest("POST",
// …), fetch(…, { method }), HttpMethod.Post, Net::HTTP::Post.new,
// postForEntity, curl options, a builder's .POST(…)), or a client bound to
// a base URL (axios.create({ baseURL }), httpx.Client(base_url=…),
// Faraday.new(url:), Guzzle base_uri, HttpClient.BaseAddress, WebClient
// baseUrl, resty SetBaseURL). A base URL read from a setting whose name
// says so (CKO_API_URL, CHECKOUT_BASE_URL) counts, with low confidence.
//
// # What is not
//
// Comments and strings are never code; a URL is reported only where a
// request is made with it (not in log lines or error messages); other
// payment providers' clients, the application's own routes, and names
// that merely look like the SDK's (a local CheckoutSdk class, a cko
// variable holding something else) are not followed. Skipped: vendored
// directories (node_modules/, vendor/, site-packages/, .venv/, …), build
// output (dist/, build/, target/, obj/, bin/, …), committed copies of the
// SDKs' own sources, files over Options.MaxFileSize, binary files, and,
// unless Options.IncludeTests, test files: by directory (test/, tests/,
// spec/, __tests__/, testdata/, e2e/, a .NET *.Tests project, src/test/)
// or by name (*.test.ts, *.spec.js, *_test.go, test_*.py, *_test.py,
// conftest.py, *_spec.rb, *Test.java, *Tests.cs, *Test.php, …).
//
// # Confidence
//
// "high": the receiver or URL was resolved in the same file from the
// SDK's entry points, types or a literal URL. "medium": it came through
// another file, a base URL joined with a path, or a client bound to a base
// URL. "low": the host came from a setting's name, or the receiver from a
// parameter's conventional name.
//
// # Speed
//
// Files are read concurrently. A byte test decides which are tokenized:
// "checkout" in any case, or "cko" at the start of a word (see
// containsCko); files that import a module which another file showed to
// export a client are found by their import lines. Files are analysed in
// three rounds (exports, re-exports, calls).
//
// The SDK tables (zz_sdk.go) are generated by ./internal/sdkgen from the
// reference data in ../../../../shared/checkout-api; regenerate with
// `go generate ./preflight/internal/discover/...`. The staleness test fails
// when the committed file differs from what the inputs produce.
package discover

//go:generate go run ./internal/sdkgen -dir ../../../../shared/checkout-api -o zz_sdk.go
