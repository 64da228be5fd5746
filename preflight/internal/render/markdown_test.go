package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
	"github.com/google/go-cmp/cmp"
)

func TestMarkdownFixturesAreWellFormed(t *testing.T) {
	t.Parallel()
	for _, f := range fixtures() {
		t.Run(f.name, func(t *testing.T) {
			t.Parallel()
			md := Markdown(f.report, MarkdownOptions{})
			if diff := cmp.Diff([]string(nil), mdProblems(md)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			if strings.Contains(md, "omitted") {
				t.Errorf("a small report lost rows:\n%s", md)
			}
		})
	}
}

// TestMarkdownCheckMessageCannotBreakTable is the leak test: a message with
// HTML or pipes stays inside its cell and shows as text.
func TestMarkdownCheckMessageCannotBreakTable(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, message, want string
	}{
		{"html tag", `scope "<img src=x onerror=alert(1)>" is unknown`, `scope "&lt;img src=x onerror=alert(1)&gt;" is unknown`},
		{"pipes", `a | b || c |`, `a \| b \|\| c \|`},
		{"escaped pipe", `a \| b`, `a \\\| b`},
		{"newline and heading", "first\n# second\r\n| third", `first # second  \| third`},
		{"closing details", "</details></summary><details>", "&lt;/details&gt;&lt;/summary&gt;&lt;details&gt;"},
		{"code and link", "`x` [y](https://example.com) ![z](a) *b* ~c~ $d$", "\\`x\\` \\[y\\](https://example.com) !\\[z\\](a) \\*b\\* \\~c\\~ \\$d\\$"},
		{"entity", "&lt;b&gt; &amp;", "&amp;lt;b&amp;gt; &amp;amp;"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := missingScopeReport()
			r.Checks[5].Message = tt.message
			r.Checks[5].Title = tt.message
			md := Markdown(r, MarkdownOptions{})
			if diff := cmp.Diff([]string(nil), mdProblems(md)); diff != "" {
				t.Errorf("problems (-want +got):\n%s\n%s", diff, md)
			}
			if !strings.Contains(md, "| "+tt.want+" | "+tt.want+" |\n") {
				t.Errorf("checks table has no row with title and message %q:\n%s", tt.want, md)
			}
			if got, want := tableRows(md, "| | Check |"), len(r.Checks); got != want {
				t.Errorf("checks table has %d rows, want %d", got, want)
			}
		})
	}
}

// allTableRows counts the body rows of every table whose header starts
// with header.
func allTableRows(md, header string) int {
	n := 0
	for {
		_, after, ok := strings.Cut(md, "\n"+header)
		if !ok {
			return n
		}
		n += tableRows("\n"+header+after, header)
		md = after
	}
}

// tableRows counts the body rows of the table whose header starts with header.
func tableRows(md, header string) int {
	_, after, ok := strings.Cut(md, "\n"+header)
	if !ok {
		return -1
	}
	lines := strings.Split(after, "\n")[2:]
	n := 0
	for n < len(lines) && strings.HasPrefix(lines[n], "|") {
		n++
	}
	return n
}

// hostileReport puts markup into every data value the summary shows.
func hostileReport() report.Report {
	r := missingScopeReport()
	bad := func(s string) string { return s + "|</details><script>x</script>\n## h `c` [l](u)" }
	r.Tool, r.ToolVersion = bad("tool"), bad("v1")
	r.Checks[0].ID = bad("config.valid")
	r.Checks[5].Remedy = bad("remedy")
	r.Checks[5].Detail = bad("detail") + "\n```\n</details>\n````"
	r.Checks[5].Position = at(bad("file"), 1, 2)
	c := &r.Credentials[0]
	c.Name, c.Kind, c.Environment, c.Fingerprint = bad("name"), bad("kind"), bad("env"), bad("fp")
	c.GrantedScopes, c.MissingScopes = []string{bad("granted")}, []string{bad("missing"), "`"}
	e := &c.Endpoints[2]
	e.Method, e.Path, e.RequiredScope, e.Evidence, e.RequestID = bad("POST"), bad("/p"), bad("scope"), bad("evidence"), "`|`"
	e.Position = at(bad("cfg"), 3, 4)
	c.Endpoints[3].Method, c.Endpoints[3].Path = "", ""
	c.Endpoints[3].Endpoint = bad("declared")
	r.Egress = &report.Egress{
		IPv4: bad("ip"), IPv6: " ` ", Allowed: ptr(true), Matched: bad("matched"),
		Allowlist: []string{bad("entry"), "``"},
		Sources:   []report.EgressSource{{URL: bad("url"), IP: bad("ip")}, {URL: "u", Error: bad("error")}},
	}
	r.Causes = report.Causes(r.Checks)
	return r
}

func TestMarkdownEscapesEveryValue(t *testing.T) {
	t.Parallel()
	md := Markdown(hostileReport(), MarkdownOptions{})
	if diff := cmp.Diff([]string(nil), mdProblems(md)); diff != "" {
		t.Errorf("problems (-want +got):\n%s\n%s", diff, md)
	}
	for header, want := range map[string]int{"| | Check |": 7, "| Endpoint |": 4} {
		if got := allTableRows(md, header); got != want {
			t.Errorf("tables %q have %d rows, want %d:\n%s", header, got, want, md)
		}
	}
	for _, v := range []string{"remedy", "file"} {
		if !strings.Contains(md, v+"|&lt;/details&gt;") && !strings.Contains(md, v+`\|&lt;/details&gt;`) && !strings.Contains(md, "`"+v+"|</details>") {
			t.Errorf("the hostile %s is not in the fix list, escaped:\n%s", v, md)
		}
	}
}

func FuzzMarkdownTable(f *testing.F) {
	f.Add("plain", "POST /payments")
	f.Add("<b>|x|</b>\n# h", "GET /a|b")
	f.Add("```", "`` ` ``")
	f.Add("\\|\\\\|", "</details>")
	f.Fuzz(func(t *testing.T, message, line string) {
		r := missingScopeReport()
		r.Checks[5].Message, r.Checks[5].Detail, r.Checks[6].Remedy = message, message, message
		r.Credentials[0].Endpoints[2].Method, r.Credentials[0].Endpoints[2].Path = "", ""
		r.Credentials[0].Endpoints[2].Endpoint = line
		r.Credentials[0].Endpoints[3].Evidence = message
		r.Credentials[0].Name = line
		r.Checks[5].Position = at(line, 3, 1)
		r.Causes = report.Causes(r.Checks)
		md := Markdown(r, MarkdownOptions{ServerURL: "https://github.com", Repository: "o/r", SHA: line})
		if p := mdProblems(md); len(p) > 0 {
			t.Errorf("problems for message %q, line %q: %q", message, line, p)
		}
		if got := tableRows(md, "| | Check |"); got != len(r.Checks) {
			t.Errorf("checks table has %d rows, want %d", got, len(r.Checks))
		}
		if got := allTableRows(md, "| Endpoint |"); got != len(r.Credentials[0].Endpoints) {
			t.Errorf("endpoint table has %d rows, want %d", got, len(r.Credentials[0].Endpoints))
		}
	})
}

// bigReport has creds credentials with eps endpoints each; every
// failEvery-th endpoint is forbidden and has a failing check with a remedy
// (failEvery 1: all fail; 0: none).
func bigReport(creds, eps, failEvery int) report.Report {
	r := base(report.ResultPass)
	for c := range creds {
		name := fmt.Sprintf("service-%d", c)
		cred := report.Credential{Name: name, Kind: "secret_key", Environment: "sandbox", Fingerprint: "sk_sbox_…0000", Active: ptr(true)}
		for i := range eps {
			path := fmt.Sprintf("/payments/{id}/refunds/%d/%d", c, i)
			e := endpoint("POST", path, path, scopesRefunds(), report.EndpointAuthorized, 404, "the made-up request got past authentication and scope checks", at(configFile, i+1, 9))
			if failEvery > 0 && i%failEvery == 0 {
				e.Status, e.HTTPStatus = report.EndpointForbidden, 403
				r.Checks = append(r.Checks, missingScope(name, "POST", path, "gateway:payment-refunds", e.Position))
				r.Result = report.ResultFail
			}
			cred.Endpoints = append(cred.Endpoints, e)
		}
		r.Credentials = append(r.Credentials, cred)
	}
	return r
}

func TestMarkdownDropsPassingRowsFirst(t *testing.T) {
	t.Parallel()
	r := bigReport(5, 2000, 50)
	md := Markdown(r, MarkdownOptions{})
	if len(md) > DefaultMarkdownMaxBytes {
		t.Fatalf("summary is %d bytes, over the %d cap", len(md), DefaultMarkdownMaxBytes)
	}
	if diff := cmp.Diff([]string(nil), mdProblems(md)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	for _, c := range r.Credentials {
		for _, e := range c.Endpoints {
			if e.Status != report.EndpointAuthorized && !strings.Contains(md, "| `POST "+e.Path+"` |") {
				t.Fatalf("failing endpoint %q of %q is missing from the summary", e.Path, c.Name)
			}
		}
	}
	if !strings.Contains(md, "passing rows omitted; see the JSON report") {
		t.Errorf("no note about omitted passing rows")
	}
	if strings.Contains(md, "more rows omitted") {
		t.Errorf("failing rows were omitted although they fit")
	}
}

func TestMarkdownTruncatesFailuresLast(t *testing.T) {
	t.Parallel()
	r := bigReport(5, 2000, 1)
	tests := []struct {
		limit int
		want  string // a note the summary must hold; "" when only the size is checked
	}{
		{0, "more rows omitted; see the JSON report"},
		{64 * 1024, "more rows omitted; see the JSON report"},
		{4096, "more rows omitted; see the JSON report"},
		{1000, "The full summary would be larger than 1000 bytes; the JSON report has every check and endpoint"},
		{200, ""},
		{10, ""},
		{1, ""},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.limit), func(t *testing.T) {
			t.Parallel()
			md := Markdown(r, MarkdownOptions{MaxBytes: tt.limit})
			limit := tt.limit
			if limit == 0 {
				limit = DefaultMarkdownMaxBytes
			}
			if len(md) > limit {
				t.Fatalf("summary is %d bytes, over the %d cap", len(md), limit)
			}
			if tt.want == "" {
				return
			}
			if diff := cmp.Diff([]string(nil), mdProblems(md)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			if !strings.HasPrefix(md, "### ❌ Checkout.com preflight failed — 10000 of 10000 checks failed\n") {
				t.Errorf("summary does not start with the verdict: %.200q", md)
			}
			if !strings.Contains(md, tt.want) {
				t.Errorf("summary has no note %q", tt.want)
			}
			if !strings.HasSuffix(md, "</sub>\n") {
				t.Errorf("summary has no footer: %q", md[max(0, len(md)-200):])
			}
		})
	}
}

func TestMarkdownDefaultCapKeepsSomeOfEveryTable(t *testing.T) {
	t.Parallel()
	md := Markdown(bigReport(5, 2000, 1), MarkdownOptions{})
	for _, header := range []string{"| | Check |", "| Endpoint |"} {
		if n := tableRows(md, header); n < 100 {
			t.Errorf("table %q kept only %d rows", header, n)
		}
	}
	for c := range 5 {
		if !strings.Contains(md, fmt.Sprintf("#### Credential `service-%d`", c)) {
			t.Errorf("credential service-%d has no section", c)
		}
	}
}

func BenchmarkMarkdownLarge(b *testing.B) {
	r := bigReport(5, 2000, 3)
	for b.Loop() {
		Markdown(r, MarkdownOptions{})
	}
}
