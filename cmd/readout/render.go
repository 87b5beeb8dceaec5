package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/readout/readout"
	"github.com/readout/readout/pipeline"
	"github.com/readout/readout/pipeline/source"
	"github.com/readout/readout/render"
)

func newRenderCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "render FILE",
		Short: "Write one self-contained HTML page showing a record on its text",
		Long: `render shows one readout record on its text: entity highlights with a label
tag, participant cards with role, country and organisation, each
paragraph's topics and the issue table. The page has no script and no
external assets.

FILE is a record written by annotate (JSON, or JSON Lines with --id) or a
document to annotate first (a text file, or JSON Lines articles with
--input jsonl). A record's text is found in this order: --text FILE, the
record's own text (output.text: true), then the file named by the record's
source, if it still holds the text the record was made from (its SHA-256
is the record's text_sha256). Offsets are read in the record's unit.
With --serve the page is served on a loopback address instead of printed.`,
		Example: `  readout render testdata/egypt-russia-cairo.txt > page.html
  readout annotate testdata/egypt-russia-cairo.txt > rec.json
  readout render rec.json > page.html
  readout render --text testdata/egypt-russia-cairo.txt testdata/egypt-russia-cairo.golden.json > page.html
  readout render --input jsonl --id a17 articles.jsonl > page.html
  readout render --serve 127.0.0.1:8080 testdata/egypt-russia-cairo.txt`,
		Args: cobra.ExactArgs(1),
		RunE: runRender,
	}
	f := cmd.Flags()
	f.String("text", "", "the document text, when the record was written without it and its source file is gone")
	f.String("id", "", "the record or document to show, when FILE holds several (JSON Lines)")
	f.String("input", "", "how FILE is read when it is a document, not a record: text or jsonl (input.format)")
	f.String("serve", "", "serve the page on this loopback address (127.0.0.1:8080) until interrupted")
	return cmd
}

func runRender(cmd *cobra.Command, args []string) error {
	id, _ := cmd.Flags().GetString("id")
	textPath, _ := cmd.Flags().GetString("text")
	addr, _ := cmd.Flags().GetString("serve")
	if addr != "" {
		if err := checkLoopback(addr); err != nil {
			return err
		}
	}
	cfg, err := loadConfig(cmd)
	if err != nil {
		return err
	}
	rec, text, err := renderInput(cmd.Context(), cfg, args[0], id, textPath)
	if err != nil {
		return err
	}
	var page bytes.Buffer
	if err := render.Render(&page, rec, text); err != nil {
		return fmt.Errorf("%s: %w", args[0], err)
	}
	if addr == "" {
		_, err = cmd.OutOrStdout().Write(page.Bytes())
		return err
	}
	return serve(cmd, addr, page.Bytes())
}

// renderInput is the record path shows and its text: path's record with
// the text found for it, or path's document annotated under cfg.
func renderInput(ctx context.Context, cfg readout.Config, path, id, textPath string) (*pipeline.Output, string, error) {
	kind, err := sniffJSON(path)
	if err != nil {
		return nil, "", err
	}
	switch {
	case kind == "record":
		rec, err := readRecord(path, id)
		if err != nil {
			return nil, "", err
		}
		if rec.Status == "error" {
			return nil, "", fmt.Errorf("%s: record %q is an error record, with nothing to show: %s", path, rec.ID, errorsOf(rec))
		}
		text, err := recordText(ctx, cfg, path, rec, textPath)
		return rec, text, err
	case textPath != "":
		return nil, "", fmt.Errorf("--text goes with a record; %s is a document, whose own text is shown", path)
	case kind == "json" && cfg.Input.Format == source.Text:
		return nil, "", fmt.Errorf("%s holds JSON that is not a readout record: to annotate JSON Lines articles, pass --input jsonl", path)
	}
	runner, err := cfg.NewRunner()
	if err != nil {
		return nil, "", err
	}
	runner.Output.Text = true
	doc, err := findDoc(ctx, path, cfg.SourceOptions(), id)
	if err != nil {
		return nil, "", err
	}
	rec := runner.Annotate(ctx, doc)
	if rec == nil {
		return nil, "", ctx.Err()
	}
	if rec.Status == "error" {
		return nil, "", fmt.Errorf("%s: %s", doc.ID, errorsOf(rec))
	}
	return rec, *rec.Text, nil
}

// sniffJSON says what path holds: "record" when its first JSON value is
// a readout record, "json" when it is other JSON, "" when it is not JSON.
func sniffJSON(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	var head struct {
		Schema string `json:"schema"`
	}
	if err := json.NewDecoder(f).Decode(&head); err != nil {
		return "", nil
	}
	if strings.HasPrefix(head.Schema, "readout/") {
		return "record", nil
	}
	return "json", nil
}

// recordText finds the text rec was made from, saying what it tried when
// nothing fits.
func recordText(ctx context.Context, cfg readout.Config, path string, rec *pipeline.Output, textPath string) (string, error) {
	if textPath != "" {
		b, err := os.ReadFile(textPath)
		return string(b), err
	}
	if rec.Text != nil {
		return *rec.Text, nil
	}
	tried := []string{"the record does not carry its text (annotate with output.text: true, READOUT_OUTPUT_TEXT=true)"}
	src := rec.Source
	switch {
	case src == nil || src.Path == "" || src.Path == "-":
		tried = append(tried, "it names no source file")
	case src.Path == "stdin" && !exists(src.Path):
		tried = append(tried, "it was read from standard input")
	default:
		for _, cand := range sourcePaths(path, src.Path) {
			text, err := sourceText(ctx, cfg, cand, src)
			if err != nil {
				tried = append(tried, fmt.Sprintf("its source %s: %v", cand, err))
				continue
			}
			sum := sha256.Sum256([]byte(text))
			got := hex.EncodeToString(sum[:])
			if got == rec.TextSHA256 {
				return text, nil
			}
			tried = append(tried, fmt.Sprintf("its source %s has changed since it was annotated (sha256 %.12s, the record's %.12s)", cand, got, rec.TextSHA256))
		}
	}
	return "", fmt.Errorf("%s: cannot find the text of record %q: %s; pass the text with --text FILE", path, rec.ID, strings.Join(tried, "; "))
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// sourcePaths are where a record's source file may be: the path as it was
// written, and a relative one also beside the record file.
func sourcePaths(recordPath, source string) []string {
	out := []string{source}
	if !filepath.IsAbs(source) {
		if beside := filepath.Join(filepath.Dir(recordPath), source); beside != filepath.Clean(source) {
			out = append(out, beside)
		}
	}
	return out
}

// sourceText reads the text of the record src points at in file path: the
// file's text, or the text of its JSON Lines record at src.Line.
func sourceText(ctx context.Context, cfg readout.Config, path string, src *pipeline.Source) (string, error) {
	if _, err := os.Stat(path); err != nil {
		return "", errors.Unwrap(err)
	}
	opts := cfg.SourceOptions()
	opts.Format = source.Text
	if src.Line > 0 {
		opts.Format = source.JSONL
	}
	var found *pipeline.Record
	err := eachRecord(ctx, path, opts, func(r pipeline.Record) bool {
		if src.Line == r.Source.Line {
			found = &r
			return false
		}
		return true
	})
	switch {
	case err != nil:
		return "", err
	case found == nil:
		return "", fmt.Errorf("has no record at line %d", src.Line)
	case found.Err != nil:
		return "", found.Err
	}
	return found.Text, nil
}

// findDoc is the document of path to annotate: the one with id, or its
// only one.
func findDoc(ctx context.Context, path string, opts source.Options, id string) (pipeline.Record, error) {
	var docs []pipeline.Record
	err := eachRecord(ctx, path, opts, func(r pipeline.Record) bool {
		if id == "" || r.ID == id {
			docs = append(docs, r)
		}
		return len(docs) < 2 && (id == "" || len(docs) == 0)
	})
	switch {
	case err != nil:
		return pipeline.Record{}, err
	case len(docs) == 0 && id != "":
		return pipeline.Record{}, fmt.Errorf("%s: no document with id %q", path, id)
	case len(docs) == 0:
		return pipeline.Record{}, fmt.Errorf("%s: no document", path)
	case len(docs) > 1:
		return pipeline.Record{}, fmt.Errorf("%s holds several documents; choose one with --id", path)
	}
	return docs[0], nil
}

// eachRecord reads path's records in order until yield returns false.
func eachRecord(ctx context.Context, path string, opts source.Options, yield func(pipeline.Record) bool) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	recs := make(chan pipeline.Record)
	done := make(chan error, 1)
	go func() { done <- source.Read(ctx, []string{path}, opts, recs) }()
	for r := range recs {
		if !yield(r) {
			cancel()
			for range recs { // let the reader see the cancellation and close
			}
			return nil
		}
	}
	return <-done
}

func errorsOf(rec *pipeline.Output) string {
	var msgs []string
	for _, e := range rec.Errors {
		msgs = append(msgs, e.Stage+": "+e.Message)
	}
	return strings.Join(msgs, "; ")
}

// loopbackHost reports whether a request's Host header names this server
// by a loopback name and its port.
func loopbackHost(host, port string) bool {
	h, p, err := net.SplitHostPort(host)
	if err != nil || p != port {
		return false
	}
	if h == "localhost" {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// checkLoopback refuses addresses other machines could reach: the page
// shows whatever text it was given.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--serve %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("--serve %q: only loopback addresses (127.0.0.1, [::1], localhost) are served", addr)
	}
	return nil
}

func serve(cmd *cobra.Command, addr string, page []byte) error {
	if host, port, _ := net.SplitHostPort(addr); host == "localhost" {
		addr = net.JoinHostPort("127.0.0.1", port) // never what localhost might resolve to
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		// A page another site's name resolves to here (DNS rebinding)
		// would let that site read it: answer only to loopback names.
		if !loopbackHost(r.Host, port) {
			http.Error(w, "readout serves only http://127.0.0.1, [::1] or localhost", http.StatusMisdirectedRequest)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
		_, _ = w.Write(page)
	})
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(cmd.ErrOrStderr(), "readout: serving on http://%s/ (Ctrl-C stops)\n", ln.Addr())
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shut)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
