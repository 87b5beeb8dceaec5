package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/readout/readout/eval"
	"github.com/readout/readout/pipeline"
)

// addFixturesFlags gives the eval command its --fixtures form.
func addFixturesFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.String("fixtures", "", "folder of fixtures (NAME.gold.json with NAME.txt or a text_path) to score")
	f.String("format", "markdown", "report on stdout: markdown or json")
	f.String("json", "", "also write the JSON report to this file")
	f.Bool("misses", false, "list every miss under its fixture in the markdown report")
	f.String("baseline", "", "previous JSON report: fail when a metric drops by more than --tolerance")
	f.Float64("tolerance", 0.005, "largest drop from the baseline that is not a regression")
	f.String("write-baseline", "", "write the current JSON report here, as the next baseline")
	f.Float64("min-entity-f1", 0, "fail when the overall entity F1 is under this")
	f.Float64("min-name-f1", 0, "fail when the overall participant name F1 is under this")
	f.Float64("min-triple-f1", 0, "fail when the overall participant (name, role, country) F1 is under this")
	f.Float64("min-topic-accuracy", 0, "fail when the overall paragraph topic accuracy is under this")
	f.Float64("min-issue-recall", 0, "fail when the share of gold issues found is under this")
}

// thresholds maps --min-* flags to the overall metric each bounds.
var thresholds = []struct{ flag, metric string }{
	{"min-entity-f1", "entities.f1"},
	{"min-name-f1", "participants.name.f1"},
	{"min-triple-f1", "participants.triple.f1"},
	{"min-topic-accuracy", "topics.accuracy"},
	{"min-issue-recall", "issues.recall"},
}

func runEval(cmd *cobra.Command, args []string) error {
	dir, _ := cmd.Flags().GetString("fixtures")
	if dir == "" {
		if len(args) > 0 {
			return fmt.Errorf("unknown eval subcommand %q", args[0])
		}
		return cmd.Help()
	}
	if len(args) > 0 {
		return fmt.Errorf("eval --fixtures takes no arguments, got %q", args)
	}
	format, _ := cmd.Flags().GetString("format")
	if format != "markdown" && format != "json" {
		return fmt.Errorf("--format: want markdown or json, got %q", format)
	}
	cfg, err := loadConfig(cmd)
	if err != nil {
		return err
	}
	p, err := cfg.NewPipeline()
	if err != nil {
		return err
	}
	fixtures, err := eval.LoadFixtures(dir)
	if err != nil {
		return err
	}
	var base *eval.FixturesReport
	basePath, _ := cmd.Flags().GetString("baseline")
	if basePath != "" {
		b, err := readFixturesReport(basePath)
		if err != nil {
			return err
		}
		base = &b
	}

	report := eval.FixturesReport{Schema: eval.ReportSchema, Fixtures: []eval.FixtureReport{}}
	var (
		total    eval.FixtureScore
		failures []string
		checks   []string
	)
	for _, f := range fixtures {
		d := pipeline.NewDoc(f.Name, f.Text)
		if err := p.Process(cmd.Context(), d); err != nil {
			return err
		}
		s := eval.ScoreFixture(f.Gold, d)
		total.Add(s)
		r := s.Report(f.Name)
		r.TextSHA256 = eval.SHA256(f.Text)
		r.Status = "ok"
		if len(d.Errors) > 0 {
			r.Status, r.Errors = "partial", d.Errors
			for _, e := range d.Errors {
				failures = append(failures, fmt.Sprintf("%s: stage %s failed: %s", f.Name, e.Stage, e.Message))
			}
		}
		report.Fixtures = append(report.Fixtures, r)
	}
	report.Overall = total.Report("overall")
	report.Overall.Misses = nil // they are under each fixture

	overall := report.Overall.Metrics()
	for _, t := range thresholds {
		min, _ := cmd.Flags().GetFloat64(t.flag)
		if min <= 0 {
			continue
		}
		checks = append(checks, fmt.Sprintf("--%s %g", t.flag, min))
		v, ok := overall[t.metric]
		switch {
		case !ok:
			failures = append(failures, fmt.Sprintf("overall: %s is not scored by any fixture (--%s)", t.metric, t.flag))
		case v < min:
			failures = append(failures, fmt.Sprintf("overall: %s %.4f is under --%s %g", t.metric, v, t.flag, min))
		}
	}
	if base != nil {
		tol, _ := cmd.Flags().GetFloat64("tolerance")
		checks = append(checks, fmt.Sprintf("baseline %s (tolerance %g)", basePath, tol))
		for _, r := range eval.Compare(*base, report, tol) {
			failures = append(failures, r.String())
		}
	}

	report.Failures = failures
	js, err := json.MarshalIndent(report, "", "  ")
	if err != nil {
		return err
	}
	js = append(js, '\n')
	for _, flag := range []string{"json", "write-baseline"} {
		if path, _ := cmd.Flags().GetString(flag); path != "" {
			if err := os.WriteFile(path, js, 0o644); err != nil {
				return err
			}
		}
	}
	out := cmd.OutOrStdout()
	if format == "json" {
		_, err = out.Write(js)
	} else {
		md := report.Markdown(checks, failures)
		if misses, _ := cmd.Flags().GetBool("misses"); misses {
			md += missesMarkdown(report)
		}
		_, err = io.WriteString(out, md)
	}
	if err != nil {
		return err
	}
	if len(failures) > 0 {
		shown := failures[:min(len(failures), 5)]
		more := ""
		if n := len(failures) - len(shown); n > 0 {
			more = fmt.Sprintf("\n  ... and %d more (in the report)", n)
		}
		return &exitError{1, fmt.Errorf("%d fixture checks failed:\n  %s%s", len(failures), strings.Join(shown, "\n  "), more)}
	}
	return nil
}

// missesMarkdown lists each fixture's misses in a collapsed block, so that a
// pull-request comment stays short.
func missesMarkdown(r eval.FixturesReport) string {
	var b strings.Builder
	b.WriteString("\n### Misses\n")
	for _, f := range r.Fixtures {
		var ms []string
		if f.Participants != nil {
			ms = append(ms, f.Participants.Misses...)
		}
		ms = append(ms, f.Misses...)
		if len(ms) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n<details><summary><code>%s</code>: %d</summary>\n\n", f.Name, len(ms))
		for _, m := range ms {
			b.WriteString("- " + m + "\n")
		}
		b.WriteString("\n</details>\n")
	}
	return b.String()
}

func readFixturesReport(path string) (eval.FixturesReport, error) {
	var r eval.FixturesReport
	b, err := os.ReadFile(path)
	if err != nil {
		return r, err
	}
	if err := json.Unmarshal(b, &r); err != nil {
		return r, fmt.Errorf("%s: %w", path, err)
	}
	if r.Schema != eval.ReportSchema {
		return r, fmt.Errorf("%s: schema %q, want %q (a report written by readout eval --fixtures --json)", path, r.Schema, eval.ReportSchema)
	}
	return r, nil
}

func newFixturesCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "fixtures",
		Short: "Manage fixtures: articles with gold annotations for readout eval --fixtures",
		Example: `  readout fixtures import --from ../shared/data/articles testdata/fixtures
  readout eval --fixtures testdata/fixtures`,
	}
	imp := &cobra.Command{
		Use:   "import --from DIR DEST",
		Short: "Turn a folder of NAME.txt + NAME.json gold files into fixtures in DEST",
		Long: `import copies each NAME.json gold file of --from to DEST/NAME.gold.json,
adding the fixture schema, the text's SHA-256 and its source. The text is
copied to DEST/NAME.txt only when the folder's SOURCES.tsv (columns file,
title, url_or_origin, license_note) gives it a licence that allows copying
(CC BY, CC BY-SA, CC0, public domain); otherwise the gold file points at the
original with text_path. It prints an attribution list in markdown.`,
		Example: `  readout fixtures import --from ../shared/data/articles testdata/fixtures >> testdata/fixtures/SOURCES.md`,
		Args:    cobra.ExactArgs(1),
		RunE:    runFixturesImport,
	}
	imp.Flags().String("from", "", "folder of NAME.txt and NAME.json (required)")
	_ = imp.MarkFlagRequired("from")
	cmd.AddCommand(imp)
	return cmd
}

// sourceRow is one line of a SOURCES.tsv.
type sourceRow struct{ title, url, license string }

func readSources(path string) (map[string]sourceRow, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil // no licences known: nothing is copied
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = '\t', true, -1
	rows, err := r.ReadAll()
	if err != nil || len(rows) == 0 {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	get := func(row []string, name string) string {
		if i, ok := col[name]; ok && i < len(row) {
			return row[i]
		}
		return ""
	}
	out := map[string]sourceRow{}
	for _, row := range rows[1:] {
		out[get(row, "file")] = sourceRow{get(row, "title"), get(row, "url_or_origin"), get(row, "license_note")}
	}
	return out, nil
}

// copyable reports whether a licence note allows copying the text verbatim
// into a repository (with attribution). Anything unknown does not.
func copyable(license string) bool {
	l := strings.ToUpper(license)
	if strings.Contains(l, "NC") || strings.Contains(l, "ND") {
		return false
	}
	for _, ok := range []string{"CC BY", "CC-BY", "CC0", "PUBLIC DOMAIN"} {
		if strings.HasPrefix(l, ok) {
			return true
		}
	}
	return false
}

func runFixturesImport(cmd *cobra.Command, args []string) error {
	from, _ := cmd.Flags().GetString("from")
	dest := args[0]
	sources, err := readSources(filepath.Join(from, "SOURCES.tsv"))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dest, 0o755); err != nil {
		return err
	}
	golds, err := filepath.Glob(filepath.Join(from, "*.json"))
	if err != nil {
		return err
	}
	out := cmd.OutOrStdout()
	n := 0
	for _, gp := range golds {
		name := strings.TrimSuffix(filepath.Base(gp), ".json")
		txtPath := filepath.Join(from, name+".txt")
		text, err := os.ReadFile(txtPath)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return err
		}
		gold, err := os.ReadFile(gp)
		if err != nil {
			return err
		}
		if _, err := eval.ReadFixtureGold(gp); err != nil {
			return err
		}
		src := sources[name+".txt"]
		head := map[string]any{"schema": eval.FixtureSchema, "text_sha256": eval.SHA256(string(text))}
		if src != (sourceRow{}) {
			head["source"] = eval.FixtureSource{Title: src.title, URL: src.url, License: src.license}
		}
		if copyable(src.license) {
			if err := os.WriteFile(filepath.Join(dest, name+".txt"), text, 0o644); err != nil {
				return err
			}
		} else {
			rel, err := filepath.Rel(dest, txtPath)
			if err != nil {
				rel, _ = filepath.Abs(txtPath)
			}
			head["text_path"] = filepath.ToSlash(rel)
		}
		merged, err := prependFields(gold, head)
		if err != nil {
			return fmt.Errorf("%s: %w", gp, err)
		}
		if err := os.WriteFile(filepath.Join(dest, name+".gold.json"), merged, 0o644); err != nil {
			return err
		}
		n++
		how := "text copied"
		if !copyable(src.license) {
			how = "text not copied (licence: " + orUnknown(src.license) + ")"
		}
		fmt.Fprintf(out, "- `%s`: %s, <%s>, %s; %s\n", name, orUnknown(src.title), orUnknown(src.url), orUnknown(src.license), how)
	}
	if n == 0 {
		return fmt.Errorf("no NAME.json with NAME.txt in %s", from)
	}
	return nil
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// prependFields adds fields at the top of a JSON object and keeps the rest
// of the file byte for byte, so that an imported gold file reads like its
// original in review.
func prependFields(obj []byte, fields map[string]any) ([]byte, error) {
	t := bytes.TrimLeft(obj, " \t\r\n")
	if len(t) == 0 || t[0] != '{' {
		return nil, errors.New("not a JSON object")
	}
	var b bytes.Buffer
	b.WriteString("{\n")
	for _, k := range []string{"schema", "source", "text_path", "text_sha256"} {
		v, ok := fields[k]
		if !ok {
			continue
		}
		js, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&b, "  %q: %s,\n", k, js)
	}
	rest := bytes.TrimLeft(t[1:], " \t\r\n")
	b.WriteString("  ")
	b.Write(rest)
	if !json.Valid(b.Bytes()) {
		return nil, errors.New("merged gold is not valid JSON")
	}
	return b.Bytes(), nil
}
