package discover

import (
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/discover/internal/lex"
)

// verb returns the HTTP method a function or method name stands for:
// get, post, PostAsync, postForEntity, PostAsJsonAsync, GetStringAsync,
// submitForm, post_form, Delete, del…; "" for none.
func verb(name string) string {
	n := strings.ToLower(name)
	n = strings.TrimPrefix(n, "wp_remote_")
	n = strings.TrimSuffix(n, "async")
	for _, suffix := range []string{"asjson", "forobject", "forentity", "forlocation", "fromjson", "_form", "form", "string", "stream", "bytearray", "json"} {
		if rest, ok := strings.CutSuffix(n, suffix); ok && rest != "" {
			if rest == "submit" {
				return "POST"
			}
			n = rest
			break
		}
	}
	switch n {
	case "get", "head", "options":
		return strings.ToUpper(n)
	case "post", "put", "patch", "delete":
		return strings.ToUpper(n)
	case "del":
		return "DELETE"
	}
	return ""
}

// methodWord reads an HTTP method from a literal or constant spelling:
// "POST", 'patch', http.MethodPost, HttpMethod.Post, HttpMethod.POST,
// RequestMethod.DELETE, Method::PUT, :post.
func methodWord(s string) string {
	s = strings.TrimPrefix(s, ":")
	if i := strings.LastIndexAny(s, ".:"); i >= 0 {
		s = s[i+1:]
	}
	s = strings.TrimPrefix(s, "Method")
	switch strings.ToUpper(s) {
	case "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD":
		return strings.ToUpper(s)
	}
	return ""
}

// methodInArgs looks for an HTTP method among the tokens [from, to): a
// method literal or constant, or the value of a "method", "type" or
// CURLOPT_CUSTOMREQUEST key.
func (a *analyzer) methodInArgs(from, to int) string {
	for k := from; k < to && k < len(a.f.toks); k++ {
		t := a.f.toks[k]
		switch {
		case t.Kind == lex.String:
			if m := methodWord(string(t.Value(a.f.src))); m != "" && string(t.Value(a.f.src)) == strings.ToUpper(string(t.Value(a.f.src))) || m != "" && a.isMethodKey(k-2) {
				return m
			}
		case t.Kind == lex.Ident:
			parts, ends := a.qualName(k)
			q := strings.Join(parts, ".")
			if len(parts) > 1 && (strings.HasPrefix(q, "http.Method") || strings.Contains(q, "HttpMethod.") || strings.Contains(q, "RequestMethod.") || strings.HasPrefix(q, "Method.")) {
				if m := methodWord(q); m != "" {
					return m
				}
			}
			if m := methodWord(a.text(k)); m != "" && a.is(k-1, ":") && a.f.lang.sdk == "ruby" {
				return m // :post
			}
			k = ends[len(ends)-1] - 1
		}
	}
	return ""
}

// isMethodKey reports whether token k names the method in an options
// object: method:, 'method' =>, type:, Method =.
func (a *analyzer) isMethodKey(k int) bool {
	if k < 0 || k >= len(a.f.toks) {
		return false
	}
	name := strings.ToLower(a.identOrString(k))
	return name == "method" || name == "type" || name == "http_method" || name == "curlopt_customrequest"
}

// calleeParts returns the qualified name of the function called at the
// "(" at open: ["axios", "post"], ["http", "NewRequest"], ["fetch"].
func (a *analyzer) calleeParts(open int) []string {
	var parts []string
	k := open - 1
	for a.isIdent(k) {
		parts = append([]string{a.text(k)}, parts...)
		if !(a.isMemberOp(k-1) || a.is(k-1, `\`)) {
			break
		}
		k -= 2
		if a.is(k, ")") { // a call in the chain: keep its name
			k = a.openerOf(k) - 1
		}
	}
	return parts
}

// rawHTTP records raw HTTP requests to Checkout.com: each call that takes
// a Checkout.com URL (literal, joined or bound to a name) and whose HTTP
// method can be told.
func (a *analyzer) rawHTTP() {
	for i := 1; i < len(a.f.toks); i++ {
		if !a.is(i, "(") && !(a.is(i, "{") && a.f.lang.sdk == "dotnet" && a.isIdent(i-1) && a.is(i-2, "new")) {
			continue
		}
		if !a.isIdent(i-1) || a.handled[i] {
			continue
		}
		parts := a.calleeParts(i)
		if len(parts) == 0 || isURLHelper(parts) {
			continue
		}
		end := a.skipGroup(i)
		for _, arg := range a.arguments(i, end) {
			u, ok := a.argURL(arg, end)
			if !ok || u.host == "" || u.path == "/" {
				continue
			}
			m := a.requestMethod(parts, i, end, arg)
			if m == "" {
				continue
			}
			a.httpFound(u, m, strings.Join(parts, "."), arg)
			break
		}
	}
}

// argURL evaluates an argument as a URL: the argument itself, or the url,
// uri, path (with hostname) or RequestUri property of an options object.
func (a *analyzer) argURL(arg, end int) (urlValue, bool) {
	if u, e, ok := a.urlExpr(arg); ok && (a.is(e, ",") || a.is(e, ")") || a.is(e, "}") || e >= end-1) {
		return u, true
	}
	// url = "…" (named argument), url: "…", 'url' => "…"
	if a.isIdent(arg) && (a.is(arg+1, "=") || a.is(arg+1, ":")) && isURLKey(a.text(arg)) {
		if u, _, ok := a.urlExpr(arg + 2); ok {
			return u, true
		}
	}
	if !a.is(arg, "{") && !a.is(arg, "[") && !a.is(arg, "array") {
		return urlValue{}, false
	}
	obj := arg
	if a.is(arg, "array") {
		obj = arg + 1
	}
	close := a.skipGroup(obj)
	var host string
	var pathURL *urlValue
	for k := obj + 1; k < close-2; k++ {
		key := a.identOrString(k)
		if !(a.is(k+1, ":") || a.is(k+1, "=>") || a.is(k+1, "=")) || !(a.isIdent(k) || a.isString(k)) {
			continue
		}
		switch {
		case isURLKey(key):
			if u, _, ok := a.urlExpr(k + 2); ok {
				return u, true
			}
		case key == "hostname" || key == "host":
			if s, ok := a.stringAt(k + 2); ok {
				if h, _, ok := parseCheckoutURL("https://" + s); ok {
					host = h
				}
			}
		case key == "path":
			if u, _, ok := a.urlExpr(k + 2); ok && u.host == "" {
				pathURL = &u
			}
		}
	}
	if host != "" && pathURL != nil {
		u := *pathURL
		u.host = host
		return u, true
	}
	return urlValue{}, false
}

func isURLKey(k string) bool {
	switch k {
	case "url", "uri", "URL", "Url", "RequestUri", "requestUri", "endpoint":
		return true
	}
	return false
}

// isURLHelper reports whether a callee builds or wraps a URL rather than
// sending a request (its result is judged where it is used).
func isURLHelper(parts []string) bool {
	last := parts[len(parts)-1]
	switch last {
	case "Sprintf", "format", "Format", "sprintf", "JoinPath", "urljoin", "URI", "URL", "Uri", "toUri", "Parse", "parse", "create", "join", "resolve", "encode", "quote", "escape", "String", "str":
		return len(parts) > 1 || last == "URI" || last == "URL" || last == "Uri" || last == "urljoin" || last == "format" || last == "sprintf" || last == "str"
	}
	return false
}

// requestMethod decides the HTTP method of a call that takes a Checkout.com
// URL, or "" when the call is not a request (a log line, an error).
func (a *analyzer) requestMethod(parts []string, open, end, urlArg int) string {
	last := parts[len(parts)-1]
	recv := ""
	if len(parts) > 1 {
		recv = parts[len(parts)-2]
	}
	// Net::HTTP::Post.new(uri), new HttpPost(url), HttpDelete(url)
	if last == "new" {
		if m := verb(recv); m != "" {
			return m
		}
	}
	if strings.HasPrefix(last, "Http") && a.is(open-2, "new") {
		if m := verb(strings.TrimPrefix(last, "Http")); m != "" {
			return m
		}
	}
	if m := verb(last); m != "" {
		return m
	}
	switch strings.ToLower(last) {
	case "request", "send", "sendasync", "exchange", "fetch", "axios", "got", "ky", "newrequest", "newrequestwithcontext", "httprequestmessage", "urlopen", "curl_init", "curl_setopt", "wp_remote_request", "submit", "execute", "uri", "url", "newbuilder", "builder", "call", "open", "req", "request_raw":
		if m := a.methodInArgs(open+1, end); m != "" {
			return m
		}
		if m := a.chainVerb(open, end); m != "" {
			return m
		}
		switch strings.ToLower(last) {
		case "curl_init", "curl_setopt":
			return a.curlMethod(open, end)
		case "request":
			if a.f.lang.is("python") && (recv == "request" || recv == "urllib") {
				if a.hasKey(open, end, "data") || a.hasNamedArg(open, end, "data") {
					return "POST"
				}
				return "GET"
			}
			if a.f.lang.jsLike() && (recv == "https" || recv == "http") {
				return "GET"
			}
		case "fetch", "axios", "got", "ky", "uri", "url", "newbuilder", "urlopen":
			return "GET"
		}
	}
	if last == "Request" && a.f.lang.is("python") {
		if m := a.methodInArgs(open+1, end); m != "" {
			return m
		}
		if a.hasNamedArg(open, end, "data") {
			return "POST"
		}
		return "GET"
	}
	return ""
}

// hasNamedArg reports whether a call has the keyword argument name=.
func (a *analyzer) hasNamedArg(open, end int, name string) bool {
	for k := open + 1; k < end-1; k++ {
		if a.is(k, name) && a.is(k+1, "=") && (a.is(k-1, "(") || a.is(k-1, ",")) {
			return true
		}
	}
	return false
}

// curlMethod reads the method a cURL handle is given after curl_init:
// CURLOPT_POST, CURLOPT_PUT or CURLOPT_CUSTOMREQUEST; GET otherwise.
func (a *analyzer) curlMethod(open, end int) string {
	for k := end; k < len(a.f.toks) && k < end+400; k++ {
		if a.is(k, "curl_init") || a.is(k, "function") {
			break
		}
		switch {
		case a.is(k, "CURLOPT_POST") && !a.is(k+2, "false") && !a.is(k+2, "0"):
			return "POST"
		case a.is(k, "CURLOPT_PUT"):
			return "PUT"
		case a.is(k, "CURLOPT_CUSTOMREQUEST"):
			if s, ok := a.stringAt(k + 2); ok {
				if m := methodWord(s); m != "" {
					return m
				}
			}
		}
	}
	return "GET"
}

// httpFound records a raw HTTP request.
func (a *analyzer) httpFound(u urlValue, method, symbol string, at int) {
	if !a.emit {
		return
	}
	conf := "high"
	switch {
	case u.fromSetting:
		conf = "low"
	case u.open || u.tok < 0 || u.file != a.f.path:
		conf = "medium"
	}
	f := found{tok: at, endpoints: []sdkEndpoint{{method, u.path, u.host}}, platform: "", via: "http", symbol: symbol, confidence: conf}
	if u.tok >= 0 && u.file == a.f.path {
		f.tok = u.tok
	} else if u.line > 0 {
		f.file, f.line, f.col = u.file, u.line, u.col
	}
	a.found = append(a.found, f)
}
