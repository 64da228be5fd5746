package discover

import (
	"strings"
)

// wrapper is a function of the file that sends a request to a
// Checkout.com URL built from one of its parameters (reserved).
type wrapper struct{}

func (a *analyzer) findWrappers() {}

// baseKeys are option names that give an HTTP client its base URL.
func isBaseKey(k string) bool {
	switch k {
	case "baseURL", "baseUrl", "base_url", "base_uri", "prefixUrl", "BaseAddress", "baseAddress", "baseUri":
		return true
	}
	return false
}

// baseMethods are builder methods that set a client's base URL.
func isBaseMethod(name string) bool {
	switch name {
	case "baseUrl", "BaseUrl", "baseURL", "SetBaseURL", "SetHostURL", "rootUri", "createForBaseUri", "withBaseUrl", "withBaseUri", "base_uri", "baseUri":
		return true
	}
	return false
}

// baseClient returns an HTTP client bound to a Checkout.com base URL when
// the call at the "(" at open creates one: axios.create({ baseURL }),
// httpx.Client(base_url=…), Faraday.new(url: …), WebClient.create(url),
// .baseUrl(url), Http::baseUrl(url), resty's SetBaseURL(url), new
// Client(['base_uri' => …]), HTTParty's base_uri.
func (a *analyzer) baseClient(name string, open int) (value, bool) {
	if !a.is(open, "(") && !a.is(open, "{") {
		return value{}, false
	}
	end := a.skipGroup(open)
	args := a.arguments(open, end)
	positional := isBaseMethod(name) || name == "create" && a.is(open-2, ".") && a.is(open-3, "WebClient") || name == "new" && a.is(open-2, ".") && a.is(open-3, "Faraday")
	if positional && len(args) > 0 {
		if u, _, ok := a.urlExpr(args[0]); ok && u.host != "" {
			return value{kind: kHTTP, url: u}, true
		}
	}
	for k := open + 1; k < end-2; k++ {
		key := a.identOrString(k)
		isKey := isBaseKey(key) || key == "url" && a.is(open-3, "Faraday")
		if isKey && (a.is(k+1, ":") || a.is(k+1, "=>") || a.is(k+1, "=")) {
			if u, _, ok := a.urlExpr(k + 2); ok && u.host != "" {
				return value{kind: kHTTP, url: u}, true
			}
		}
	}
	return value{}, false
}

// newHTTPClient evaluates "new Name(args)" or "new Name { … }" as an
// HTTP client with a base URL.
func (a *analyzer) newHTTPClient(name string, at, args, end int) (value, bool) {
	if args >= 0 {
		if v, ok := a.baseClient(name, args); ok {
			return v, true
		}
	}
	if a.is(end, "{") { // C# object initializer
		return a.baseClient(name, end)
	}
	return value{}, false
}

// httpMember evaluates a member call on an HTTP client bound to a base
// URL: get/post/… with a path, request(method, path), and the fluent
// forms client.post().uri(path) and client.R().Post(path).
func (a *analyzer) httpMember(v value, name string, n int, call bool) value {
	if !call {
		return v
	}
	open := n + 1
	end := a.skipGroup(open)
	args := a.arguments(open, end)
	a.handled[open] = true
	m := verb(name)
	pathArg := 0
	switch {
	case m != "" && len(args) == 0:
		v.pending = m // webClient.post().uri(…)
		return v
	case m != "":
	case name == "uri" || name == "url":
		m = v.pending
		if m == "" {
			m = "GET"
		}
	case name == "request" || name == "send" || name == "fetch":
		m = a.methodInArgs(open+1, end)
		if len(args) > 1 && methodWord(a.identOrString(args[0])) != "" {
			pathArg = 1
		}
	case name == "R" || name == "NewRequest" || name == "SetHeader" || name == "SetHeaders" || name == "SetBody" || name == "SetAuthToken" || name == "SetContext" || name == "withToken" || name == "withHeaders" || name == "acceptJson" || name == "asForm":
		return v
	default:
		return v // a builder step: defaultHeader(…), build(), timeout(…)
	}
	if m == "" || pathArg >= len(args) {
		return value{}
	}
	u, ok := a.relativeURL(v.url, args[pathArg], end)
	if !ok {
		return value{}
	}
	a.httpFound(u, m, name, args[pathArg])
	return value{}
}

// relativeURL resolves the path argument at arg against base.
func (a *analyzer) relativeURL(base urlValue, arg, end int) (urlValue, bool) {
	if u, _, ok := a.urlExpr(arg); ok && u.host != "" {
		return u, true
	}
	a.bound = urlValue{tok: -1}
	text, tok, _, ok := a.urlText(arg, 0)
	if !ok {
		// A Spring UriBuilder lambda: uri(b -> b.path("/disputes")…).
		for k := arg; k < end; k++ {
			if a.is(k, "path") && a.is(k+1, "(") {
				if s, found := a.stringAt(k + 2); found {
					text, tok, ok = s, k+2, true
					break
				}
			}
		}
		if !ok {
			return urlValue{}, false
		}
	}
	if strings.Contains(text, "://") {
		return urlValue{}, false
	}
	joined := strings.TrimSuffix(base.text(), "/") + "/" + strings.TrimPrefix(text, "/")
	if base.fromSetting {
		joined = "\x01" + strings.TrimSuffix(base.path, "/") + "/" + strings.TrimPrefix(text, "/")
	}
	u, _, ok := a.classify(joined, tok, 0)
	if !ok {
		return urlValue{}, false
	}
	u.open = base.open
	if tok < 0 && a.bound.line > 0 {
		u.file, u.line, u.col = a.bound.file, a.bound.line, a.bound.col
	}
	return u, true
}
