package readout_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/readout/readout/pipeline"
)

// TestWriteJSONSameBytes: the streamed record is the bytes json.Encoder
// writes, for real records with every output option, an error record and
// an empty one.
func TestWriteJSONSameBytes(t *testing.T) {
	paths, _ := filepath.Glob("testdata/fixtures/*.txt")
	paths = append(paths, "testdata/egypt-russia-cairo.txt")
	var outs []*pipeline.Output
	for _, path := range paths {
		d := annotate(t, path)
		d.Meta = map[string]string{"title": "<b>&</b>", "date": "2025-12-22"}
		outs = append(outs, d.Output(pipeline.OutputOptions{}),
			d.Output(pipeline.OutputOptions{Offsets: pipeline.UTF16, Text: true, Sentences: true, Tokens: true, OmitEvidence: true}))
	}
	outs = append(outs, pipeline.ErrorOutput("bad", &pipeline.Source{Path: "x", Line: 3, Record: 2}, "", "input", "malformed <JSON> & \u2028"),
		&pipeline.Output{})
	if len(outs) < 6 {
		t.Fatalf("only %d records", len(outs))
	}
	for _, o := range outs {
		var want, got bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(o); err != nil {
			t.Fatal(err)
		}
		if err := pipeline.WriteJSON(&got, o); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s: streamed JSON differs\n got %.300s\nwant %.300s", o.ID, got.Bytes(), want.Bytes())
		}
	}
}
