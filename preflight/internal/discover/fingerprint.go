package discover

import (
	"bytes"
	"path"
	"strings"
)

// importNames returns the last names of the modules a file imports, found
// by a byte scan (no tokenizing): Node require("…") and import … from
// "…" specifiers, Python "import a.b" and "from a.b import c, d", Go
// import paths. A file that fails the "cko" test is analysed after all
// when one of these names a module another file showed to export an SDK
// client or a Checkout.com URL.
func importNames(lang language, src []byte) []string {
	var out []string
	add := func(spec string) {
		spec = strings.TrimSuffix(spec, "/")
		base := path.Base(spec)
		base = strings.TrimSuffix(base, path.Ext(base))
		if base == "index" || base == "__init__" {
			base = path.Base(path.Dir(spec))
		}
		if base != "" && base != "." && base != "/" {
			out = append(out, base)
		}
	}
	switch lang.sdk {
	case "node":
		for _, marker := range [][]byte{[]byte("require("), []byte("from "), []byte("import(")} {
			for rest := src; ; {
				i := bytes.Index(rest, marker)
				if i < 0 {
					break
				}
				rest = rest[i+len(marker):]
				if spec, ok := quotedPrefix(bytes.TrimLeft(rest, " ")); ok {
					add(spec)
				}
			}
		}
	case "python":
		for _, line := range bytes.Split(src, []byte("\n")) {
			line = bytes.TrimSpace(line)
			switch {
			case bytes.HasPrefix(line, []byte("from ")), bytes.HasPrefix(line, []byte("import ")):
				for _, f := range bytes.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == ',' || r == '(' || r == ')' }) {
					if s := string(f); s != "from" && s != "import" && s != "as" {
						add(strings.ReplaceAll(strings.TrimLeft(s, "."), ".", "/"))
					}
				}
			}
		}
	case "go":
		if i := bytes.Index(src, []byte("import")); i >= 0 {
			block := src[i:min(len(src), i+4096)]
			if j := bytes.Index(block, []byte("\nfunc ")); j >= 0 {
				block = block[:j]
			}
			for rest := block; ; {
				k := bytes.IndexByte(rest, '"')
				if k < 0 {
					break
				}
				spec, ok := quotedPrefix(rest[k:])
				if !ok {
					break
				}
				add(spec)
				rest = rest[k+len(spec)+2:]
			}
		}
	}
	return out
}

// quotedPrefix returns the contents of the quoted string b starts with.
func quotedPrefix(b []byte) (string, bool) {
	if len(b) < 2 || b[0] != '"' && b[0] != '\'' && b[0] != '`' {
		return "", false
	}
	j := bytes.IndexByte(b[1:], b[0])
	if j < 0 || j > 300 || bytes.IndexByte(b[1:1+j], '\n') >= 0 {
		return "", false
	}
	return string(b[1 : 1+j]), true
}
