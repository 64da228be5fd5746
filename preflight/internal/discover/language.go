package discover

import (
	"path"
	"strings"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/discover/internal/lex"
)

// language is one source language the scanner reads.
type language struct {
	// name is the Call.Language value: "javascript", "typescript",
	// "python", "php", "csharp", "java", "kotlin", "go", "ruby".
	name string
	lex  lex.Lang
	// sdk is the official SDK callers in this language use: "node",
	// "python", "php", "dotnet", "java" (Java and Kotlin), "go", "ruby".
	sdk string
}

func (l language) is(names ...string) bool {
	for _, n := range names {
		if l.name == n {
			return true
		}
	}
	return false
}

// jsLike reports whether the language is JavaScript or TypeScript.
func (l language) jsLike() bool { return l.sdk == "node" }

// languageOf returns the language of a file by its name; false for files
// the scanner does not read.
func languageOf(name string) (language, bool) {
	switch strings.ToLower(path.Ext(name)) {
	case ".js", ".mjs", ".cjs", ".jsx":
		return language{"javascript", lex.JavaScript, "node"}, true
	case ".ts", ".mts", ".cts", ".tsx":
		if strings.HasSuffix(name, ".d.ts") {
			return language{}, false
		}
		return language{"typescript", lex.JavaScript, "node"}, true
	case ".py":
		return language{"python", lex.Python, "python"}, true
	case ".php":
		return language{"php", lex.PHP, "php"}, true
	case ".cs":
		return language{"csharp", lex.CSharp, "dotnet"}, true
	case ".java":
		return language{"java", lex.Java, "java"}, true
	case ".kt", ".kts":
		return language{"kotlin", lex.Kotlin, "java"}, true
	case ".go":
		return language{"go", lex.Go, "go"}, true
	case ".rb", ".rake":
		return language{"ruby", lex.Ruby, "ruby"}, true
	}
	return language{}, false
}
