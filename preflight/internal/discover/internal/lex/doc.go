// Package lex splits source code into tokens, one small hand-written lexer
// per language family (JavaScript/TypeScript, Python, PHP, C#, Java,
// Kotlin, Go, Ruby), so that the discover package can tell code from
// comments and strings.
//
// The lexers are tolerant: any input, valid or not, yields tokens, in
// order, without overlap, each within the input, and every byte not
// covered by a token is white space. They do not build syntax trees and do
// not report errors; an unterminated string or comment runs to the end of
// the input.
//
// Strings with interpolation (JS template literals, Python f-strings, C#
// $"…", Kotlin and PHP "$x", Ruby "#{…}") are split into pieces
// (StrHead, StrMid, StrTail) with the interpolated code tokenized between
// them, so that code inside ${…} is code and text outside it is text.
//
// It must not: allocate per byte, recurse without bound, or read anything
// but the bytes it is given.
package lex
