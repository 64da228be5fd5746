package render

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// TestGoldenSummaryStructure reads every golden job summary (this
// package's and the command's) as GitHub does, with goldmark and its GFM
// extension, and checks the layout on the syntax tree:
//
//   - the first block is the verdict, a level-3 heading;
//   - the block after it is the fix list: a heading "What to fix"
//     followed by a list (or, for a skipped run, "Why nothing was checked"
//     and a list); a run with nothing to fix is the verdict and one
//     folded <details> holding everything else;
//   - every table is well formed: each row has exactly the header's cells,
//     none added by the parser for a missing cell, none dropped;
//   - every passing row of a table (✅) is inside <details>.
func TestGoldenSummaryStructure(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob(filepath.Join("testdata", "*.md.golden"))
	if err != nil {
		t.Fatal(err)
	}
	more, err := filepath.Glob(filepath.Join("..", "..", "command", "testdata", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, more...)
	if len(files) < 20 {
		t.Fatalf("found only %d golden summaries", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			checkSummaryStructure(t, src)
		})
	}
}

// checkSummaryStructure asserts the layout TestGoldenSummaryStructure
// describes on one summary.
func checkSummaryStructure(t testing.TB, src []byte) {
	t.Helper()
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	doc := md.Parser().Parse(text.NewReader(src))
	verdict, ok := doc.FirstChild().(*ast.Heading)
	if !ok || verdict.Level != 3 {
		t.Fatalf("the summary does not start with a level-3 verdict heading: %s", doc.FirstChild().Kind())
	}
	next := verdict.NextSibling()
	if h, ok := next.(*ast.Heading); ok {
		title := string(h.Lines().Value(src))
		if title != "What to fix" && title != "Why nothing was checked" {
			t.Errorf("the block after the verdict is heading %q, want the fix list", title)
		}
		if _, ok := h.NextSibling().(*ast.List); !ok {
			t.Errorf("heading %q is not followed by a list", title)
		}
	} else {
		checkFoldedWhole(t, src, verdict)
	}
	depth := 0
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.HTMLBlock:
			depth += detailsDepth(blockText(n, src))
		case *east.Table:
			checkTable(t, src, n, depth > 0)
		}
	}
	if depth != 0 {
		t.Errorf("<details> left open (%d)", depth)
	}
}

// checkFoldedWhole asserts that everything after the verdict is inside
// one <details>.
func checkFoldedWhole(t testing.TB, src []byte, verdict ast.Node) {
	t.Helper()
	depth := 0
	for n := verdict.NextSibling(); n != nil; n = n.NextSibling() {
		if depth == 0 && n != verdict.NextSibling() {
			t.Errorf("a %s block is outside the folded details of a run with nothing to fix", n.Kind())
		}
		if b, ok := n.(*ast.HTMLBlock); ok {
			depth += detailsDepth(blockText(b, src))
		}
		if depth == 0 && n == verdict.NextSibling() {
			t.Errorf("the block after the verdict is a %s, want the fix list or <details>", n.Kind())
		}
	}
}

var detailsTag = regexp.MustCompile(`</?details>`)

// detailsDepth is how many <details> s opens minus how many it closes.
func detailsDepth(s string) int {
	d := 0
	for _, tag := range detailsTag.FindAllString(s, -1) {
		if tag == "<details>" {
			d++
		} else {
			d--
		}
	}
	return d
}

func blockText(n *ast.HTMLBlock, src []byte) string {
	s := string(n.Lines().Value(src))
	if n.HasClosure() {
		s += string(n.ClosureLine.Value(src))
	}
	return s
}

// checkTable asserts that each row of table has its header's cells, as
// written (the parser pads a short row with cells of no text and drops a
// long row's extra cells), and that passing rows are folded.
func checkTable(t testing.TB, src []byte, table *east.Table, folded bool) {
	t.Helper()
	header := table.FirstChild()
	want := header.ChildCount()
	for row := header; row != nil; row = row.NextSibling() {
		if row.ChildCount() != want {
			t.Errorf("row has %d cells, the header %d", row.ChildCount(), want)
			continue
		}
		var last text.Segment
		var cells []string
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			if c.Lines().Len() != 1 {
				t.Errorf("a row lacks a cell (the parser added one) after %q", cells)
				break
			}
			last = c.Lines().At(0)
			cells = append(cells, string(last.Value(src)))
		}
		if rest := restOfLine(src, last.Stop); strings.Trim(rest, " |") != "" {
			t.Errorf("row %q has cells beyond the header's %d: %q", cells, want, rest)
		}
		if row != header && !folded && strings.Contains(strings.Join(cells, "|"), "✅") {
			t.Errorf("passing row %q is not inside <details>", cells)
		}
	}
}

// restOfLine is the text from i to the end of its line.
func restOfLine(src []byte, i int) string {
	end := bytes.IndexByte(src[i:], '\n')
	if end < 0 {
		return string(src[i:])
	}
	return string(src[i : i+end])
}

// TestSummaryStructureFindsBreakage shows checkSummaryStructure catching
// what it is meant to.
func TestSummaryStructureFindsBreakage(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, md, want string }{
		{"no verdict", "#### What to fix\n\n- x\n", "verdict heading"},
		{"table first", "### v\n\n| a | b |\n|---|---|\n| ❌ | y |\n", "want the fix list"},
		{"heading without a list", "### v\n\n#### What to fix\n\nx\n", "not followed by a list"},
		{"unfolded pass", "### v\n\n#### What to fix\n\n- x\n\n| a | b |\n|---|---|\n| ✅ | y |\n", "not inside <details>"},
		{"short row", "### v\n\n#### What to fix\n\n- x\n\n| a | b |\n|---|---|\n| ❌ |\n", "lacks a cell"},
		{"long row", "### v\n\n#### What to fix\n\n- x\n\n| a | b |\n|---|---|\n| ❌ | y | z |\n", "beyond the header"},
		{"quiet with a visible line", "### v\n\n<details><summary>s</summary>\n\nx\n\n</details>\n\nvisible\n", "outside the folded details"},
		{"open details", "### v\n\n<details><summary>s</summary>\n\nx\n", "left open"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := &recorder{TB: t}
			func() {
				defer func() { _ = recover() }()
				checkSummaryStructure(rec, []byte(tt.md))
			}()
			if !strings.Contains(strings.Join(rec.msgs, "\n"), tt.want) {
				t.Errorf("problems %q do not include %q for:\n%s", rec.msgs, tt.want, tt.md)
			}
		})
	}
}

// recorder is a testing.TB that records failures instead of reporting
// them; Fatalf stops the check with a panic its caller recovers.
type recorder struct {
	testing.TB
	msgs []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.msgs = append(r.msgs, fmt.Sprintf(format, args...))
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.Errorf(format, args...)
	panic("stop")
}
func (r *recorder) Helper() {}
