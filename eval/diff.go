package eval

import (
	"fmt"
	"slices"
	"strings"

	"github.com/readout/readout/pipeline"
)

// Change is one difference between two annotation records of the same text.
type Change struct {
	Section string `json:"section"` // record, entities, participants, paragraphs, topics, issues, tables
	Kind    string `json:"kind"`    // added, removed, changed, relabelled, respanned
	Text    string `json:"text"`    // what changed, for people reading a review
}

// ErrDifferentText is returned by Diff for records of different texts:
// their offsets cannot be compared.
type ErrDifferentText struct{ A, B string }

func (e ErrDifferentText) Error() string {
	return fmt.Sprintf("the records are of different texts (text_sha256 %s vs %s)", short(e.A), short(e.B))
}

func short(s string) string {
	if s == "" {
		return "absent"
	}
	if len(s) > 12 {
		return s[:12] + "…"
	}
	return s
}

// Diff lists what changed from a to b, section by section, in text order:
// entities added, removed, relabelled and re-spanned; participants and
// their fields; paragraph kinds and topics; issues, parties and focus.
// Scores and confidences are not compared: they move with every model
// change and say nothing a reviewer can check against the text.
func Diff(a, b *pipeline.Output) ([]Change, error) {
	if a.TextSHA256 != b.TextSHA256 {
		return nil, ErrDifferentText{a.TextSHA256, b.TextSHA256}
	}
	if a.Offsets != b.Offsets {
		return nil, fmt.Errorf("offsets are in %s and %s; write both with the same output.offsets", a.Offsets, b.Offsets)
	}
	var d differ
	d.record(a, b)
	d.entities(a.Entities, b.Entities)
	d.participants(a.Participants, b.Participants)
	d.paragraphs(a.Paragraphs, b.Paragraphs)
	d.docTopics(a.Topics, b.Topics)
	d.issues(a.Issues, b.Issues)
	d.tables(a.Tables, b.Tables)
	return d.out, nil
}

type differ struct{ out []Change }

func (d *differ) add(section, kind, format string, args ...any) {
	d.out = append(d.out, Change{section, kind, fmt.Sprintf(format, args...)})
}

func (d *differ) record(a, b *pipeline.Output) {
	if a.Status != b.Status {
		d.add("record", "changed", "status %s -> %s", a.Status, b.Status)
	}
	errs := func(o *pipeline.Output) []string {
		var s []string
		for _, e := range o.Errors {
			s = append(s, e.Stage+": "+e.Message)
		}
		return s
	}
	added, removed := setDiff(errs(a), errs(b))
	for _, e := range removed {
		d.add("record", "removed", "error %s", e)
	}
	for _, e := range added {
		d.add("record", "added", "error %s", e)
	}
}

func entityString(e pipeline.OutEntity) string {
	return fmt.Sprintf("%s %q @%d-%d", e.Label, e.Text, e.Start, e.End)
}

// entities pairs entities with the same span first, then overlapping ones
// (a re-spanned entity), and lists the rest as added or removed.
func (d *differ) entities(a, b []pipeline.OutEntity) {
	type span struct{ start, end int }
	at := map[span]int{}
	for i, e := range b {
		at[span{e.Start, e.End}] = i
	}
	usedA, usedB := make([]bool, len(a)), make([]bool, len(b))
	for i, e := range a {
		j, ok := at[span{e.Start, e.End}]
		if !ok || usedB[j] {
			continue
		}
		usedA[i], usedB[j] = true, true
		f := b[j]
		if e.Label != f.Label {
			d.add("entities", "relabelled", "%q @%d-%d: %s -> %s", e.Text, e.Start, e.End, e.Label, f.Label)
		}
		if e.Subtype != f.Subtype || e.Canonical != f.Canonical || e.ID != f.ID {
			d.add("entities", "changed", "%q @%d-%d: %s/%s/%s -> %s/%s/%s", e.Text, e.Start, e.End,
				orDash(e.Subtype), orDash(e.Canonical), orDash(e.ID), orDash(f.Subtype), orDash(f.Canonical), orDash(f.ID))
		}
	}
	for i, e := range a {
		if usedA[i] {
			continue
		}
		for j, f := range b {
			if usedB[j] || f.Start >= e.End || e.Start >= f.End {
				continue
			}
			usedA[i], usedB[j] = true, true
			kind, note := "respanned", ""
			if e.Label != f.Label {
				kind, note = "relabelled", " (and re-spanned)"
			}
			d.add("entities", kind, "%s -> %s%s", entityString(e), entityString(f), note)
			break
		}
	}
	for i, e := range a {
		if !usedA[i] {
			d.add("entities", "removed", "%s", entityString(e))
		}
	}
	for j, f := range b {
		if !usedB[j] {
			d.add("entities", "added", "%s", entityString(f))
		}
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// participants pairs people by name, then by any shared form of the name.
func (d *differ) participants(a, b []pipeline.OutParticipant) {
	forms := func(p pipeline.OutParticipant) []string {
		out := []string{fold(p.Name)}
		for _, al := range p.Aliases {
			out = append(out, fold(al))
		}
		return out
	}
	usedB := make([]bool, len(b))
	match := func(p pipeline.OutParticipant) int {
		for j, q := range b {
			if !usedB[j] && q.Name == p.Name {
				return j
			}
		}
		pf := forms(p)
		for j, q := range b {
			if !usedB[j] && slices.ContainsFunc(forms(q), func(f string) bool { return slices.Contains(pf, f) }) {
				return j
			}
		}
		return -1
	}
	for _, p := range a {
		j := match(p)
		if j < 0 {
			d.add("participants", "removed", "%s", personString(p))
			continue
		}
		usedB[j] = true
		q := b[j]
		if p.Name != q.Name {
			d.add("participants", "changed", "%q renamed %q", p.Name, q.Name)
		}
		for _, f := range []struct {
			field string
			x, y  *string
		}{{"role", p.Role, q.Role}, {"country", p.Country, q.Country}, {"organization", p.Organization, q.Organization}, {"wikidata", p.Wikidata, q.Wikidata}} {
			if deref(f.x) != deref(f.y) {
				d.add("participants", "changed", "%s: %s %s -> %s", q.Name, f.field, quoteOrNull(f.x), quoteOrNull(f.y))
			}
		}
		if added, removed := setDiff(p.Aliases, q.Aliases); len(added)+len(removed) > 0 {
			d.add("participants", "changed", "%s: aliases %s", q.Name, plusMinus(added, removed))
		}
		if p.MentionCount != q.MentionCount {
			d.add("participants", "changed", "%s: %d -> %d mentions", q.Name, p.MentionCount, q.MentionCount)
		}
	}
	for j, q := range b {
		if !usedB[j] {
			d.add("participants", "added", "%s", personString(q))
		}
	}
}

func personString(p pipeline.OutParticipant) string {
	return fmt.Sprintf("%s (role %s, country %s, organization %s)", p.Name, quoteOrNull(p.Role), quoteOrNull(p.Country), quoteOrNull(p.Organization))
}

func quoteOrNull(s *string) string {
	if s == nil {
		return "null"
	}
	return fmt.Sprintf("%q", *s)
}

// paragraphs compares kinds and topics of paragraphs with the same extent;
// a changed segmentation is reported as paragraphs added and removed.
func (d *differ) paragraphs(a, b []pipeline.OutParagraph) {
	type span struct{ start, end int }
	at := map[span]int{}
	for i, p := range b {
		at[span{p.Start, p.End}] = i
	}
	seen := make([]bool, len(b))
	for _, p := range a {
		j, ok := at[span{p.Start, p.End}]
		if !ok {
			d.add("paragraphs", "removed", "paragraph %d @%d-%d (%s)", p.Index, p.Start, p.End, p.Kind)
			continue
		}
		seen[j] = true
		q := b[j]
		where := fmt.Sprintf("paragraph %d @%d-%d", q.Index, q.Start, q.End)
		if p.Kind != q.Kind {
			d.add("paragraphs", "changed", "%s: kind %s -> %s", where, p.Kind, q.Kind)
		}
		if pt, qt := primary(p.Topics), primary(q.Topics); pt != qt {
			d.add("topics", "changed", "%s: topic %s -> %s", where, pt, qt)
		}
		if added, removed := setDiff(topicIDs(p.Topics), topicIDs(q.Topics)); len(added)+len(removed) > 0 {
			d.add("topics", "changed", "%s: topics %s", where, plusMinus(added, removed))
		}
	}
	for j, q := range b {
		if !seen[j] {
			d.add("paragraphs", "added", "paragraph %d @%d-%d (%s, topic %s)", q.Index, q.Start, q.End, q.Kind, primary(q.Topics))
		}
	}
}

func primary(ts []pipeline.OutTopic) string {
	if len(ts) == 0 {
		return "none"
	}
	return ts[0].Topic
}

func topicIDs(ts []pipeline.OutTopic) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Topic
	}
	return out
}

func (d *differ) docTopics(a, b []pipeline.OutTopic) {
	added, removed := setDiff(topicIDs(a), topicIDs(b))
	for _, t := range removed {
		d.add("topics", "removed", "document topic %s", t)
	}
	for _, t := range added {
		d.add("topics", "added", "document topic %s", t)
	}
}

func (d *differ) issues(a, b []pipeline.OutIssue) {
	byTopic := map[string]pipeline.OutIssue{}
	for _, is := range b {
		byTopic[is.Topic] = is
	}
	inA := map[string]bool{}
	for _, p := range a {
		inA[p.Topic] = true
		q, ok := byTopic[p.Topic]
		if !ok {
			d.add("issues", "removed", "%s (parties %s)", p.Label, strings.Join(partyNames(p.Parties), ", "))
			continue
		}
		if !slices.Equal(p.Paragraphs, q.Paragraphs) {
			d.add("issues", "changed", "%s: paragraphs %v -> %v", q.Label, p.Paragraphs, q.Paragraphs)
		}
		if added, removed := setDiff(partyNames(p.Parties), partyNames(q.Parties)); len(added)+len(removed) > 0 {
			d.add("issues", "changed", "%s: parties %s", q.Label, plusMinus(added, removed))
		}
		for _, pp := range p.Parties {
			for _, qp := range q.Parties {
				if pp.Name != qp.Name {
					continue
				}
				if added, removed := setDiff(spanTexts(pp.Focus), spanTexts(qp.Focus)); len(added)+len(removed) > 0 {
					d.add("issues", "changed", "%s, %s: focus %s", q.Label, qp.Name, plusMinus(added, removed))
				}
			}
		}
		if tableIndex(p.Table) != tableIndex(q.Table) {
			d.add("issues", "changed", "%s: table %s -> %s", q.Label, tableIndex(p.Table), tableIndex(q.Table))
		}
	}
	for _, q := range b {
		if !inA[q.Topic] {
			d.add("issues", "added", "%s (parties %s)", q.Label, strings.Join(partyNames(q.Parties), ", "))
		}
	}
}

func tableIndex(t *int) string {
	if t == nil {
		return "none"
	}
	return fmt.Sprint(*t)
}

func partyNames(ps []pipeline.OutParty) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Name
	}
	return out
}

func spanTexts(ss []pipeline.OutSpan) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Text
	}
	return out
}

func (d *differ) tables(a, b []pipeline.OutTable) {
	if len(a) != len(b) {
		d.add("tables", "changed", "%d tables -> %d", len(a), len(b))
		return
	}
	cells := func(t pipeline.OutTable) []string {
		out := []string{strings.Join(spanTexts(t.Header), " | ")}
		for _, r := range t.Rows {
			out = append(out, strings.Join(spanTexts(r), " | "))
		}
		return out
	}
	for i := range a {
		if added, removed := setDiff(cells(a[i]), cells(b[i])); len(added)+len(removed) > 0 {
			d.add("tables", "changed", "table %d rows %s", i, plusMinus(added, removed))
		}
	}
}

// setDiff returns the distinct strings only in b (added) and only in a
// (removed), each in its list's order.
func setDiff(a, b []string) (added, removed []string) {
	inA, inB := map[string]bool{}, map[string]bool{}
	for _, s := range a {
		inA[s] = true
	}
	for _, s := range b {
		inB[s] = true
	}
	for _, s := range b {
		if !inA[s] && !slices.Contains(added, s) {
			added = append(added, s)
		}
	}
	for _, s := range a {
		if !inB[s] && !slices.Contains(removed, s) {
			removed = append(removed, s)
		}
	}
	return added, removed
}

func plusMinus(added, removed []string) string {
	var parts []string
	for _, s := range added {
		parts = append(parts, fmt.Sprintf("+%q", s))
	}
	for _, s := range removed {
		parts = append(parts, fmt.Sprintf("-%q", s))
	}
	return strings.Join(parts, " ")
}

// FormatDiff renders changes grouped by section, with a count line per
// section and one line per change: + added, - removed, ~ anything else.
func FormatDiff(changes []Change) string {
	var b strings.Builder
	var sections []string
	for _, c := range changes {
		if !slices.Contains(sections, c.Section) {
			sections = append(sections, c.Section)
		}
	}
	for _, s := range sections {
		counts := map[string]int{}
		var kinds []string
		for _, c := range changes {
			if c.Section == s {
				if counts[c.Kind] == 0 {
					kinds = append(kinds, c.Kind)
				}
				counts[c.Kind]++
			}
		}
		var summary []string
		for _, k := range kinds {
			summary = append(summary, fmt.Sprintf("%d %s", counts[k], k))
		}
		fmt.Fprintf(&b, "%s: %s\n", s, strings.Join(summary, ", "))
		for _, c := range changes {
			if c.Section != s {
				continue
			}
			mark := "~"
			switch c.Kind {
			case "added":
				mark = "+"
			case "removed":
				mark = "-"
			case "relabelled", "respanned":
				mark = "~ " + c.Kind
			}
			fmt.Fprintf(&b, "  %s %s\n", mark, c.Text)
		}
	}
	return b.String()
}
