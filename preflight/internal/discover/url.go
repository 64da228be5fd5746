package discover

import "strings"

// hole stands for a part of a URL whose value is unknown (an interpolated
// id): a path segment holding one becomes "{}".
const hole = "\x00"

// apiHosts are the first labels of Checkout.com's API hosts.
func isAPIHost(label string) bool {
	switch label {
	case "api", "access", "files", "transfers", "balances", "forward", "identity-verification":
		return true
	}
	return false
}

// parseCheckoutURL reads text as an absolute URL on a Checkout.com API
// host — [scheme://][prefix.]LABEL[.sandbox].checkout.com[:port][/path]
// — and returns the host label and the path (query and fragment dropped,
// parameters and unknown parts written "{}"; "" for none).
func parseCheckoutURL(text string) (host, path string, ok bool) {
	rest := text
	switch {
	case strings.HasPrefix(rest, "https://"):
		rest = rest[8:]
	case strings.HasPrefix(rest, "http://"):
		rest = rest[7:]
	case strings.HasPrefix(rest, "//"):
		rest = rest[2:]
	default:
		return "", "", false
	}
	hostport, p, _ := strings.Cut(rest, "/")
	if i := strings.IndexAny(hostport, "?#"); i >= 0 {
		hostport, p = hostport[:i], ""
	}
	h, _, _ := strings.Cut(hostport, ":")
	labels := strings.Split(strings.ToLower(h), ".")
	n := len(labels)
	if n < 3 || labels[n-1] != "com" || labels[n-2] != "checkout" {
		return "", "", false
	}
	mid := labels[:n-2]
	if len(mid) > 0 && mid[len(mid)-1] == "sandbox" {
		mid = mid[:len(mid)-1]
	}
	if len(mid) == 0 || !isAPIHost(mid[len(mid)-1]) {
		return "", "", false
	}
	for _, l := range mid[:len(mid)-1] { // a merchant prefix, at most one label
		if strings.Contains(l, "/") {
			return "", "", false
		}
	}
	if len(mid) > 2 {
		return "", "", false
	}
	return mid[len(mid)-1], cleanPath("/" + p), true
}

// cleanPath drops a query string and fragment, empty segments and a
// trailing slash, and writes every segment holding a hole or a {param}
// as "{}".
func cleanPath(p string) string {
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	var segs []string
	for _, s := range strings.Split(p, "/") {
		switch {
		case s == "":
		case strings.Contains(s, hole) || strings.HasPrefix(s, "{") || strings.HasPrefix(s, ":") && len(s) > 1 || strings.HasPrefix(s, "%") && len(s) <= 3:
			segs = append(segs, "{}")
		default:
			segs = append(segs, s)
		}
	}
	return "/" + strings.Join(segs, "/")
}

// urlText renders a known URL back as text, for joining.
func (u urlValue) text() string {
	if u.host == "" && !u.fromSetting {
		return u.path
	}
	p := u.path
	if p == "/" {
		p = ""
	}
	return "https://" + u.host + ".checkout.com" + p
}
