package checkout

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var updateREADME = flag.Bool("update-readme", false, "rewrite README.md's evidence table from EvidenceRows")

const (
	readmePath     = "../../../README.md"
	evidenceBegin  = "<!-- evidence table: written by go test ./preflight/internal/checkout -update-readme -->\n"
	evidenceFinish = "<!-- end of evidence table -->\n"
)

// evidenceMarkdown writes EvidenceRows as the README's table, in the order
// the rows are tried.
func evidenceMarkdown() string {
	var b strings.Builder
	b.WriteString("| row | answer | reads as | source |\n|---|---|---|---|\n")
	for _, r := range EvidenceRows() {
		source := r.Source
		if r.Assumption {
			source = "**assumption** (the control proves at run time that the credential was checked first; the live suite checks the rest): " + source
		}
		b.WriteString("| `" + r.ID + "` | " + mdCell(r.When) + " | " + meaningText(r.Meaning) + " | " + mdCell(source) + " |\n")
	}
	return b.String()
}

func meaningText(m Meaning) string {
	return map[Meaning]string{
		MeaningAccepted:          "authorised (past authentication and scopes)",
		MeaningBusinessRule:      "authorised (it reached the business rules)",
		MeaningPastAuthorisation: "authorised (past authorisation)",
		MeaningRefused:           "not allowed",
		MeaningScopeRefused:      "not allowed: a scope or permission is missing",
		MeaningUnexpectedSuccess: "**probe succeeded**: `probe.safety` fails",
		MeaningInconclusive:      "inconclusive",
	}[m]
}

func mdCell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// TestEvidenceTableInREADME keeps README.md's evidence table the one
// EvidenceRows gives, so the documentation cannot drift from the
// classifier.
func TestEvidenceTableInREADME(t *testing.T) {
	b, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	head, rest, ok := strings.Cut(readme, evidenceBegin)
	if !ok {
		t.Fatalf("README.md lacks the line %q", evidenceBegin)
	}
	table, tail, ok := strings.Cut(rest, evidenceFinish)
	if !ok {
		t.Fatalf("README.md lacks the line %q", evidenceFinish)
	}
	want := evidenceMarkdown()
	if *updateREADME {
		if err := os.WriteFile(readmePath, []byte(head+evidenceBegin+want+evidenceFinish+tail), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if diff := cmp.Diff(want, table); diff != "" {
		t.Errorf("README.md's evidence table differs from EvidenceRows (-want +got; go test ./preflight/internal/checkout -update-readme rewrites it):\n%s", diff)
	}
	for _, r := range EvidenceRows() {
		if meaningText(r.Meaning) == "" {
			t.Errorf("row %s: meaning %q has no README wording", r.ID, r.Meaning)
		}
	}
}
