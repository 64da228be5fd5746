package lex

import "testing"

// seeds are inputs that exercise the tricky corners of every lexer.
func seeds() []string {
	return []string{
		"", "`${", "${`", "\"\"\"", "'''", "<<<EOT\n", "<<~EOS\n#{", "=begin", "%w[", "/*", "//", "#",
		"f\"{", "$\"{", "$@\"", "@\"", "$$\"\"\"{{x}}\"\"\"", "<?php \"{$a", "<?php ?><?= $x ?>", "\"$a->b[", "a ?b : c",
		"x = /re[/]/ / 2", "s = %Q{#{a}}", ":\"#{x}\"", "r'\\'", "`a${b`c${d}`}e`", "'\\", "\"\\", "<<-'E'\nE\n",
	}
}

func fuzzLang(f *testing.F, lang Lang) {
	for _, s := range seeds() {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkInvariants(t, lang, src)
	})
}

func FuzzJavaScript(f *testing.F) { fuzzLang(f, JavaScript) }
func FuzzPython(f *testing.F)     { fuzzLang(f, Python) }
func FuzzPHP(f *testing.F)        { fuzzLang(f, PHP) }
func FuzzCSharp(f *testing.F)     { fuzzLang(f, CSharp) }
func FuzzJava(f *testing.F)       { fuzzLang(f, Java) }
func FuzzKotlin(f *testing.F)     { fuzzLang(f, Kotlin) }
func FuzzGo(f *testing.F)         { fuzzLang(f, Go) }
func FuzzRuby(f *testing.F)       { fuzzLang(f, Ruby) }
