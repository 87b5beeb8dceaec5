package render

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/readout/readout/pipeline"
)

// Markdown writes rec as a person reads an article's summary: a heading,
// the participant list ("- Sergey Lavrov – Foreign Minister, Russia"), the
// issue table with one focus column per party, and a line of counts. It
// needs no text: everything it shows is in the record.
func Markdown(w io.Writer, rec *pipeline.Output) error {
	bw := bufio.NewWriter(w)
	title := rec.ID
	if t := rec.Meta["title"]; t != "" {
		title = t
	}
	fmt.Fprintf(bw, "# %s\n\n", inline(title))
	if title != rec.ID {
		fmt.Fprintf(bw, "`%s`\n\n", strings.ReplaceAll(rec.ID, "`", "'"))
	}
	for _, e := range rec.Errors {
		label := "Error"
		if rec.Status != "error" {
			label = "Stage failed" // a partial record: the other stages ran
		}
		fmt.Fprintf(bw, "**%s** (%s): %s\n\n", label, inline(e.Stage), inline(e.Message))
	}
	if rec.Status == "error" {
		return bw.Flush()
	}

	if len(rec.Participants) == 0 {
		bw.WriteString("No participants found.\n\n")
	} else {
		bw.WriteString("## Participants\n\n")
		for _, p := range rec.Participants {
			fmt.Fprintf(bw, "- %s\n", participantLine(p))
		}
		bw.WriteString("\n")
	}

	parties, rows := issueTable(rec)
	switch {
	case len(rows) == 0:
		bw.WriteString("No issues found.\n\n")
	case len(parties) == 0: // a table of one column says less than a line
		labels := make([]string, len(rows))
		for i, r := range rows {
			labels[i] = inline(r.Label)
		}
		fmt.Fprintf(bw, "Issues, with no party found: %s.\n\n", strings.Join(labels, ", "))
	default:
		bw.WriteString("## Issues\n\n| Issue |")
		for _, p := range parties {
			fmt.Fprintf(bw, " %s |", cell(possessive(p)+" Focus"))
		}
		bw.WriteString("\n|---|" + strings.Repeat("---|", len(parties)) + "\n")
		for _, r := range rows {
			fmt.Fprintf(bw, "| %s |", cell(r.Label))
			for _, c := range r.Cells {
				switch {
				case len(c.Focus) > 0:
					fmt.Fprintf(bw, " %s |", cell(strings.Join(c.Focus, ", ")))
				case c.Party:
					bw.WriteString(" (no focus found) |")
				default:
					bw.WriteString(" – |")
				}
			}
			bw.WriteString("\n")
		}
		bw.WriteString("\n")
	}

	labels := map[string]int{}
	for _, e := range rec.Entities {
		labels[e.Label]++
	}
	var byLabel []string
	for _, l := range []struct{ label, one, many string }{
		{pipeline.Person, "person", "people"},
		{pipeline.Place, "place", "places"},
		{pipeline.Org, "organisation", "organisations"},
		{pipeline.NORP, "group", "groups"},
	} {
		if n := labels[l.label]; n > 0 {
			byLabel = append(byLabel, count(n, l.one, l.many))
		}
	}
	entities := count(len(rec.Entities), "entity", "entities")
	if len(byLabel) > 0 {
		entities += " (" + strings.Join(byLabel, ", ") + ")"
	}
	fmt.Fprintf(bw, "%s · %s · %s · %s\n",
		count(len(rec.Participants), "participant", "participants"),
		count(len(rows), "issue", "issues"),
		entities,
		count(len(rec.Paragraphs), "paragraph", "paragraphs"))
	return bw.Flush()
}

// participantLine is "Name – Role, Organization, Country", leaving out
// what is unknown; a country that is not stated in the text says where it
// came from.
func participantLine(p pipeline.OutParticipant) string {
	var about []string
	for _, s := range []string{deref(p.Role), deref(p.Organization)} {
		if s != "" {
			about = append(about, s)
		}
	}
	if c := deref(p.Country); c != "" {
		if src := deref(p.CountrySource); src != "" && src != pipeline.CountryFromText {
			c += " (from " + src + ")"
		}
		about = append(about, c)
	}
	line := inline(p.Name)
	if len(about) > 0 {
		line += " – " + inline(strings.Join(about, ", "))
	}
	return line
}

// possessive is "Egypt’s", "United States’", in the typography of the
// article tables it imitates.
func possessive(name string) string {
	if strings.HasSuffix(name, "s") {
		return name + "’"
	}
	return name + "’s"
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// markdownEscaper escapes what Markdown would read as markup in text taken
// from an article; line breaks become spaces so a value keeps its line.
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "|", `\|`, "#", `\#`,
	"\r\n", " ", "\n", " ", "\r", " ", "\t", " ",
)

func inline(s string) string { return markdownEscaper.Replace(s) }

// cell is a table cell: escaped, and never empty, which would shift the
// columns in some renderers.
func cell(s string) string {
	if s = inline(strings.TrimSpace(s)); s == "" {
		return "–"
	}
	return s
}
