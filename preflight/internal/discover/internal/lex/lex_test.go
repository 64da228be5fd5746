package lex

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// kinds spells each kind in one letter for compact expectations.
func kindLetter(k Kind) string {
	return map[Kind]string{Ident: "I", Number: "N", String: "S", StrHead: "H", StrMid: "M", StrTail: "T", Punct: "P", Comment: "C", Text: "X"}[k]
}

// render lists the tokens as "K<text>" (strings as "K<value>"), one per
// element.
func render(tb testing.TB, lang Lang, src string) []string {
	tb.Helper()
	var out []string
	for _, t := range Tokenize(lang, []byte(src)) {
		text := string(t.Text([]byte(src)))
		if t.Kind.IsString() {
			text = string(t.Value([]byte(src)))
		}
		out = append(out, kindLetter(t.Kind)+"<"+text+">")
	}
	return out
}

func TestTokenize(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		lang Lang
		src  string
		want string // space-separated render output
	}{
		{"js call", JavaScript, `cko.payments.refund(id)`, "I<cko> P<.> I<payments> P<.> I<refund> P<(> I<id> P<)>"},
		{"js comments", JavaScript, "a // cko.payments.refund()\n/* b */ c", "I<a> C<// cko.payments.refund()> C</* b */> I<c>"},
		{"js template", JavaScript, "`${base}/payments/${id}/refunds`", "H<> I<base> M</payments/> I<id> T</refunds>"},
		{"js nested template", JavaScript, "`a${`b${c}`}d`", "H<a> H<b> I<c> T<> T<d>"},
		{"js template with braces", JavaScript, "`${ {a: 1}.a }x`", "H<> P<{> I<a> P<:> N<1> P<}> P<.> I<a> T<x>"},
		{"js regex", JavaScript, `x = /\/\/[a/]+/g; y = a / b / c`, "I<x> P<=> S<\\/\\/[a/]+> P<;> I<y> P<=> I<a> P</> I<b> P</> I<c>"},
		{"js dollar ident", JavaScript, `$http.post("u")`, "I<$http> P<.> I<post> P<(> S<u> P<)>"},
		{"js string escapes", JavaScript, `'it\'s' "a\"b"`, `S<it\'s> S<a\"b>`},
		{"go raw string", Go, "x := `a\n// not a comment`", "I<x> P<:=> S<a\n// not a comment>"},
		{"go rune", Go, `c := '"'`, `I<c> P<:=> S<">`},
		{"java text block", Java, "s = \"\"\"\n  /* no */ \"x\"\n  \"\"\";", "I<s> P<=> S<\n  /* no */ \"x\"\n  > P<;>"},
		{"kotlin template", Kotlin, `"$base/payments/${id}"`, "H<> I<base> M</payments/> I<id> T<>"},
		{"kotlin nested comment", Kotlin, "/* a /* b */ c */ d", "C</* a /* b */ c */> I<d>"},
		{"kotlin raw", Kotlin, `"""C:\x $y"""`, `H<C:\x > I<y> T<>`},
		{"csharp verbatim", CSharp, `@"C:\a""b" x`, `S<C:\a""b> I<x>`},
		{"csharp interpolated", CSharp, `$"{Base}/payments/{id}/refunds {{x}}"`, "H<> I<Base> M</payments/> I<id> T</refunds {{x}}>"},
		{"csharp verbatim interpolated", CSharp, `$@"{a}""b"`, `H<> I<a> T<""b>`},
		{"csharp raw", CSharp, `"""a "" b""" c`, `S<a "" b> I<c>`},
		{"csharp raw interpolated", CSharp, `$"""{x}/p""" c`, "H<> I<x> T</p> I<c>"},
		{"csharp at ident", CSharp, `@class.x`, "I<@class> P<.> I<x>"},
		{"php open tag", PHP, "<h1>x</h1><?php $api->getPaymentsClient(); ?>tail", "X<<h1>x</h1>> P<<?php> I<$api> P<->> I<getPaymentsClient> P<(> P<)> P<;> P<?>> X<tail>"},
		{"php hash comment", PHP, "<?php # $a->b()\n#[Attr]\n$c", "P<<?php> C<# $a->b()> P<#> P<[> I<Attr> P<]> I<$c>"},
		{"php interpolation", PHP, `<?php "$base/payments/{$id}/x $o->p $a[k]"`, "P<<?php> H<> I<$base> M</payments/> I<$id> M</x > I<$o> P<->> I<p> M< > I<$a> P<[> I<k> P<]> T<>"},
		{"php heredoc", PHP, "<?php $x = <<<EOT\n  a $y\n  EOT;\n$z", "P<<?php> I<$x> P<=> H<  a > I<$y> T<\n> P<;> I<$z>"},
		{"php nowdoc", PHP, "<?php $x = <<<'EOT'\n$y\nEOT;", "P<<?php> I<$x> P<=> S<$y\n> P<;>"},
		{"php nullsafe", PHP, "<?php $a?->b", "P<<?php> I<$a> P<?->> I<b>"},
		{"python fstring", Python, `f"{BASE}/payments/{pid}/refunds {{x}}"`, "H<> I<BASE> M</payments/> I<pid> T</refunds {{x}}>"},
		{"python triple", Python, "'''a\n# no'''  # yes", "S<a\n# no> C<# yes>"},
		{"python prefixes", Python, `rb'\d' Rf"{x}" u"y" bar"z"`, `S<\d> H<> I<x> T<> S<y> I<bar> S<z>`},
		{"python nested fstring quotes", Python, `f"{d['k']}"`, "H<> I<d> P<[> S<k> P<]> T<>"},
		{"ruby interpolation", Ruby, `"#{BASE}/payments/#{id}"`, "H<> I<BASE> M</payments/> I<id> T<>"},
		{"ruby ivar", Ruby, `@api.payments.refund_payment(id)`, "I<@api> P<.> I<payments> P<.> I<refund_payment> P<(> I<id> P<)>"},
		{"ruby begin end", Ruby, "=begin\napi.x\n=end\ny", "C<=begin\napi.x\n=end> I<y>"},
		{"ruby heredoc", Ruby, "x = <<~SQL.strip\n  select #{a}\n  SQL\ny", "I<x> P<=> S<> P<.> I<strip> H<  select > I<a> T<\n> I<y>"},
		{"ruby percent", Ruby, "%w[a b] %i(c) %Q{#{d}} 5 % 3", "S<a b> S<c> H<> I<d> T<> N<5> P<%> N<3>"},
		{"ruby symbol and scope", Ruby, "CheckoutSdk::Environment.sandbox(:x)", "I<CheckoutSdk> P<::> I<Environment> P<.> I<sandbox> P<(> S<x> P<)>"},
		{"ruby predicate", Ruby, "a.empty? && b != c", "I<a> P<.> I<empty?> P<&&> I<b> P<!=> I<c>"},
		{"ruby end data", Ruby, "a\n__END__\napi.payments.x", "I<a> X<__END__\napi.payments.x>"},
		{"ruby shift", Ruby, "a << b; arr <<x", "I<a> P<<<> I<b> P<;> I<arr> P<<<> I<x>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := strings.Join(render(t, tt.lang, tt.src), " ")
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Tokenize(%q) mismatch (-want +got):\n%s", tt.src, diff)
			}
			checkInvariants(t, tt.lang, []byte(tt.src))
		})
	}
}

func TestPositions(t *testing.T) {
	t.Parallel()
	src := "a\n  é b\n\tc"
	var got [][2]int
	for _, tok := range Tokenize(JavaScript, []byte(src)) {
		got = append(got, [2]int{tok.Line, tok.Col})
	}
	want := [][2]int{{1, 1}, {2, 3}, {2, 5}, {3, 2}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("positions (-want +got):\n%s", diff)
	}
}

// checkInvariants asserts what every lexer promises: tokens in order,
// within the input, not overlapping, values within their tokens, and only
// white space between them.
func checkInvariants(tb testing.TB, lang Lang, src []byte) {
	tb.Helper()
	pos := 0
	for i, t := range Tokenize(lang, src) {
		if t.Start < pos || t.End < t.Start || t.End > len(src) {
			tb.Fatalf("token %d [%d,%d) out of order or bounds (previous end %d, len %d)", i, t.Start, t.End, pos, len(src))
		}
		if t.ValStart < t.Start || t.ValEnd > t.End || t.ValEnd < t.ValStart {
			tb.Fatalf("token %d value [%d,%d) outside [%d,%d)", i, t.ValStart, t.ValEnd, t.Start, t.End)
		}
		for _, c := range src[pos:t.Start] {
			if !isSpace(c) {
				tb.Fatalf("byte %q before token %d at %d is not covered", c, i, t.Start)
			}
		}
		if t.Line < 1 || t.Col < 1 {
			tb.Fatalf("token %d has position %d:%d", i, t.Line, t.Col)
		}
		pos = t.End
	}
	for _, c := range src[pos:] {
		if !isSpace(c) {
			tb.Fatalf("trailing byte %q is not covered", c)
		}
	}
}
