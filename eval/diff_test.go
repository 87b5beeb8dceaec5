package eval

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/readout/readout/pipeline"
)

func baseRecord() *pipeline.Output {
	zero := 0
	return &pipeline.Output{
		Schema: pipeline.SchemaVersion, Status: "ok", TextSHA256: "abc", Offsets: pipeline.CodePoints,
		Entities: []pipeline.OutEntity{
			{Text: "Egypt", Label: "PLACE", Start: 0, End: 5, Canonical: "Egypt"},
			{Text: "Abdel Fattah", Label: "PERSON", Start: 10, End: 22},
			{Text: "MENA", Label: "ORG", Start: 30, End: 34},
			{Text: "Nile", Label: "PLACE", Start: 40, End: 44},
		},
		Participants: []pipeline.OutParticipant{
			{Name: "Sergey Lavrov", Aliases: []string{"Lavrov"}, Role: ptr("Foreign Minister"), Country: ptr("Russia"), MentionCount: 2},
			{Name: "Georgy Borisenko", Role: ptr("Ambassador"), MentionCount: 1},
		},
		Paragraphs: []pipeline.OutParagraph{
			{Index: 0, Kind: "text", Start: 0, End: 25, Topics: []pipeline.OutTopic{{Topic: "diplomacy"}}},
			{Index: 1, Kind: "heading", Start: 26, End: 50, Topics: []pipeline.OutTopic{{Topic: "place:Libya"}}},
		},
		Issues: []pipeline.OutIssue{
			{Topic: "place:Libya", Label: "Libya", Paragraphs: []int{1}, Table: &zero, Parties: []pipeline.OutParty{
				{Name: "Egypt", Focus: []pipeline.OutSpan{{Text: "arms flows"}}},
				{Name: "Russia"},
			}},
		},
	}
}

func TestDiffIdentical(t *testing.T) {
	changes, err := Diff(baseRecord(), baseRecord())
	if err != nil || len(changes) != 0 {
		t.Errorf("identical records: %v, %v", changes, err)
	}
}

func TestDiffChanges(t *testing.T) {
	a, b := baseRecord(), baseRecord()
	b.Entities = []pipeline.OutEntity{
		{Text: "Egypt", Label: "ORG", Start: 0, End: 5, Canonical: "Egypt"},   // relabelled
		{Text: "Abdel Fattah el-Sisi", Label: "PERSON", Start: 10, End: 30},   // re-spanned
		{Text: "Nile", Label: "PLACE", Start: 40, End: 44, Canonical: "Nile"}, // canonical changed
		{Text: "Cairo", Label: "PLACE", Start: 45, End: 50},                   // added; MENA removed
	}
	b.Participants = []pipeline.OutParticipant{
		{Name: "Lavrov", Role: ptr("Minister"), Country: ptr("Russia"), MentionCount: 2}, // paired by alias
		{Name: "Mikhail Dzhirgenya", Role: nil, MentionCount: 1},
	}
	b.Paragraphs[1].Topics = []pipeline.OutTopic{{Topic: "diplomacy"}, {Topic: "place:Libya"}}
	b.Issues[0].Parties = []pipeline.OutParty{{Name: "Egypt", Focus: []pipeline.OutSpan{{Text: "irregular migration"}}}}
	b.Issues = append(b.Issues, pipeline.OutIssue{Topic: "place:Gaza Strip", Label: "Gaza"})

	changes, err := Diff(a, b)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range changes {
		got = append(got, c.Section+" "+c.Kind+" "+c.Text)
	}
	want := []string{
		`entities relabelled "Egypt" @0-5: PLACE -> ORG`,
		`entities changed "Nile" @40-44: -/-/- -> -/Nile/-`,
		`entities respanned PERSON "Abdel Fattah" @10-22 -> PERSON "Abdel Fattah el-Sisi" @10-30`,
		`entities removed ORG "MENA" @30-34`,
		`entities added PLACE "Cairo" @45-50`,
		`participants changed "Sergey Lavrov" renamed "Lavrov"`,
		`participants changed Lavrov: role "Foreign Minister" -> "Minister"`,
		`participants changed Lavrov: aliases -"Lavrov"`,
		`participants removed Georgy Borisenko (role "Ambassador", country null, organization null)`,
		`participants added Mikhail Dzhirgenya (role null, country null, organization null)`,
		`topics changed paragraph 1 @26-50: topic place:Libya -> diplomacy`,
		`topics changed paragraph 1 @26-50: topics +"diplomacy"`,
		`issues changed Libya: parties -"Russia"`,
		`issues changed Libya, Egypt: focus +"irregular migration" -"arms flows"`,
		`issues added Gaza (parties )`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	text := FormatDiff(changes)
	for _, line := range []string{
		"entities: 1 relabelled, 1 changed, 1 respanned, 1 removed, 1 added\n",
		`  + PLACE "Cairo" @45-50`,
		`  - ORG "MENA" @30-34`,
		`  ~ relabelled "Egypt" @0-5: PLACE -> ORG`,
	} {
		if !strings.Contains(text, line) {
			t.Errorf("formatted diff lacks %q:\n%s", line, text)
		}
	}
}

func TestDiffRefuses(t *testing.T) {
	a, b := baseRecord(), baseRecord()
	b.TextSHA256 = "def"
	_, err := Diff(a, b)
	var dt ErrDifferentText
	if !errors.As(err, &dt) {
		t.Errorf("different texts: error %v, want ErrDifferentText", err)
	}
	b = baseRecord()
	b.Offsets = pipeline.UTF16
	if _, err := Diff(a, b); err == nil {
		t.Error("different offset units compared")
	}
}
