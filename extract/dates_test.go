package extract

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/readout/readout/pipeline"
)

func TestParseDocDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" means not a date
	}{
		{"2025-12-24", "2025-12-24"},
		{"2025-12-24T09:30:00Z", "2025-12-24"},
		{"2025-12-24T23:30:00-05:00", "2025-12-24"}, // the day as written, not as UTC
		{"2025-12-24T00:10:00.123+03:00", "2025-12-24"},
		{" 2025-12-24 ", "2025-12-24"},
		{"", ""},
		{"24/12/2025", ""},
		{"2025-02-30", ""},
		{"yesterday", ""},
	}
	for _, tt := range tests {
		got, ok := ParseDocDate(tt.in)
		if ok != (tt.want != "") || (ok && got.Format("2006-01-02") != tt.want) {
			t.Errorf("ParseDocDate(%q) = %v, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

// date resolves every expression in text against anchor and returns
// "text=value" pairs.
func dates(t *testing.T, text, anchor string) []string {
	t.Helper()
	d := pipeline.NewDoc("t", text)
	if anchor != "" {
		d.Meta = map[string]string{"date": anchor}
	}
	if err := (&Dates{}).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range d.Dates {
		if d.Text[m.Start:m.End] != m.Text {
			t.Errorf("span %d:%d is %q, text %q", m.Start, m.End, d.Text[m.Start:m.End], m.Text)
		}
		out = append(out, m.Text+"="+m.Value)
	}
	return out
}

func TestDates(t *testing.T) {
	// 2025-12-24 is a Wednesday.
	const wed = "2025-12-24"
	tests := []struct {
		name, anchor, text string
		want               []string
	}{
		{"weekday and month day", wed, "The ministers met on Monday, December 22 in Cairo.", []string{"Monday, December 22=2025-12-22"}},
		{"month day year", "", "It was signed on December 22, 2025.", []string{"December 22, 2025=2025-12-22"}},
		{"day month", wed, "Talks resumed on 22 December.", []string{"22 December=2025-12-22"}},
		{"day month year", "", "Talks resumed on Monday 22 December 2025 and on the 3rd of March 2024.", []string{"Monday 22 December 2025=2025-12-22", "3rd of March 2024=2024-03-03"}},
		{"abbreviated month", wed, "Due Dec. 29, officials said on Sept. 3.", []string{"Dec. 29=2025-12-29", "Sept. 3=2025-09-03"}},
		{"a Monday before the anchor", wed, "Lavrov spoke on Monday.", []string{"Monday=2025-12-22"}},
		{"the anchor's own weekday is the anchor", wed, "The office said on Wednesday that it agreed.", []string{"Wednesday=2025-12-24"}},
		{"a weekday in a future sentence", wed, "The delegation will travel on Monday.", []string{"Monday=2025-12-29"}},
		{"last Tuesday", wed, "He resigned last Tuesday.", []string{"last Tuesday=2025-12-23"}},
		{"last Wednesday is a week back", wed, "He resigned last Wednesday.", []string{"last Wednesday=2025-12-17"}},
		{"next Friday", wed, "Next Friday brings the vote.", []string{"Next Friday=2025-12-26"}},
		{"yesterday today tomorrow", wed, "Yesterday and today, not tomorrow.", []string{"Yesterday=2025-12-23", "today=2025-12-24", "tomorrow=2025-12-25"}},
		{"yesterday across a year", "2026-01-01T08:00:00+02:00", "It was announced yesterday.", []string{"yesterday=2025-12-31"}},
		// Without a year: the nearest December 22 to early January is the past one.
		{"month day early in the next year", "2026-01-05", "Since December 22, prices rose.", []string{"December 22=2025-12-22"}},
		{"month day just ahead", "2025-12-20", "The summit on December 22 was prepared.", []string{"December 22=2025-12-22"}},
		{"month day far ahead is last year", "2025-06-01", "The December 22 decree stands.", []string{"December 22=2024-12-22"}},
		{"month day in a future sentence", "2025-06-01", "Elections will be held on March 3.", []string{"March 3=2026-03-03"}},
		// The weekday picks the year: 22 December is a Monday in 2025, not in 2024 or 2026.
		{"weekday picks the year", "2025-06-01", "They met on Monday, December 22.", []string{"Monday, December 22=2025-12-22"}},
		{"no anchor: relative dates unresolved", "", "On Monday, yesterday, December 22.", []string{"Monday=", "yesterday=", "December 22="}},
		{"unparseable anchor", "last week", "Lavrov spoke on Monday.", []string{"Monday="}},
		{"impossible date", "", "On February 30, 2025 nothing happened.", []string{"February 30, 2025="}},
		{"iso date", "", "Filed 2025-12-22; see 2025-13-01.", []string{"2025-12-22=2025-12-22", "2025-13-01="}},
		{"not dates", wed, "May we march on? 45 March, 1,500 troops, Mondays, today's", []string{"today=2025-12-24"}},
		{"year that is not a year", wed, "On December 22, 150 people marched.", []string{"December 22=2025-12-22"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := dates(t, tt.text, tt.anchor)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// The tokens stage's sentences bound the future test: "will" in the next
// sentence does not move a past Monday forward.
func TestDatesUseSentences(t *testing.T) {
	text := "Lavrov arrived on Monday. He will leave on Friday."
	d := pipeline.NewDoc("t", text)
	d.Meta = map[string]string{"date": "2025-12-24"}
	d.Sentences = []pipeline.Sentence{{Start: 0, End: 25}, {Start: 26, End: len(text)}}
	if err := (&Dates{}).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range d.Dates {
		got = append(got, m.Text+"="+m.Value)
	}
	if want := "Monday=2025-12-22|Friday=2025-12-26"; strings.Join(got, "|") != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestDatesWeekdayResolution(t *testing.T) {
	anchor := time.Date(2025, 12, 24, 0, 0, 0, 0, time.UTC) // Wednesday
	r := resolver{anchor: anchor, ok: true}
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		past, _ := time.Parse("2006-01-02", r.weekday(wd, "", false))
		last, _ := time.Parse("2006-01-02", r.weekday(wd, "last", false))
		next, _ := time.Parse("2006-01-02", r.weekday(wd, "next", false))
		for name, got := range map[string]time.Time{"bare": past, "last": last, "next": next} {
			if got.Weekday() != wd {
				t.Errorf("%s %s resolved to a %s", name, wd, got.Weekday())
			}
		}
		if past.After(anchor) || anchor.Sub(past) >= 7*24*time.Hour {
			t.Errorf("bare %s = %s, want within the week up to the anchor", wd, past.Format("2006-01-02"))
		}
		if !last.Before(anchor) || anchor.Sub(last) > 7*24*time.Hour {
			t.Errorf("last %s = %s, want within the 7 days before the anchor", wd, last.Format("2006-01-02"))
		}
		if !next.After(anchor) || next.Sub(anchor) > 7*24*time.Hour {
			t.Errorf("next %s = %s, want within the 7 days after the anchor", wd, next.Format("2006-01-02"))
		}
	}
}

func TestDatesOptions(t *testing.T) {
	if _, err := NewDates(pipeline.Options{"lang": "fr"}); err == nil || !strings.Contains(err.Error(), "lang") {
		t.Errorf("unknown option: %v", err)
	}
}
