package render

import (
	"strings"
	"testing"

	"github.com/readout/readout/pipeline"
)

func str(s string) *string { return &s }

// TestMarkdownRecord: a built record comes out whole: the title before the
// id, markup in article text escaped, a guessed country marked, a party
// with no focus told apart from a party not taking part, and the counts.
func TestMarkdownRecord(t *testing.T) {
	rec := &pipeline.Output{
		ID: "n/1", Status: "partial", Meta: map[string]string{"title": "Talks on *fish*"},
		Errors: []pipeline.StageError{{Stage: "topics", Message: "taxonomy | broken"}},
		Participants: []pipeline.OutParticipant{
			{Name: "Ana Ruiz", Role: str("Finance Minister"), Country: str("Chile"), CountrySource: str(pipeline.CountryFromText)},
			{Name: "Tom_Berg", Role: str("Director"), Organization: str("Fish Board"), Country: str("Norway"), CountrySource: str(pipeline.CountryFromContext)},
			{Name: "Ola Lund"},
		},
		Issues: []pipeline.OutIssue{
			{Label: "Fishing quotas", Parties: []pipeline.OutParty{
				{Name: "Chile", Focus: []pipeline.OutSpan{{Text: "quota cuts"}, {Text: "quota cuts"}, {Text: "a | b"}}},
				{Name: "United States"},
			}},
			{Label: "Visas", Parties: []pipeline.OutParty{{Name: "United States", Focus: []pipeline.OutSpan{{Text: "visa\nwaivers"}}}}},
		},
		Entities:   []pipeline.OutEntity{{Label: pipeline.Person}, {Label: pipeline.Person}, {Label: pipeline.Place}},
		Paragraphs: make([]pipeline.OutParagraph, 4),
	}
	var b strings.Builder
	if err := Markdown(&b, rec); err != nil {
		t.Fatal(err)
	}
	want := "# Talks on \\*fish\\*\n\n`n/1`\n\n" +
		"**Stage failed** (topics): taxonomy \\| broken\n\n" +
		"## Participants\n\n" +
		"- Ana Ruiz – Finance Minister, Chile\n" +
		"- Tom\\_Berg – Director, Fish Board, Norway (from context)\n" +
		"- Ola Lund\n\n" +
		"## Issues\n\n" +
		"| Issue | Chile’s Focus | United States’ Focus |\n|---|---|---|\n" +
		"| Fishing quotas | quota cuts, a \\| b | (no focus found) |\n" +
		"| Visas | – | visa waivers |\n\n" +
		"3 participants · 2 issues · 3 entities (2 people, 1 place) · 4 paragraphs\n"
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestMarkdownError: an error record shows its error and nothing else.
func TestMarkdownError(t *testing.T) {
	rec := pipeline.ErrorOutput("bad.txt", nil, "", "input", "text is empty")
	var b strings.Builder
	if err := Markdown(&b, rec); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), "# bad.txt\n\n**Error** (input): text is empty\n\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
