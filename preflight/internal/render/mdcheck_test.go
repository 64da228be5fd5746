package render

import (
	"fmt"
	"regexp"
	"strings"
)

// allowedTags are the only HTML tags the job summary may contain; all of
// them are written by this package, never taken from data.
func allowedTags() []string {
	return []string{"<details>", "</details>", "<summary>", "</summary>", "<sub>", "</sub>"}
}

var delimiterRow = regexp.MustCompile(`^\|(\s*:?-+:?\s*\|)+$`)

// mdProblems checks Markdown the way GitHub would read it and returns what
// is wrong: tables whose rows have a different number of cells from their
// header, HTML tags that are not ours, unbalanced <details>, and headings
// that are not ours. Code spans and fenced code blocks are literal and are
// skipped, as GitHub does.
func mdProblems(md string) []string {
	var problems []string
	lines := strings.Split(md, "\n")
	fence := ""
	tableCells, tableLine := -1, 0
	opened := 0
	for i, line := range lines {
		n := i + 1
		if fence != "" {
			if strings.TrimRight(line, " ") != "" && strings.Trim(line, "`") == "" && len(line) >= len(fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(line, "```") {
			fence = line[:len(line)-len(strings.TrimLeft(line, "`"))]
			continue
		}
		text := stripCodeSpans(line)
		if strings.HasPrefix(line, "|") {
			// GitHub splits cells before it finds code spans, so count on the raw line.
			cells := strings.Count(line, "|") - strings.Count(line, `\|`)
			if tableCells < 0 {
				tableCells, tableLine = cells, n
			} else if cells != tableCells {
				problems = append(problems, fmt.Sprintf("line %d: %d pipes, the table header at line %d has %d: %q", n, cells, tableLine, tableCells, line))
			}
			if n == tableLine+1 && !delimiterRow.MatchString(line) {
				problems = append(problems, fmt.Sprintf("line %d: not a table delimiter row: %q", n, line))
			}
		} else {
			tableCells = -1
		}
		if strings.HasPrefix(strings.TrimLeft(line, " "), "#") &&
			!(n == 1 && strings.HasPrefix(line, "### ")) && !strings.HasPrefix(line, "#### ") {
			problems = append(problems, fmt.Sprintf("line %d: heading not written by the renderer: %q", n, line))
		}
		for j := strings.IndexByte(text, '<'); j >= 0; j = indexFrom(text, '<', j+1) {
			ok := false
			for _, tag := range allowedTags() {
				if strings.HasPrefix(text[j:], tag) {
					ok = true
					switch tag {
					case "<details>":
						opened++
					case "</details>":
						opened--
					}
				}
			}
			if !ok {
				problems = append(problems, fmt.Sprintf("line %d: raw HTML %q", n, text[j:]))
			}
		}
	}
	if fence != "" {
		problems = append(problems, "a fenced code block is never closed")
	}
	if opened != 0 {
		problems = append(problems, fmt.Sprintf("<details> opened %d more times than closed", opened))
	}
	return problems
}

func indexFrom(s string, c byte, from int) int {
	if i := strings.IndexByte(s[from:], c); i >= 0 {
		return from + i
	}
	return -1
}

// stripCodeSpans removes code spans from one line, honouring backslash
// escapes outside them, as CommonMark reads them.
func stripCodeSpans(line string) string {
	var b strings.Builder
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case c == '\\' && i+1 < len(line):
			b.WriteString(line[i : i+2])
			i += 2
		case c == '`':
			run := len(line[i:]) - len(strings.TrimLeft(line[i:], "`"))
			end := closingRun(line, i+run, run)
			if end < 0 {
				b.WriteString(line[i : i+run])
				i += run
				continue
			}
			b.WriteString("CODE")
			i = end + run
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

// closingRun finds the next run of exactly n backticks at or after from.
func closingRun(line string, from, n int) int {
	for i := from; i < len(line); {
		if line[i] != '`' {
			i++
			continue
		}
		run := len(line[i:]) - len(strings.TrimLeft(line[i:], "`"))
		if run == n {
			return i
		}
		i += run
	}
	return -1
}
