package readout

import (
	"context"
	"reflect"
	"testing"

	"github.com/readout/readout/pipeline"
)

// TestAnnotate checks that Annotate gives the record the Runner gives, an
// error record for a bad one, and nil under a cancelled context.
func TestAnnotate(t *testing.T) {
	cfg, err := LoadConfig("")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Pipeline = []string{"paragraphs", "tables"} // no models: fast and independent of them
	r, err := cfg.NewRunner()
	if err != nil {
		t.Fatal(err)
	}
	rec := pipeline.Record{ID: "a", Text: "# Libya\n\nEgypt raised arms flows.\n", Source: pipeline.Source{Path: "a.txt", Record: 3}}

	in := make(chan pipeline.Record, 1)
	in <- rec
	close(in)
	var want *pipeline.Output
	if err := r.Run(context.Background(), in, func(o *pipeline.Output) error { want = o; return nil }); err != nil {
		t.Fatal(err)
	}
	got := Annotate(context.Background(), r, rec)
	if !reflect.DeepEqual(got, want) || got.Status != "ok" || len(got.Paragraphs) != 2 {
		t.Errorf("Annotate = %+v\nwant %+v", got, want)
	}

	bad := Annotate(context.Background(), r, pipeline.Record{ID: "b", Text: " \n"})
	if bad == nil || bad.Status != "error" || bad.ID != "b" || len(bad.Errors) != 1 || bad.Errors[0].Message != "empty text" {
		t.Errorf("empty text: %+v", bad)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if out := Annotate(ctx, r, rec); out != nil {
		t.Errorf("cancelled: got %+v, want nil", out)
	}
}
