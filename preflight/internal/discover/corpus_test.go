package discover

import (
	"bufio"
	"bytes"
	"context"
	"io/fs"
	"os"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// The corpus (testdata/corpus, conventions in its README files) is a set
// of small applications with every expected call marked on its line:
//
//	// want: POST /payments/{}/refunds
//	# want: GET /payments/{}; POST /payments/{}/captures
//	// want(tests): POST /payments      (only with IncludeTests)
//
// A reported call on a line without its marker is a false positive.

// markerRE finds a marker in a line comment or block comment.
func markerRE() *regexp.Regexp {
	return regexp.MustCompile(`(?://|#|--|/\*)\s*want(\(tests\))?:\s*(.*?)\s*(?:\*/.*)?$`)
}

// expectation is one marked line: the endpoint shapes expected there.
type lineKey struct {
	file string
	line int
}

// readMarkers reads every marker of the corpus; tests says whether
// want(tests) markers count.
func readMarkers(tb testing.TB, fsys fs.FS, tests bool) map[lineKey][]string {
	tb.Helper()
	re := markerRE()
	want := map[lineKey][]string{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if _, ok := languageOf(p); !ok {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(bytes.NewReader(b))
		sc.Buffer(nil, 1<<20)
		for n := 1; sc.Scan(); n++ {
			m := re.FindStringSubmatch(sc.Text())
			if m == nil || m[1] != "" && !tests {
				continue
			}
			for _, ep := range strings.Split(m[2], ";") {
				if ep = strings.TrimSpace(ep); ep != "" {
					want[lineKey{p, n}] = append(want[lineKey{p, n}], normalShape(ep))
				}
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatalf("reading the corpus: %v", err)
	}
	return want
}

// normalShape writes an endpoint "METHOD /path" with every parameter as
// {} and no trailing slash.
func normalShape(ep string) string {
	method, p, _ := strings.Cut(strings.TrimSpace(ep), " ")
	p = strings.TrimSpace(p)
	if len(p) > 1 {
		p = strings.TrimSuffix(p, "/")
	}
	return strings.ToUpper(method) + " " + genericPath(p)
}

// group is the precision/recall bucket of a corpus file: its SDK, or
// "http" for a raw-HTTP application.
func group(p string) string {
	app, _, _ := strings.Cut(p, "/")
	if strings.Contains(app, "raw-http") {
		return "http"
	}
	lang, _ := languageOf(p)
	return lang.sdk
}

type tally struct{ tp, fp, fn int }

func (t tally) precision() float64 { return ratio(t.tp, t.tp+t.fp) }
func (t tally) recall() float64    { return ratio(t.tp, t.tp+t.fn) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func TestCorpus(t *testing.T) {
	t.Parallel()
	fsys := os.DirFS("testdata/corpus")
	if _, err := fs.Stat(fsys, "."); err != nil {
		t.Skipf("no corpus: %v", err)
	}
	for _, tests := range []bool{false, true} {
		name := "without tests"
		if tests {
			name = "with tests"
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			want := readMarkers(t, fsys, tests)
			r, err := Scan(context.Background(), Options{FS: fsys, IncludeTests: tests})
			if err != nil {
				t.Fatal(err)
			}
			got := map[lineKey][]string{}
			for _, c := range r.Calls {
				k := lineKey{c.File, c.Line}
				if s := normalShape(c.Endpoint()); !slices.Contains(got[k], s) {
					got[k] = append(got[k], s)
				}
			}
			tallies := map[string]*tally{}
			bucket := func(p string) *tally {
				g := group(p)
				if tallies[g] == nil {
					tallies[g] = &tally{}
				}
				return tallies[g]
			}
			var problems []string
			for k, shapes := range want {
				for _, s := range shapes {
					if slices.Contains(got[k], s) {
						bucket(k.file).tp++
					} else {
						bucket(k.file).fn++
						problems = append(problems, "missed    "+k.file+":"+itoa(k.line)+" "+s+" (got "+strings.Join(got[k], "; ")+")")
					}
				}
			}
			var forbidden []string
			for k, shapes := range got {
				for _, s := range shapes {
					if slices.Contains(want[k], s) {
						continue
					}
					bucket(k.file).fp++
					problems = append(problems, "unexpected "+k.file+":"+itoa(k.line)+" "+s)
					if strings.HasPrefix(k.file, "lookalikes-") || isVendoredPath(k.file) {
						forbidden = append(forbidden, k.file+":"+itoa(k.line)+" "+s)
					}
				}
			}
			sort.Strings(problems)
			for _, p := range problems {
				t.Log(p)
			}
			var all tally
			var groups []string
			for g, tl := range tallies {
				groups = append(groups, g)
				all.tp, all.fp, all.fn = all.tp+tl.tp, all.fp+tl.fp, all.fn+tl.fn
			}
			sort.Strings(groups)
			t.Logf("%-8s %5s %5s %5s %9s %7s", "group", "tp", "fp", "fn", "precision", "recall")
			for _, g := range groups {
				tl := tallies[g]
				t.Logf("%-8s %5d %5d %5d %8.1f%% %6.1f%%", g, tl.tp, tl.fp, tl.fn, 100*tl.precision(), 100*tl.recall())
				if tl.tp+tl.fn > 0 && tl.recall() < 0.90 {
					t.Errorf("recall for %s is %.1f%%, want at least 90%%", g, 100*tl.recall())
				}
			}
			t.Logf("%-8s %5d %5d %5d %8.1f%% %6.1f%%", "overall", all.tp, all.fp, all.fn, 100*all.precision(), 100*all.recall())
			if all.recall() < 0.95 {
				t.Errorf("overall recall is %.1f%%, want at least 95%%", 100*all.recall())
			}
			if len(forbidden) > 0 {
				t.Errorf("reported look-alike or vendored code:\n%s", strings.Join(forbidden, "\n"))
			}
		})
	}
}

// isVendoredPath reports whether a corpus path is under a vendored
// directory.
func isVendoredPath(p string) bool {
	for _, seg := range strings.Split(path.Dir(p), "/") {
		if vendoredDir(seg) {
			return true
		}
	}
	return false
}

func itoa(n int) string {
	var b []byte
	if n == 0 {
		return "0"
	}
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
