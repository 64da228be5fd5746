package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/checkout-preflight/checkout-preflight/preflight/report"
)

func FuzzSplitList(f *testing.F) {
	for _, s := range []string{"", "a", "POST /payments\nGET /disputes", "a, b,,c # d\r\ne\rf", "\t x \t", "é,\xff\xfe", "#", ",", "\r\n\r\n"} {
		f.Add(s, 3, 5)
		f.Add(s, 0, 0)
	}
	f.Fuzz(func(t *testing.T, text string, line, col int) {
		if line < 0 || col < 0 || line > 1<<20 || col > 1<<20 {
			t.Skip()
		}
		origin := report.Position{File: "f", Line: line, Column: col}
		if line == 0 {
			origin = report.Position{}
		}
		for _, v := range SplitList(text, origin) {
			if v.Text == "" || strings.ContainsAny(v.Text, "\r\n,#") || strings.Trim(v.Text, " \t") != v.Text {
				t.Errorf("bad item %q", v.Text)
			}
			if !strings.Contains(text, v.Text) {
				t.Errorf("item %q is not in the text", v.Text)
			}
			switch {
			case line == 0 && v.Pos != (report.Position{}):
				t.Errorf("item %q has position %v from a zero origin", v.Text, v.Pos)
			case line > 0 && (v.Pos.Line < line || v.Pos.File != "f"):
				t.Errorf("item %q has position %v before origin %v", v.Text, v.Pos, origin)
			case line > 0 && col > 0 && v.Pos.Column < col:
				t.Errorf("item %q has column %d before origin column %d", v.Text, v.Pos.Column, col)
			}
		}
	})
}

func FuzzParseEndpoint(f *testing.F) {
	for _, s := range []string{"POST /payments", "post\t/payments/{id}", "POST/payments", "FETCH /x", "/payments", "HEAD /", "GET https://api.checkout.com/x", "GET http://x/y", "GET https:///", "a b c", "", "GET /\xff", "GET /\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		e, err := ParseEndpoint(Value{Text: text, Pos: at("f", 2, 3)})
		if err != nil {
			msg := err.(*Error).Message
			if r, _ := utf8.DecodeRuneInString(msg); msg == "" || unicode.IsUpper(r) {
				t.Errorf("message %q must start in lower case", msg)
			}
			return
		}
		if !isMethod(e.Method) || strings.ToUpper(e.Method) != e.Method {
			t.Errorf("method %q", e.Method)
		}
		if !strings.HasPrefix(e.Path, "/") && !strings.HasPrefix(strings.ToLower(e.Path), "https://") {
			t.Errorf("path %q", e.Path)
		}
		again, err := ParseEndpoint(Value{Text: e.String()})
		if err != nil || again.String() != e.String() {
			t.Errorf("ParseEndpoint(%q) = %v, %v; does not round-trip", e.String(), again, err)
		}
	})
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(exampleYAML))
	f.Add([]byte(strings.ReplaceAll(exampleYAML, "\n", "\r\n")))
	inputs, _ := filepath.Glob(filepath.Join("testdata", "errors", "*.yml"))
	for _, in := range inputs {
		if data, err := os.ReadFile(in); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Parse("c.yml", data)
		if (file == nil) == (err == nil) {
			t.Fatalf("Parse returned file %v and error %v", file, err)
		}
		if err != nil {
			for _, e := range Errors(err) {
				if e.Pos.File != "c.yml" || e.Message == "" {
					t.Errorf("error %#v lacks a file or a message", e)
				}
			}
			return
		}
		if file.Version.Text != "1" || len(file.Credentials) == 0 {
			t.Errorf("accepted file has version %q and %d credentials", file.Version.Text, len(file.Credentials))
		}
		for _, c := range file.Credentials {
			if _, _, err := ParseEndpoints(c.Endpoints); err != nil {
				t.Errorf("accepted endpoints do not parse: %v", err)
			}
			if len(c.EnvNames()) == 0 {
				t.Errorf("accepted credential %q names no variable", c.Name.Text)
			}
		}
	})
}

func FuzzFindInput(f *testing.F) {
	f.Add([]byte(workflowYAML), "endpoints")
	f.Add([]byte("jobs:\n  a:\n    steps:\n      - uses: ./\n        with:\n          x: |2\n             a\n           b\n"), "x")
	f.Fuzz(func(t *testing.T, data []byte, input string) {
		in, ok := FindInput("w.yml", data, input)
		if !ok {
			return
		}
		for _, v := range in.Values() {
			if v.Pos.File != "w.yml" || v.Pos.Line < 1 {
				t.Errorf("value %q at %v", v.Text, v.Pos)
			}
		}
	})
}
