package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"time"

	"github.com/spf13/cobra"

	"github.com/readout/readout/render"
)

func newRenderCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "render FILE.json",
		Short: "Write one self-contained HTML page showing a record on its text",
		Long: `render shows one readout record on its text: entity highlights with a label
tag, participant cards with role, country and organisation, each
paragraph's topics and the issue table. The page has no script and no
external assets. The text is the record's own (annotate with
output.text: true, e.g. READOUT_OUTPUT_TEXT=true) or --text FILE; it
must match the record's text_sha256. Offsets are read in the record's unit.
With --serve the page is served on a loopback address instead of printed.`,
		Example: `  READOUT_OUTPUT_TEXT=true readout annotate testdata/egypt-russia-cairo.txt > rec.json
  readout render rec.json > page.html
  readout render --text testdata/egypt-russia-cairo.txt testdata/egypt-russia-cairo.golden.json > page.html
  readout render --serve 127.0.0.1:8080 rec.json`,
		Args: cobra.ExactArgs(1),
		RunE: runRender,
	}
	f := cmd.Flags()
	f.String("text", "", "the document text, when the record was written without it")
	f.String("id", "", "the record to show, when FILE holds several (JSON Lines)")
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
	rec, err := readRecord(args[0], id)
	if err != nil {
		return err
	}
	var text string
	switch {
	case textPath != "":
		b, err := os.ReadFile(textPath)
		if err != nil {
			return err
		}
		text = string(b)
	case rec.Text != nil:
		text = *rec.Text
	default:
		return fmt.Errorf("%s has no text: annotate with output.text: true (READOUT_OUTPUT_TEXT=true) or pass --text FILE", args[0])
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
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, _ *http.Request) {
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
