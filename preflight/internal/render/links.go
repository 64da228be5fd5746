package render

import (
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

// linker turns positions into links to the lines at one commit of one
// repository. The zero linker makes no links.
type linker struct {
	// base is "SERVER/OWNER/REPO/blob/SHA", every part escaped; empty
	// when links are off.
	base string
}

// newLinker returns the linker of o's ServerURL, Repository and SHA; the
// zero linker when any is empty, ServerURL is not an http or https URL
// with a host, or Repository is not OWNER/NAME.
func newLinker(o MarkdownOptions) linker {
	u, err := url.Parse(o.ServerURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil ||
		u.RawQuery != "" || u.Fragment != "" || o.SHA == "" {
		return linker{}
	}
	owner, name, ok := strings.Cut(o.Repository, "/")
	if !ok || owner == "" || name == "" || strings.Contains(name, "/") {
		return linker{}
	}
	server := u.Scheme + "://" + urlPath(u.Host) + urlPath(strings.TrimSuffix(u.Path, "/"))
	return linker{base: server + "/" + urlPath(owner) + "/" + urlPath(name) + "/blob/" + urlPath(o.SHA)}
}

// url returns the address of p's line, or "" when p names no file, or a
// file that is not inside the repository (an absolute path, or one that
// climbs out with "..").
func (l linker) url(p report.Position) string {
	if l.base == "" || p.File == "" {
		return ""
	}
	file := strings.TrimPrefix(p.File, "./")
	if strings.HasPrefix(file, "/") || strings.Contains(file, `\`) || path.Clean(file) != file || file == ".." || strings.HasPrefix(file, "../") {
		return ""
	}
	s := l.base + "/" + urlPath(file)
	if p.Line > 0 {
		s += "#L" + strconv.Itoa(p.Line)
	}
	return s
}

// position renders p as a code span, linked to its line when l makes
// links; "" when p names no file.
func (l linker) position(p report.Position) string {
	text := positionText(&p)
	if text == "" {
		return ""
	}
	code := mdCode(text, false)
	if u := l.url(p); u != "" {
		return "[" + code + "](" + u + ")"
	}
	return code
}

// urlPath escapes s for a URL path, segment by segment, keeping the
// slashes between segments.
func urlPath(s string) string {
	parts := strings.Split(s, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}
